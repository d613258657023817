"""Officials' accounts: requested with the SK, verified, approved into pejabat_pengadaan."""

import datetime

import pytest
import time_machine
from django.core import mail

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.tests import berkas_uji as b
from registrasi import services
from registrasi.models import PejabatPengadaan, PermohonanPejabat
from registrasi.tests import pabrik


def _ajukan(username="pokja.satu", **kwargs):
    return services.ajukan_permohonan_pejabat(
        data=pabrik.data_permohonan_pejabat(username, **kwargs), berkas_sk=pabrik.berkas_pdf("sk.pdf")
    )


@time_machine.travel(datetime.datetime(2026, 3, 17, 9, 0, tzinfo=datetime.UTC))
def test_it_sets_a_two_working_day_target_from_the_lpse_calendar(db):
    # Selasa 17 Maret 2026; 18 (cuti bersama), 19 (Nyepi), 20, 23, 24 Maret (Idulfitri) are days off.
    permohonan = _ajukan()
    assert permohonan.tenggat == datetime.date(2026, 3, 26)


def test_it_approves_into_the_pejabat_pengadaan_role_with_the_sub_role(verifikator, django_capture_on_commit_callbacks):
    permohonan = _ajukan(sub_peran="pokja_pemilihan", perangkat_daerah="dikes")
    with django_capture_on_commit_callbacks(execute=True):
        pejabat = services.setujui_permohonan_pejabat(permohonan_id=permohonan.pk, oleh=verifikator)
    assert pejabat.sub_peran == "pokja_pemilihan"
    assert pejabat.perangkat_daerah.kode == "dikes"
    assert list(pejabat.user.groups.values_list("name", flat=True)) == ["pejabat_pengadaan"]
    assert not pejabat.user.has_usable_password()
    subjek = [m.subject for m in mail.outbox]
    assert "(LPSE) [pokja.satu] Selamat Bergabung" in subjek
    assert "/accounts/reset/" in next(m.body for m in mail.outbox if "Selamat Bergabung" in m.subject)


def test_it_makes_no_account_when_the_request_is_rejected(verifikator):
    permohonan = _ajukan()
    services.tolak_permohonan_pejabat(permohonan_id=permohonan.pk, alasan="SK tidak sah.", oleh=verifikator)
    assert not PejabatPengadaan.objects.exists()
    assert PermohonanPejabat.objects.get(pk=permohonan.pk).status == "ditolak"


def test_it_refuses_a_user_id_requested_twice(db):
    _ajukan("pokja.sama")
    with pytest.raises(TransisiTidakSah, match="sedang diminta dalam permohonan lain"):
        _ajukan("pokja.sama")


def test_it_keeps_a_request_with_another_verifikator_out_of_reach(verifikator, buat_staf):
    lain = buat_staf("verif.lain", "pelaksana-registrasi")
    permohonan = _ajukan()
    services.proses_permohonan_pejabat(permohonan_id=permohonan.pk, oleh=verifikator)
    with pytest.raises(TransisiTidakSah, match="sedang diproses oleh"):
        services.setujui_permohonan_pejabat(permohonan_id=permohonan.pk, oleh=lain)


def test_it_refuses_a_request_without_a_pdf_sk_and_saves_nothing(client, db):
    from registrasi.models import PerangkatDaerah

    data = pabrik.data_permohonan_pejabat("ppk.baru")
    data["perangkat_daerah"] = PerangkatDaerah.objects.get(kode="pupr").pk
    data["tanggal_sk"] = "05-01-2026"
    response = client.post("/registrasi/pejabat/daftar/", {**data, "berkas_sk": b.unggahan("sk.pdf", b.png_sah())})
    assert "bukan PDF yang sah" in response.content.decode()
    response = client.post("/registrasi/pejabat/daftar/", data)
    assert "Bidang ini tidak boleh kosong" in response.content.decode()
    assert not PermohonanPejabat.objects.exists()


def test_it_shows_the_target_and_lateness_on_the_queue(verifikator, masuk):
    with time_machine.travel(datetime.datetime(2026, 4, 6, 1, 0, tzinfo=datetime.UTC)):
        _ajukan("ppk.terlambat")
    with time_machine.travel(datetime.datetime(2026, 4, 13, 1, 0, tzinfo=datetime.UTC)):
        halaman = masuk(verifikator).get("/registrasi/pejabat/").content.decode()
    assert "terlambat" in halaman and "8 Apr 2026" in halaman
