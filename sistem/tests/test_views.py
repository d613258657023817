"""Pages: bad input ends in an Indonesian message and nothing saved; lists have query budgets."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lpse_portal.models import TugasKeluar
from sistem import services
from sistem.models import Aset, BackupRun, Cadangan, Insiden


def _data_insiden(**ubah):
    data = {
        "judul": "SPSE lambat",
        "layanan": "spse",
        "tingkat": "sedang",
        "layanan_terhenti": "on",
        "mulai": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "tiket": "TKT-1",
    }
    data.update(ubah)
    return data


def test_it_records_an_incident_from_the_form(admin_sistem, masuk):
    response = masuk(admin_sistem).post("/sistem/insiden/baru/", _data_insiden())
    insiden = Insiden.objects.get()
    assert response.status_code == 302
    assert list(insiden.tiket_terkait.values_list("nomor_tiket", flat=True)) == ["TKT-1"]


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"mulai": "31-02-2026 10.00"}, "Masukkan tanggal/waktu yang valid"),
        ({"selesai": "2020-01-01T10:00"}, "tidak boleh sebelum waktu mulai"),
        ({"mulai": "2099-01-01T10:00"}, "tidak boleh di masa depan"),
        ({"selesai": (timezone.localtime()).strftime("%Y-%m-%dT%H:%M")}, "wajib mencatat penyebab dan tindakan"),
        ({"layanan": "sap"}, "Masukkan pilihan yang valid"),
        ({"judul": ""}, "Bidang ini tidak boleh kosong"),
    ],
)
def test_it_refuses_a_bad_incident_form_and_saves_nothing(ubah, pesan, admin_sistem, masuk):
    response = masuk(admin_sistem).post("/sistem/insiden/baru/", _data_insiden(**ubah), follow=True)
    assert pesan in response.content.decode()
    assert not Insiden.objects.exists()


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"tanggal_pembelian": "2026-13-01"}, "Masukkan tanggal yang valid"),
        ({"tanggal_pembelian": "2025-05-01", "garansi_sampai": "2025-04-01"}, "Garansi tidak mungkin"),
        ({"jenis": "kendaraan"}, "Masukkan pilihan yang valid"),
    ],
)
def test_it_refuses_a_bad_asset_form_and_saves_nothing(ubah, pesan, admin_sistem, masuk):
    data = {"kode": "A-1", "nama": "Switch", "jenis": "jaringan", "status": "aktif", "pemilik": "Unit", "lokasi": "R"}
    data.update(ubah)
    response = masuk(admin_sistem).post("/sistem/aset/baru/", data, follow=True)
    assert pesan in response.content.decode()
    assert not Aset.objects.exists()


def test_it_refuses_an_lkpp_report_dated_before_the_incident(admin_sistem, masuk, insiden_terbuka):
    insiden = insiden_terbuka()
    response = masuk(admin_sistem).post(
        f"/sistem/insiden/{insiden.pk}/lkpp/", {"nomor": "X-1", "tanggal": "2020-01-01"}, follow=True
    )
    assert "tidak boleh sebelum insiden dimulai" in response.content.decode()
    insiden.refresh_from_db()
    assert insiden.nomor_laporan_lkpp == ""


def test_it_queues_a_backup_from_the_button(admin_sistem, masuk):
    response = masuk(admin_sistem).post("/sistem/cadangan/jalankan/")
    assert response.status_code == 302
    assert TugasKeluar.objects.filter(task="sistem.tasks.cadangkan", kwargs={"oleh_id": admin_sistem.pk}).exists()


def test_it_says_there_is_nothing_to_verify_yet(admin_sistem, masuk):
    response = masuk(admin_sistem).post("/sistem/cadangan/verifikasi/", follow=True)
    assert "Belum ada cadangan untuk diverifikasi" in response.content.decode()


def test_it_marks_a_backup_keep_from_its_page(admin_sistem, masuk):
    c = Cadangan.objects.create(nama="lpse-x", dibuat_at=timezone.now(), manifest={"berkas": []})
    masuk(admin_sistem).post(f"/sistem/cadangan/{c.pk}/simpan/", {"simpan": "1"})
    c.refresh_from_db()
    assert c.simpan


def test_it_shows_capacity_with_thresholds(admin_sistem, masuk, settings):
    settings.SISTEM_AMBANG_KAPASITAS = {"disk_bebas_peringatan_persen": 101}  # any disk is "too full"
    halaman = masuk(admin_sistem).get("/sistem/kapasitas/").content.decode()
    assert "Ukuran basis data" in halaman
    assert "Antrean tugas" in halaman
    assert "tugas menunggu" in halaman
    assert "text-bg-warning" in halaman


def _jumlah_query(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _buat(dari, sampai, admin_sistem):
    mulai = timezone.now() - datetime.timedelta(days=2)
    for i in range(dari, sampai):
        services.simpan_insiden(
            data={"judul": f"I{i}", "layanan": "spse", "tingkat": "rendah", "mulai": mulai},
            tiket=f"TKT-{i}, TKT-X{i}",
            oleh=admin_sistem,
        )
        aset = services.simpan_aset(
            data={"kode": f"K{i}", "nama": "x", "jenis": "jaringan", "pemilik": "x", "lokasi": "x"}, oleh=admin_sistem
        )
        services.catat_pemeliharaan(
            aset_id=aset.pk,
            data={"tanggal": timezone.localdate(), "jenis": "preventif", "uraian": "x", "pelaksana": "x"},
            oleh=admin_sistem,
        )
        instruksi = services.catat_instruksi(
            data={"nomor": f"N{i}", "perihal": "x", "tanggal_diterima": timezone.localdate(), "isi": "x"},
            oleh=admin_sistem,
        )
        services.kerjakan_instruksi(instruksi_id=instruksi.pk, oleh=admin_sistem)
        Cadangan.objects.create(nama=f"lpse-{i}", dibuat_at=timezone.now(), manifest={"berkas": []})
        BackupRun.objects.create(jenis="cadangan", status="gagal", oleh=admin_sistem, finished_at=timezone.now())


def test_it_lists_with_a_fixed_number_of_queries_for_5_and_50_rows(admin_sistem, masuk):
    halaman = {
        "/sistem/insiden/": 12,
        "/sistem/aset/": 10,
        "/sistem/instruksi/": 12,
        "/sistem/cadangan/": 16,
        "/sistem/ketersediaan/": 10,
    }
    c = masuk(admin_sistem)
    c.get("/sistem/insiden/")  # the session's first request does its own bookkeeping
    _buat(0, 5, admin_sistem)
    sedikit = {url: _jumlah_query(c, url) for url in halaman}
    _buat(5, 50, admin_sistem)
    banyak = {url: _jumlah_query(c, url) for url in halaman}
    assert banyak == sedikit
    for url, plafon in halaman.items():
        assert banyak[url] <= plafon, f"{url}: {banyak[url]} query"
