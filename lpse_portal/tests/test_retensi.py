"""Personal data past its retention period is deleted or anonymised, once (UU 27/2022)."""

import datetime

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.utils import InternalError
from django.utils import timezone

from conftest import KATA_SANDI
from lpse_portal.models import AksesDataPribadi, EmailKeluar
from lpse_portal.retensi import semua_aturan, terapkan_retensi

NANTI = datetime.timedelta(days=40)


def test_it_lists_a_rule_for_each_kind_of_personal_data():
    nama = {a.nama for a in semua_aturan()}
    assert {
        "lpse_portal.email_terkirim",
        "lpse_portal.akses_data_pribadi",
        "lpse_portal.catatan_masuk",
        "registrasi.draf_terbengkalai",
        "layanan.data_pelapor",
    } <= nama


def test_it_removes_an_abandoned_draft_with_its_scans_and_frees_its_npwp(db, django_capture_on_commit_callbacks):
    from registrasi.models import Dokumen, Pendaftaran, Penyedia
    from registrasi.tests import pabrik

    draf = pabrik.buat_draf("cv.lupa", kata_sandi=KATA_SANDI)
    pabrik.unggah_semua(draf)
    berkas = list(Dokumen.objects.filter(penyedia=draf.penyedia).values_list("berkas", flat=True))
    npwp, user = draf.penyedia.npwp, draf.penyedia.user
    assert berkas and all(default_storage.exists(b) for b in berkas)
    with time_machine.travel(timezone.now() + NANTI), django_capture_on_commit_callbacks(execute=True):
        hasil = terapkan_retensi()
    assert hasil["registrasi.draf_terbengkalai"] == 1
    assert not Pendaftaran.objects.filter(pk=draf.pk).exists()
    assert not Penyedia.objects.filter(npwp=npwp).exists()
    assert not any(default_storage.exists(b) for b in berkas)
    user.refresh_from_db()
    assert user.username == f"dihapus-{user.pk}" and not user.email and not user.has_usable_password()
    with time_machine.travel(timezone.now() + NANTI):
        assert terapkan_retensi()["registrasi.draf_terbengkalai"] == 0


def test_it_keeps_a_recent_draft_and_every_submitted_registration(db, verifikator):
    from registrasi.models import Pendaftaran
    from registrasi.tests import pabrik

    baru = pabrik.buat_draf("cv.baru", kata_sandi=KATA_SANDI)
    diajukan = pabrik.buat_penyedia("cv.ajukan", kata_sandi=KATA_SANDI, verifikator=verifikator, status="diajukan")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=10)):
        terapkan_retensi()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400)):
        terapkan_retensi()
    assert Pendaftaran.objects.filter(pk=diajukan.pk).exists()
    assert not Pendaftaran.objects.filter(pk=baru.pk).exists()  # only after its 30 days


def test_it_deletes_sent_emails_after_a_year_and_keeps_waiting_ones(db):
    lama = EmailKeluar.objects.create(
        kepada=["a@b.id"], subjek="x", isi_teks="x", status="terkirim", sent_at=timezone.now()
    )
    menunggu = EmailKeluar.objects.create(kepada=["a@b.id"], subjek="y", isi_teks="y")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=366)):
        assert terapkan_retensi()["lpse_portal.email_terkirim"] == 1
    assert not EmailKeluar.objects.filter(pk=lama.pk).exists()
    assert EmailKeluar.objects.filter(pk=menunggu.pk).exists()


def _akses_bertanggal(pengguna, tanggal):
    with connection.cursor() as c:
        c.execute(
            "INSERT INTO lpse_portal_aksesdatapribadi (pengguna_id, jenis, objek, created_at) VALUES (%s, %s, %s, %s)"
            " RETURNING id",
            [pengguna.pk, "lihat", "NIK uji", tanggal],
        )
        return c.fetchone()[0]


def test_it_lets_only_access_rows_past_five_years_be_deleted(sekretaris):
    tua = _akses_bertanggal(sekretaris, timezone.now() - datetime.timedelta(days=6 * 365))
    muda = _akses_bertanggal(sekretaris, timezone.now() - datetime.timedelta(days=4 * 365))
    with pytest.raises(InternalError, match="hanya boleh ditambah"), transaction.atomic():
        AksesDataPribadi.objects.filter(pk=muda).delete()
    assert terapkan_retensi()["lpse_portal.akses_data_pribadi"] == 1
    assert not AksesDataPribadi.objects.filter(pk=tua).exists()
    assert AksesDataPribadi.objects.filter(pk=muda).exists()


def test_it_anonymises_the_requester_of_a_ticket_closed_two_years_ago(petugas_layanan):
    from layanan import services
    from layanan.models import Tiket
    from layanan.tests.conftest import data_tiket

    tiket = services.buat_tiket(data=data_tiket())
    services.ambil_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.tutup_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=731)):
        assert terapkan_retensi()["layanan.data_pelapor"] == 1
        assert terapkan_retensi()["layanan.data_pelapor"] == 0
    tiket = Tiket.objects.get(pk=tiket.pk)
    assert (tiket.nama_pelapor, tiket.email_pelapor, tiket.telepon_pelapor) == ("[dihapus]", "", "")
