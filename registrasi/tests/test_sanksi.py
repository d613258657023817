"""Blacklist sanctions: requests, dated enforcement, status changes and the tamper-evident record."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from conftest import KATA_SANDI
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import Peristiwa
from lpse_portal.tests import berkas_uji as b
from registrasi.models import Penyedia
from registrasi.models.sanksi import SanksiDaftarHitam
from registrasi.services import sanksi as layanan
from registrasi.services.sanksi import terapkan_sanksi_harian

HARI_INI = datetime.date(2026, 6, 10)


def _pada(tanggal: datetime.date):
    """Freeze the clock at 08.00 WITA on `tanggal`."""
    return time_machine.travel(datetime.datetime(tanggal.year, tanggal.month, tanggal.day, 0, 0, tzinfo=datetime.UTC))


def _aktif(penyedia) -> bool:
    penyedia = Penyedia.objects.select_related("user").get(pk=penyedia.pk)
    return penyedia.user.is_active and penyedia.status == Penyedia.Status.AKTIF


@pytest.mark.django_db
class TestTanggal:
    """The dates decide, through the daily job."""

    def test_it_leaves_the_account_active_until_tomorrows_start(self, vendor, sanksi_untuk):
        with _pada(HARI_INI):
            sanksi_untuk(vendor, mulai=HARI_INI + datetime.timedelta(days=1))
            terapkan_sanksi_harian()
            assert _aktif(vendor)
        with _pada(HARI_INI + datetime.timedelta(days=1)):
            terapkan_sanksi_harian()
            assert not _aktif(vendor)

    def test_it_reactivates_after_the_end_date(self, vendor, sanksi_untuk):
        with _pada(HARI_INI):
            s = sanksi_untuk(vendor, mulai=HARI_INI)
        assert s.selesai == datetime.date(2027, 6, 9)  # one year; the end day is the last day under sanction
        with _pada(s.selesai):
            terapkan_sanksi_harian()
            assert not _aktif(vendor)
        with _pada(s.selesai + datetime.timedelta(days=1)):
            terapkan_sanksi_harian()
            assert _aktif(vendor)
            assert SanksiDaftarHitam.objects.get(pk=s.pk).status == "berakhir"

    def test_it_stays_inactive_until_the_later_of_two_overlapping_sanctions_ends(self, vendor, sanksi_untuk):
        with _pada(HARI_INI):
            pendek = sanksi_untuk(vendor, mulai=HARI_INI, kode="mundur-tanpa-alasan")
            panjang = sanksi_untuk(vendor, mulai=HARI_INI + datetime.timedelta(days=30), kode="dokumen-palsu")
        with _pada(pendek.selesai + datetime.timedelta(days=1)):
            terapkan_sanksi_harian()
            assert not _aktif(vendor)
        with _pada(panjang.selesai + datetime.timedelta(days=1)):
            terapkan_sanksi_harian()
            assert _aktif(vendor)

    def test_it_changes_nothing_the_second_time_the_job_runs(self, vendor, sanksi_untuk):
        with _pada(HARI_INI):
            sanksi_untuk(vendor, mulai=HARI_INI + datetime.timedelta(days=1))
        with _pada(HARI_INI + datetime.timedelta(days=1)):
            pertama = terapkan_sanksi_harian()
            jumlah = Peristiwa.objects.count()
            kedua = terapkan_sanksi_harian()
        assert pertama["dinonaktifkan"] == 1
        assert kedua == {"berakhir": 0, "dinonaktifkan": 0, "diaktifkan": 0}
        assert Peristiwa.objects.count() == jumlah

    def test_it_runs_as_a_command(self, vendor, sanksi_untuk, capsys):
        with _pada(HARI_INI):
            sanksi_untuk(vendor, mulai=HARI_INI + datetime.timedelta(days=1))
        with _pada(HARI_INI + datetime.timedelta(days=1)):
            call_command("terapkan_sanksi")
        assert "1 User ID dinonaktifkan" in capsys.readouterr().out


def test_it_deactivates_at_once_when_the_sanction_has_started(vendor, sanksi_untuk, client):
    client.force_login(vendor.user)
    assert Session.objects.count() == 1
    sanksi_untuk(vendor)
    assert not _aktif(vendor)
    assert Session.objects.count() == 0
    assert client.get("/registrasi/profil/").status_code == 302


def test_it_tells_the_deactivated_vendor_why_and_until_when_at_login(vendor, sanksi_untuk, client):
    s = sanksi_untuk(vendor)
    response = client.post("/accounts/login/", {"username": vendor.user.username, "password": KATA_SANDI})
    halaman = response.content.decode()
    assert "dinonaktifkan karena sanksi daftar hitam" in halaman
    assert s.nomor_sk in halaman
    assert f"{s.selesai.day} " in halaman


def test_it_says_nothing_about_sanctions_to_a_wrong_password(vendor, sanksi_untuk, client):
    sanksi_untuk(vendor)
    response = client.post("/accounts/login/", {"username": vendor.user.username, "password": "salah-sandi"})
    assert "daftar hitam" not in response.content.decode()


def test_it_reactivates_when_the_sanction_is_suspended_by_a_court(vendor, sanksi_untuk, verifikator, pdf):
    s = sanksi_untuk(vendor)
    layanan.ubah_status_sanksi(
        sanksi_id=s.pk,
        ke="penundaan",
        nomor_sk_baru="027/SK-TUNDA/2026",
        putusan={
            "nomor": "12/G/2026/PTUN.MTR",
            "tanggal": datetime.date.today(),
            "pengadilan": "PTUN Mataram",
            "ringkasan": "Menunda pelaksanaan SK.",
            "berkas": pdf("putusan.pdf"),
        },
        oleh=verifikator,
    )
    assert _aktif(vendor)


@pytest.mark.parametrize(
    "dari, ke",
    [("tayang", "berakhir"), ("tayang", "tayang"), ("pembatalan", "tayang"), ("berakhir", "tayang")],
)
def test_it_refuses_a_status_change_outside_the_allowed_list(dari, ke, vendor, sanksi_untuk, verifikator):
    s = sanksi_untuk(vendor)
    SanksiDaftarHitam.objects.filter(pk=s.pk).update(status=dari)
    with pytest.raises(TransisiTidakSah, match="tidak diizinkan"):
        layanan.ubah_status_sanksi(sanksi_id=s.pk, ke=ke, nomor_sk_baru="SK-X", oleh=verifikator)


def test_it_refuses_a_cancellation_without_a_court_decision(vendor, sanksi_untuk, verifikator):
    s = sanksi_untuk(vendor)
    with pytest.raises(TransisiTidakSah, match="memerlukan putusan pengadilan"):
        layanan.ubah_status_sanksi(sanksi_id=s.pk, ke="pembatalan", nomor_sk_baru="SK-BATAL", oleh=verifikator)


def test_it_refuses_a_new_sk_number_already_used(vendor, sanksi_untuk, verifikator, pdf):
    s = sanksi_untuk(vendor)
    putusan = {"nomor": "1", "tanggal": HARI_INI, "pengadilan": "PTUN", "ringkasan": "Tunda.", "berkas": pdf()}
    with pytest.raises(TransisiTidakSah, match="sudah dipakai"):
        layanan.ubah_status_sanksi(
            sanksi_id=s.pk, ke="penundaan", nomor_sk_baru=s.nomor_sk, putusan=putusan, oleh=verifikator
        )
    assert SanksiDaftarHitam.objects.get(pk=s.pk).status == "tayang"


@pytest.mark.parametrize(
    "isi, pesan",
    [(b.pdf_sah() + b"0" * (11 * 1024 * 1024), "melebihi batas"), (b.png_sah(), "bukan PDF")],
)
def test_it_refuses_a_court_pdf_over_10_mb_or_not_a_pdf(isi, pesan, vendor, sanksi_untuk, verifikator, masuk):
    s = sanksi_untuk(vendor)
    response = masuk(verifikator).post(
        f"/registrasi/sanksi/{s.pk}/status/",
        {
            "ke": "pembatalan",
            "nomor_sk_baru": "SK-BATAL-1",
            "nomor_putusan": "1/2026",
            "tanggal_putusan": "01-06-2026",
            "pengadilan": "PTUN Mataram",
            "ringkasan": "Membatalkan SK.",
            "berkas_putusan": b.unggahan("putusan.pdf", isi),
        },
        follow=True,
    )
    assert pesan in response.content.decode()
    assert SanksiDaftarHitam.objects.get(pk=s.pk).status == "tayang"


def test_it_refuses_a_court_summary_over_500_characters(vendor, sanksi_untuk, verifikator, pdf):
    s = sanksi_untuk(vendor)
    with pytest.raises(TransisiTidakSah, match="500 karakter"):
        layanan.ubah_status_sanksi(
            sanksi_id=s.pk,
            ke="pembatalan",
            nomor_sk_baru="SK-B",
            putusan={"nomor": "1", "tanggal": HARI_INI, "pengadilan": "PTUN", "ringkasan": "x" * 501, "berkas": pdf()},
            oleh=verifikator,
        )


def test_it_requires_a_reason_to_change_the_end(vendor, sanksi_untuk, verifikator):
    s = sanksi_untuk(vendor)
    with pytest.raises(TransisiTidakSah, match="Alasan"):
        layanan.ubah_akhir_sanksi(
            sanksi_id=s.pk, selesai=s.selesai + datetime.timedelta(days=10), alasan="", oleh=verifikator
        )


def test_it_refuses_an_end_before_the_start(vendor, sanksi_untuk, verifikator):
    s = sanksi_untuk(vendor)
    with pytest.raises(TransisiTidakSah, match="sebelum tanggal mulai"):
        layanan.ubah_akhir_sanksi(
            sanksi_id=s.pk, selesai=s.mulai - datetime.timedelta(days=1), alasan="Salah ketik", oleh=verifikator
        )


def test_it_blocks_a_registration_with_a_blacklisted_npwp(ppk_a, verifikator, draf, data_penonaktifan):
    from registrasi import services
    from registrasi.tests import pabrik

    # The company was blacklisted elsewhere and now tries to register here.
    data = data_penonaktifan(npwp=draf.penyedia.npwp, nama_penyedia=draf.penyedia.nama)
    permintaan = layanan.ajukan_penonaktifan(data=data, berkas_sk=pabrik.berkas_pdf(), oleh=ppk_a)
    layanan.setujui_penonaktifan(permintaan_id=permintaan.pk, oleh=verifikator)
    pabrik.unggah_semua(draf)
    with pytest.raises(TransisiTidakSah, match="sanksi daftar hitam"):
        services.ajukan_pendaftaran(pendaftaran_id=draf.pk, oleh=draf.penyedia.user)


def test_it_blocks_a_change_to_a_blacklisted_npwp(vendor, ppk_a, verifikator, data_penonaktifan):
    from registrasi import services
    from registrasi.tests import pabrik

    hitam = pabrik.npwp_uji(55555)
    permintaan = layanan.ajukan_penonaktifan(
        data=data_penonaktifan(npwp=hitam), berkas_sk=pabrik.berkas_pdf(), oleh=ppk_a
    )
    layanan.setujui_penonaktifan(permintaan_id=permintaan.pk, oleh=verifikator)
    with pytest.raises(TransisiTidakSah, match="sanksi daftar hitam"):
        services.ajukan_perubahan(penyedia_id=vendor.pk, data={"npwp_baru": hitam}, dokumen=[], oleh=vendor.user)


def test_it_reports_exactly_the_sanction_event_that_was_changed(vendor, sanksi_untuk, capsys):
    sanksi_untuk(vendor)
    dicatat = Peristiwa.objects.get(rantai="registrasi.sanksidaftarhitam", aksi="catat")
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
        c.execute("ALTER TABLE lpse_portal_peristiwa DISABLE TRIGGER USER")
        Peristiwa.objects.filter(pk=dicatat.pk).update(catatan="SK diganti diam-diam")
        c.execute("ALTER TABLE lpse_portal_peristiwa ENABLE TRIGGER USER")
    with pytest.raises(CommandError):
        call_command("verify_audit_chain", rantai="registrasi.sanksidaftarhitam")
    keluaran = capsys.readouterr().err
    assert f"id={dicatat.pk}" in keluaran
    assert keluaran.count("RUSAK") == 1


def test_it_chains_deactivation_events_in_the_vendor_stream(vendor, sanksi_untuk):
    sanksi_untuk(vendor)
    e = Peristiwa.objects.get(rantai="registrasi.penyedia", aksi="nonaktifkan_user_id")
    sebelumnya = Peristiwa.objects.get(rantai="registrasi.penyedia", urutan=e.urutan - 1)
    assert e.hash_sebelumnya == sebelumnya.hash
    call_command("verify_audit_chain")


def test_it_emails_the_vendor_why_and_until_when(vendor, sanksi_untuk, django_capture_on_commit_callbacks):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        s = sanksi_untuk(vendor)
    pesan = next(m for m in mail.outbox if "Dinonaktifkan" in m.subject)
    assert pesan.subject == f"(LPSE) [{vendor.user.username}] User ID Dinonaktifkan"
    assert s.nomor_sk in pesan.body and "sampai" in pesan.body


def test_it_tells_an_applicant_at_login_that_the_user_id_is_not_active_yet(draf, client):
    response = client.post("/accounts/login/", {"username": draf.penyedia.user.username, "password": KATA_SANDI})
    assert "belum aktif: pendaftaran belum disetujui" in response.content.decode()


def test_it_shows_the_staff_every_status_and_the_history(vendor, sanksi_untuk, verifikator, masuk, pdf):
    s = sanksi_untuk(vendor)
    layanan.ubah_status_sanksi(
        sanksi_id=s.pk,
        ke="pembatalan",
        nomor_sk_baru="027/BATAL/2026",
        putusan={
            "nomor": "9/G/2026",
            "tanggal": HARI_INI,
            "pengadilan": "PTUN Mataram",
            "ringkasan": "Batal.",
            "berkas": pdf(),
        },
        oleh=verifikator,
    )
    c = masuk(verifikator)
    assert vendor.nama in c.get("/registrasi/sanksi/?status=pembatalan").content.decode()
    halaman = c.get(f"/registrasi/sanksi/{s.pk}/").content.decode()
    assert "027/BATAL/2026" in halaman and "PTUN Mataram" in halaman and "ubah_status" in halaman
    assert _aktif(vendor)
