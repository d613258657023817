"""Roles and permissions kept in the cache (lpse_portal/izin.py, issue 10): read once, and
forgotten as soon as they change, whoever changes them."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lpse_portal.izin import BackendIzin, data_akses

ANTREAN = "/registrasi/verifikasi/"


def _baru(user):
    """The user as the next request loads it (the cache on the object is per request)."""
    return type(user).objects.get(pk=user.pk)


def _kueri_akses(client, url):
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(url)
    return respons, [q["sql"] for q in kueri if "auth_permission" in q["sql"] or "auth_group" in q["sql"]]


def test_it_reads_roles_and_permissions_once_across_requests(masuk, verifikator):
    client = masuk(verifikator)
    client.get(ANTREAN)
    respons, kueri = _kueri_akses(client, ANTREAN)
    assert respons.status_code == 200
    assert kueri == []


def test_it_forgets_a_users_roles_when_their_groups_change(masuk, verifikator):
    client = masuk(verifikator)
    assert client.get(ANTREAN).status_code == 200
    verifikator.groups.remove(Group.objects.get(name="verifikator"))
    assert client.get(ANTREAN).status_code == 403


def test_it_forgets_everyones_permissions_when_a_groups_permissions_change(masuk, verifikator):
    client = masuk(verifikator)
    assert client.get(ANTREAN).status_code == 200
    izin = Permission.objects.get(codename="verifikasi_pendaftaran")
    for grup in Group.objects.filter(permissions=izin):
        grup.permissions.remove(izin)
    assert client.get(ANTREAN).status_code == 403


def test_it_forgets_a_role_renamed(masuk, verifikator):
    data_akses(verifikator)
    grup = Group.objects.get(name="verifikator")
    grup.name = "verifikator-lama"
    grup.save()
    assert "verifikator" not in data_akses(_baru(verifikator))["peran"]


def test_it_gives_an_inactive_user_no_permission_even_when_cached(verifikator):
    assert BackendIzin().get_all_permissions(verifikator)
    nonaktif = _baru(verifikator)
    nonaktif.is_active = False
    assert BackendIzin().get_all_permissions(nonaktif) == set()


def test_it_reads_again_when_the_user_becomes_superuser(verifikator):
    jumlah = len(data_akses(verifikator)["izin"])
    superuser = _baru(verifikator)
    superuser.is_superuser = True
    assert len(data_akses(superuser)["izin"]) > jumlah


def test_it_does_not_keep_roles_read_just_before_a_change(verifikator):
    # A request reads the roles, the change commits, then that request writes its entry: the
    # entry carries the version of before the change and is not used.
    from django.core.cache import cache

    from lpse_portal import izin

    lama = data_akses(_baru(verifikator))
    verifikator.groups.remove(Group.objects.get(name="verifikator"))
    cache.set(izin._kunci(verifikator.pk), lama, izin.UMUR)  # the late write of the old read
    assert "verifikator" not in data_akses(_baru(verifikator))["peran"]
