"""What a letter may be linked to: a registry of model kinds, filled by the apps that own them.

organisasi imports no other app, so a link is a content type + id (TautanSurat). The app that
owns a kind registers it, typically in its AppConfig.ready():

    from organisasi.tautan_surat import daftarkan

    daftarkan("registrasi.PermohonanPenonaktifan", _("Permohonan penonaktifan User ID"),
              pilihan=lambda user: PermohonanPenonaktifan.objects.visible_to(user))

`pilihan(user)` gives the objects that user may link (and see); without it, the model's
`visible_to(user)` is used when the manager has one, else every object. A link is refused
when its kind is not registered or its object does not exist (checked on every save).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class JenisTautan:
    model: str  # "app_label.ModelName"
    label: str
    pilihan: Callable | None = None
    url: Callable | None = None

    @property
    def kunci(self) -> str:
        return self.model.lower()

    def model_class(self):
        return apps.get_model(self.model)

    def objek_untuk(self, user) -> QuerySet:
        model = self.model_class()
        if self.pilihan is not None:
            return self.pilihan(user)
        if hasattr(model.objects, "visible_to"):
            return model.objects.visible_to(user)
        return model.objects.all()

    def url_objek(self, objek) -> str:
        if self.url is not None:
            return self.url(objek)
        return objek.get_absolute_url() if hasattr(objek, "get_absolute_url") else ""


_jenis: dict[str, JenisTautan] = {}


def daftarkan(model: str, label, *, pilihan: Callable | None = None, url: Callable | None = None) -> None:
    jenis = JenisTautan(model, label, pilihan, url)
    _jenis[jenis.kunci] = jenis


def hapus(model: str) -> None:
    _jenis.pop(model.lower(), None)


def semua_jenis() -> list[JenisTautan]:
    """Registered kinds whose app is installed, by label."""
    hasil = []
    for jenis in _jenis.values():
        try:
            jenis.model_class()
        except LookupError:
            continue
        hasil.append(jenis)
    return sorted(hasil, key=lambda j: str(j.label))


def jenis_dari_kunci(kunci: str) -> JenisTautan | None:
    return next((j for j in semua_jenis() if j.kunci == kunci), None)


def jenis_dari_content_type(ct: ContentType) -> JenisTautan | None:
    return jenis_dari_kunci(f"{ct.app_label}.{ct.model}")


def periksa_objek(content_type: ContentType, object_id, user=None):
    """The linked object, or ValidationError when its kind is not registered, it does not
    exist, or (with `user`) that user may not see it."""
    jenis = jenis_dari_content_type(content_type)
    if jenis is None:
        raise ValidationError(
            _("Surat tidak dapat ditautkan ke %(jenis)s: jenis ini tidak terdaftar.") % {"jenis": content_type.name},
            code="jenis_tautan",
        )
    qs = jenis.objek_untuk(user) if user is not None else jenis.model_class()._default_manager.all()
    objek = qs.filter(pk=object_id).first()
    if objek is None:
        raise ValidationError(
            _("%(jenis)s dengan ID %(id)s tidak ditemukan.") % {"jenis": jenis.label, "id": object_id},
            code="objek_tautan",
        )
    return objek


def pasang_bawaan() -> None:
    """organisasi's own kinds: a letter may concern an appointment (an SK) or an activity."""
    from organisasi.models import Pegawai, Penugasan

    def penugasan_untuk(user):
        return Penugasan.objects.filter(pegawai__in=Pegawai.objects.visible_to(user)).select_related(
            "pegawai", "jabatan"
        )

    def url_penugasan(p):
        from django.urls import reverse

        return reverse("organisasi:pegawai_detail", args=[p.pegawai_id])

    daftarkan("organisasi.Penugasan", _("Penugasan (SK)"), pilihan=penugasan_untuk, url=url_penugasan)
    daftarkan("organisasi.Kegiatan", _("Kegiatan program"))
