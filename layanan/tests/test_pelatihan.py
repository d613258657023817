"""Trainings: waiting list, double registration, check-in, certificates, staff records."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from layanan import services
from layanan.models import PesertaPelatihan
from layanan.tests.conftest import peserta_data
from lpse_portal.exceptions import TransisiTidakSah
from organisasi.models import Pegawai, RiwayatPendidikan

P = PesertaPelatihan.Status


def _daftar(pelatihan, n, **ubah):
    return services.daftar_pelatihan(pelatihan_id=pelatihan.pk, data=peserta_data(n, **ubah))


def test_it_puts_registrations_beyond_capacity_on_the_waiting_list(buat_pelatihan):
    pelatihan = buat_pelatihan(kapasitas=2)
    hasil = [_daftar(pelatihan, n).status for n in range(1, 5)]
    assert hasil == [P.TERDAFTAR, P.TERDAFTAR, P.DAFTAR_TUNGGU, P.DAFTAR_TUNGGU]


def test_it_mails_the_confirmation_with_a_qr_code(buat_pelatihan, django_capture_on_commit_callbacks):
    pelatihan = buat_pelatihan()
    with django_capture_on_commit_callbacks(execute=True):
        _daftar(pelatihan, 1)
    (pesan,) = mail.outbox
    nama, isi, mime = pesan.attachments[0]
    assert mime == "image/png" and isi.startswith(b"\x89PNG")
    assert "/layanan/pelatihan/peserta/" in pesan.body


def test_it_refuses_registering_twice_for_a_session(buat_pelatihan):
    pelatihan = buat_pelatihan()
    _daftar(pelatihan, 1)
    with pytest.raises(TransisiTidakSah, match="sudah terdaftar"):
        _daftar(pelatihan, 1, email="PESERTA1@contoh.co.id")
    assert pelatihan.peserta.count() == 1


def test_it_gives_a_cancelled_seat_to_the_first_on_the_waiting_list(buat_pelatihan):
    pelatihan = buat_pelatihan(kapasitas=1)
    pertama, kedua, ketiga = (_daftar(pelatihan, n) for n in (1, 2, 3))
    services.batalkan_pendaftaran(peserta_id=pertama.pk)
    assert PesertaPelatihan.objects.get(pk=kedua.pk).status == P.TERDAFTAR
    assert PesertaPelatihan.objects.get(pk=ketiga.pk).status == P.DAFTAR_TUNGGU


def test_it_fills_seats_from_the_waiting_list_when_capacity_grows(buat_pelatihan, petugas_layanan):
    pelatihan = buat_pelatihan(kapasitas=1)
    _daftar(pelatihan, 1), _daftar(pelatihan, 2)
    data = {k: getattr(pelatihan, k) for k in ("judul", "sasaran", "mulai", "selesai", "moda", "tempat", "pelatih")}
    services.simpan_pelatihan(data={**data, "kapasitas": 2}, pelatihan_id=pelatihan.pk, oleh=petugas_layanan)
    assert pelatihan.peserta.filter(status=P.TERDAFTAR).count() == 2


def test_it_refuses_a_session_that_ends_before_it_starts(buat_pelatihan):
    with pytest.raises(TransisiTidakSah, match="sesudah waktu mulai"):
        buat_pelatihan(jam=-1)


def test_it_checks_in_only_from_an_hour_before_the_start(buat_pelatihan, petugas_layanan):
    mulai = timezone.now() + dt.timedelta(days=1)
    peserta = _daftar(buat_pelatihan(mulai=mulai), 1)
    with pytest.raises(TransisiTidakSah, match="satu jam sebelum"):
        services.catat_kehadiran(peserta_id=peserta.pk, oleh=petugas_layanan)
    with time_machine.travel(mulai - dt.timedelta(minutes=30)):
        services.catat_kehadiran(peserta_id=peserta.pk, oleh=petugas_layanan)
        with pytest.raises(TransisiTidakSah, match="sudah tercatat hadir"):
            services.catat_kehadiran(peserta_id=peserta.pk, oleh=petugas_layanan)


def test_it_refuses_to_check_in_someone_on_the_waiting_list(buat_pelatihan, petugas_layanan):
    mulai = timezone.now() + dt.timedelta(days=1)
    pelatihan = buat_pelatihan(mulai=mulai, kapasitas=1)
    _daftar(pelatihan, 1)
    tunggu = _daftar(pelatihan, 2)
    with time_machine.travel(mulai), pytest.raises(TransisiTidakSah, match="bukan peserta terdaftar"):
        services.catat_kehadiran(peserta_id=tunggu.pk, oleh=petugas_layanan)


def test_it_issues_certificates_to_attendees_only_and_records_staff_training(
    buat_pelatihan, petugas_layanan, verifikator
):
    mulai = timezone.now() + dt.timedelta(days=1)
    pelatihan = buat_pelatihan(mulai=mulai)
    staf = services.daftar_pelatihan(pelatihan_id=pelatihan.pk, data=peserta_data(1), oleh=verifikator)
    absen = _daftar(pelatihan, 2)
    with time_machine.travel(mulai):
        services.catat_kehadiran(peserta_id=staf.pk, oleh=petugas_layanan)
        with pytest.raises(TransisiTidakSah, match="setelah pelatihan selesai"):
            services.terbitkan_sertifikat(pelatihan_id=pelatihan.pk, oleh=petugas_layanan)
    with time_machine.travel(mulai + dt.timedelta(hours=5)):
        assert services.terbitkan_sertifikat(pelatihan_id=pelatihan.pk, oleh=petugas_layanan) == 1
        assert services.terbitkan_sertifikat(pelatihan_id=pelatihan.pk, oleh=petugas_layanan) == 0  # twice is safe
    staf.refresh_from_db(), absen.refresh_from_db()
    assert staf.kode_sertifikat and absen.kode_sertifikat is None
    riwayat = RiwayatPendidikan.objects.get(pegawai=Pegawai.objects.get(user=verifikator))
    assert riwayat.jenis == "informal" and riwayat.nama == pelatihan.judul and staf.riwayat == riwayat


def test_it_takes_feedback_once_from_an_attendee(buat_pelatihan, petugas_layanan):
    mulai = timezone.now() + dt.timedelta(days=1)
    peserta = _daftar(buat_pelatihan(mulai=mulai), 1)
    with pytest.raises(TransisiTidakSah, match="yang hadir"):
        services.kirim_umpan_balik(peserta_id=peserta.pk, nilai_materi=5, nilai_pelatih=5)
    with time_machine.travel(mulai):
        services.catat_kehadiran(peserta_id=peserta.pk, oleh=petugas_layanan)
    services.kirim_umpan_balik(peserta_id=peserta.pk, nilai_materi=5, nilai_pelatih=4, saran="Tambah sesi praktik")
    with pytest.raises(TransisiTidakSah, match="sudah diterima"):
        services.kirim_umpan_balik(peserta_id=peserta.pk, nilai_materi=1, nilai_pelatih=1)


def test_it_renders_a_certificate_pdf_with_its_code(buat_pelatihan, petugas_layanan):
    from layanan import sertifikat

    mulai = timezone.now() + dt.timedelta(days=1)
    pelatihan = buat_pelatihan(mulai=mulai)
    peserta = _daftar(pelatihan, 1)
    with time_machine.travel(mulai):
        services.catat_kehadiran(peserta_id=peserta.pk, oleh=petugas_layanan)
    with time_machine.travel(mulai + dt.timedelta(hours=5)):
        services.terbitkan_sertifikat(pelatihan_id=pelatihan.pk, oleh=petugas_layanan)
    peserta.refresh_from_db()
    pdf = sertifikat.pdf_sertifikat(peserta, "http://contoh/layanan/sertifikat/?kode=" + peserta.kode_sertifikat)
    assert pdf.startswith(b"%PDF-")
    import io

    from pypdf import PdfReader

    teks = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert peserta.kode_sertifikat in teks and "Peserta 1" in teks


def test_it_shows_a_new_registration_in_the_cached_public_schedule_at_once(buat_pelatihan):
    from django.test import Client

    pelatihan = buat_pelatihan(kapasitas=1)
    sebelum = Client().get("/layanan/pelatihan/").content.decode()
    assert pelatihan.judul in sebelum
    services.daftar_pelatihan(pelatihan_id=pelatihan.pk, data=peserta_data())
    assert Client().get("/layanan/pelatihan/").content.decode() != sebelum
