"""The shared cast's outside accounts are real approved accounts built through the services."""

from registrasi.models import PejabatPengadaan, Penyedia


def test_it_builds_penyedia_a_as_an_approved_vendor(penyedia_a, client):
    penyedia = Penyedia.objects.get(user=penyedia_a)
    assert penyedia.status == Penyedia.Status.AKTIF
    assert penyedia.pendaftaran.status == "disetujui"
    assert penyedia_a.is_active
    assert set(penyedia_a.groups.values_list("name", flat=True)) == {"penyedia"}


def test_it_builds_ppk_a_as_an_approved_official(ppk_a):
    pejabat = PejabatPengadaan.objects.get(user=ppk_a)
    assert pejabat.sub_peran == "ppk"
    assert pejabat.perangkat_daerah.kode == "pupr"
    assert set(ppk_a.groups.values_list("name", flat=True)) == {"pejabat_pengadaan"}


def test_it_lets_the_cast_log_in_with_the_cast_password(penyedia_a, ppk_a, client):
    from conftest import KATA_SANDI

    for username in ("penyedia.a", "ppk.a"):
        response = client.post("/accounts/login/", {"username": username, "password": KATA_SANDI})
        assert response.status_code == 302, username
        client.logout()
