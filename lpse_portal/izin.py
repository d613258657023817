"""A staff user's roles and permissions, read once and kept in the cache.

Every staff page asks for them (the menu, the second-factor rule, `permission_required`):
ModelBackend reads them with three queries a request (~1.4 ms, a tenth of a list page at
provincial scale; issue 10, docs/performance.md). Here they are kept in the cache per user,
next to a version:

- a change of one user's groups or own permissions bumps that user's version;
- a change that can touch many users (a group's permissions, a group or permission renamed or
  deleted, a migration) bumps the global version;
- an entry is used only while both versions are the ones it was read under (so a request that
  read the rows just before a change cannot leave them behind), remembers `is_superuser`, and
  lives ten minutes at most whatever happens. Versions are bumped at once and again on commit.

An inactive user still has no permission at all (checked before the cache, as ModelBackend
does), so deactivation takes effect on the next request.
"""

import contextlib
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from lpse_portal.halaman_tersimpan import naikkan_versi
from lpse_portal.kueri import satu_baris

logger = logging.getLogger(__name__)

UMUR = 600
KUNCI_VERSI = "izin:versi"


def _kunci(user_pk) -> str:
    return f"izin:user:{user_pk}"


def _kunci_versi_user(user_pk) -> str:
    return f"izin:user-versi:{user_pk}"


def data_akses(user) -> dict:
    """{"peran": role names, "izin": "app.codename" permissions} of an active user, cached on
    the user object for the request and in the cache between requests."""
    if hasattr(user, "_akses_cache"):
        return user._akses_cache
    try:
        simpan = cache.get_many([KUNCI_VERSI, _kunci_versi_user(user.pk), _kunci(user.pk)])
    except Exception:  # noqa: BLE001 - a cache outage: read the database, as ModelBackend would
        logger.warning("Cache tidak tersedia: peran dan izin dibaca dari basis data.")
        simpan = None
    versi = ((simpan or {}).get(KUNCI_VERSI, 0), (simpan or {}).get(_kunci_versi_user(user.pk), 0))
    entri = (simpan or {}).get(_kunci(user.pk))
    if not entri or entri["versi"] != versi or entri["super"] != user.is_superuser:
        entri = {
            "versi": versi,
            "super": user.is_superuser,
            "peran": frozenset(user.groups.values_list("name", flat=True)),
            "izin": frozenset(ModelBackend().get_all_permissions(user)),
        }
        if simpan is not None:
            with contextlib.suppress(Exception):
                cache.set(_kunci(user.pk), entri, UMUR)
    user._akses_cache = entri
    return entri


class BackendIzin(ModelBackend):
    """ModelBackend whose permission lookups read data_akses() and whose user lookup of every
    request is one prepared SELECT (lpse_portal/kueri.py)."""

    def get_user(self, user_id):
        User = get_user_model()
        try:
            pk = User._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        user = satu_baris(User, f"{User._meta.pk.column} = %s", [pk])
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = set(data_akses(user_obj)["izin"])
        return user_obj._perm_cache


def lupakan_user(*pks) -> None:
    # A user's version may expire once no entry read under an older one can still live (twice
    # UMUR): then it reads 0 again, which no entry written after a bump carries.
    for pk in pks:
        naikkan_versi(_kunci_versi_user(pk), 2 * UMUR)


def naikkan_versi_global(**kwargs) -> None:
    naikkan_versi(KUNCI_VERSI)


@receiver(m2m_changed)
def _akses_berubah(sender, instance, action, reverse, pk_set, **kwargs):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not action.startswith("post_") and action != "pre_clear":
        return
    if sender in (User.groups.through, User.user_permissions.through):
        if isinstance(instance, User):
            lupakan_user(instance.pk)
        else:  # from the group's or the permission's side: many users at once
            naikkan_versi_global()
    elif sender is Group.permissions.through:
        naikkan_versi_global()


for _model in (Group, Permission):
    post_save.connect(naikkan_versi_global, sender=_model, dispatch_uid=f"izin-simpan-{_model.__name__}")
    post_delete.connect(naikkan_versi_global, sender=_model, dispatch_uid=f"izin-hapus-{_model.__name__}")

# A migration may change groups and permissions with bulk writes that send no signal.
post_migrate.connect(naikkan_versi_global, dispatch_uid="izin-migrasi")
