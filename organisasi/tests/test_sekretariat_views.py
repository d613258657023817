"""The Sekretariat's pages: bad input ends in a clear message with nothing saved; lists keep
a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lpse_portal.tests import berkas_uji as b
from organisasi import services
from organisasi.models import (
    DaftarTunjangan,
    Disposisi,
    Jabatan,
    PenomoranSurat,
    Realisasi,
    SuratKeluar,
    SuratMasuk,
    Target,
    TarifTunjangan,
    Unit,
)
from organisasi.tests import sekretariat_data as s

MEI = datetime.datetime(2026, 5, 15, 2, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def mei():
    with time_machine.travel(MEI, tick=False):
        yield


def test_it_says_why_a_target_without_a_unit_is_refused(sekretaris, masuk):
    keg = s.kegiatan(s.program(sekretaris, 2026), sekretaris)
    data = {"indikator": "Penyedia", "satuan": "", "agregasi": "jumlah", "urutan": 0}
    data |= {f"target_tw{i}": "5" for i in range(1, 5)}
    response = masuk(sekretaris).post(f"/organisasi/kegiatan/{keg.pk}/target/baru/", data)
    assert "Target wajib memiliki satuan" in response.content.decode()
    assert not Target.objects.exists()


def test_it_says_why_a_realisation_for_a_future_quarter_is_refused(sekretaris, masuk):
    tgt = s.target(s.kegiatan(s.program(sekretaris, 2026), sekretaris), sekretaris)
    response = masuk(sekretaris).post(
        f"/organisasi/target/{tgt.pk}/realisasi/4/", {"nilai": "3", "bukti": b.unggahan("bukti.pdf", b.pdf_sah())}
    )
    assert "Triwulan IV tahun 2026 belum dimulai" in response.content.decode()
    assert not Realisasi.objects.exists()


def test_it_refuses_evidence_that_is_not_what_its_name_says(sekretaris, masuk):
    tgt = s.target(s.kegiatan(s.program(sekretaris, 2026), sekretaris), sekretaris)
    response = masuk(sekretaris).post(
        f"/organisasi/target/{tgt.pk}/realisasi/1/", {"nilai": "3", "bukti": b.unggahan("bukti.pdf", b.png_sah())}
    )
    assert "namanya berakhiran" in response.content.decode()
    assert not Realisasi.objects.exists()


def test_it_reads_a_budget_written_with_thousand_separators(sekretaris, masuk):
    prog = s.program(sekretaris, 2026)
    data = {
        "kode": "2.1",
        "nama": "Pelatihan",
        "unit": Unit.objects.get(kode="layanan").pk,
        "pagu": "Rp 125.000.000",
        "jadwal_mulai": "2026-02-01",
        "jadwal_selesai": "2026-11-30",
        "urutan": 1,
    }
    assert masuk(sekretaris).post(f"/organisasi/program/{prog.pk}/kegiatan/baru/", data).status_code == 302
    assert prog.kegiatan.get().pagu == 125_000_000
    data["pagu"] = "125,5"
    response = masuk(sekretaris).post(f"/organisasi/program/{prog.pk}/kegiatan/baru/", data)
    assert "rupiah penuh tanpa sen" in response.content.decode()


def _data_surat_masuk(**ubah):
    data = {
        "nomor_surat": "027/1/UJI",
        "tanggal_surat": "2026-05-12",
        "tanggal_diterima": "2026-05-14",
        "pengirim": "LKPP",
        "perihal": "Pembaruan",
        "klasifikasi": s.klasifikasi().pk,
        "sifat": "biasa",
        "kerahasiaan": "biasa",
        "berkas": b.unggahan("surat.pdf", b.pdf_sah()),
    }
    data.update(ubah)
    return data


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"tanggal_diterima": "2026-05-10"}, "tidak boleh sebelum tanggal surat"),
        ({"tanggal_diterima": "2026-05-16"}, "tidak boleh di masa depan"),
        ({"berkas": b.unggahan("surat.pdf", b.pdf_javascript())}, "JavaScript"),
        ({"tanggal_surat": "05/13/2026"}, "Masukkan tanggal yang valid"),
    ],
)
def test_it_refuses_a_bad_incoming_letter_and_saves_nothing(ubah, pesan, sekretaris, masuk):
    response = masuk(sekretaris).post("/organisasi/surat-masuk/baru/", _data_surat_masuk(**ubah))
    assert pesan in response.content.decode()
    assert not SuratMasuk.objects.exists()


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"unit": []}, "sedikitnya satu unit atau pegawai"),
        ({"batas_waktu": "2026-05-14"}, "tidak boleh sebelum hari ini"),
        ({"instruksi": ""}, "tidak boleh kosong"),
    ],
)
def test_it_refuses_a_bad_disposition_and_saves_nothing(ubah, pesan, sekretaris, kepala_lpse, masuk):
    surat = s.surat_masuk(sekretaris)
    data = {"unit": [Unit.objects.get(kode="layanan").pk], "instruksi": "Tindak lanjuti", "batas_waktu": "2026-05-20"}
    data.update(ubah)
    response = masuk(kepala_lpse).post(f"/organisasi/surat-masuk/{surat.pk}/disposisi/", data)
    assert pesan in response.content.decode()
    assert not Disposisi.objects.exists()


def test_it_shows_the_collision_of_a_manual_outgoing_number(sekretaris, masuk):
    lama = s.surat_keluar(sekretaris)
    data = {
        "tanggal_surat": "2026-05-15",
        "klasifikasi": s.klasifikasi().pk,
        "tujuan": "LKPP",
        "perihal": "Lagi",
        "kerahasiaan": "biasa",
        "nomor_manual": lama.nomor,
    }
    response = masuk(sekretaris).post("/organisasi/surat-keluar/baru/", data)
    assert "tidak boleh berulang" in response.content.decode()
    assert SuratKeluar.objects.count() == 1


def test_it_numbers_a_reply_to_an_incoming_letter_through_the_form(sekretaris, masuk):
    PenomoranSurat.objects.create(tahun=2026, pola="{klasifikasi}/{nomor:03}/LPSE-NTB/{tahun}")
    surat = s.surat_masuk(sekretaris)
    c = masuk(sekretaris)
    assert surat.perihal in c.get(f"/organisasi/surat-keluar/baru/?balasan={surat.pk}").content.decode()
    data = {
        "tanggal_surat": "2026-05-15",
        "klasifikasi": s.klasifikasi().pk,
        "tujuan": "LKPP",
        "perihal": "Jawaban",
        "kerahasiaan": "biasa",
        "balasan_atas": surat.pk,
    }
    response = c.post("/organisasi/surat-keluar/baru/", data, follow=True)
    assert "Surat keluar bernomor 027/001/LPSE-NTB/2026" in response.content.decode()
    assert SuratKeluar.objects.get().balasan_atas == surat


def test_it_refuses_a_numbering_pattern_that_could_repeat(sekretaris, masuk):
    response = masuk(sekretaris).post("/organisasi/penomoran/baru/", {"tahun": 2026, "pola": "{klasifikasi}/LPSE"})
    assert "wajib memuat {nomor} dan {tahun}" in response.content.decode()
    assert not PenomoranSurat.objects.exists()


def test_it_continues_the_sequence_when_the_pattern_changes_mid_year(sekretaris, masuk):
    c = masuk(sekretaris)
    assert c.post("/organisasi/penomoran/baru/", {"tahun": 2026, "pola": "{nomor}/LPSE/{tahun}"}).status_code == 302
    s.surat_keluar(sekretaris)
    row = PenomoranSurat.objects.get()
    assert (
        c.post(f"/organisasi/penomoran/{row.pk}/ubah/", {"pola": "{klasifikasi}/{nomor:03}/{tahun}"}).status_code == 302
    )
    assert s.surat_keluar(sekretaris).nomor == "027/002/2026"
    assert "027/003/2026" in c.get("/organisasi/penomoran/").content.decode()


def test_it_says_that_a_rate_needs_its_legal_basis(sekretaris, masuk):
    data = {
        "jabatan": Jabatan.objects.get(kode="sekretaris").pk,
        "jenis": "honorarium",
        "besaran": "1.000.000",
        "berlaku_mulai": "2026-01-01",
    }
    response = masuk(sekretaris).post("/organisasi/tunjangan/tarif/baru/", data)
    assert "wajib menyebut dasar hukum" in response.content.decode()
    assert not TarifTunjangan.objects.exists()


def test_it_records_a_rate_through_the_form(sekretaris, masuk):
    dasar = s.dasar_hukum(sekretaris)
    data = {
        "jabatan": Jabatan.objects.get(kode="sekretaris").pk,
        "jenis": "honorarium",
        "besaran": "1.000.000",
        "berlaku_mulai": "2026-01-01",
        "dasar_hukum": dasar.pk,
    }
    assert masuk(sekretaris).post("/organisasi/tunjangan/tarif/baru/", data).status_code == 302
    assert TarifTunjangan.objects.get().besaran == 1_000_000


def test_it_links_a_letter_in_two_steps_without_script(sekretaris, masuk, verifikator):
    from organisasi.models import Penugasan, TautanSurat

    surat = s.surat_masuk(sekretaris)
    penugasan = Penugasan.objects.get(pegawai__user=verifikator)
    c = masuk(sekretaris)
    halaman = c.get(f"/organisasi/surat-masuk/{surat.pk}/tautan/?jenis=organisasi.penugasan").content.decode()
    assert str(penugasan) in halaman
    response = c.post(
        f"/organisasi/surat-masuk/{surat.pk}/tautan/", {"jenis": "organisasi.penugasan", "objek": penugasan.pk}
    )
    assert response.status_code == 302
    assert TautanSurat.objects.get().objek == penugasan
    tautan = TautanSurat.objects.get()
    assert c.post(f"/organisasi/tautan/{tautan.pk}/hapus/").status_code == 302
    assert not TautanSurat.objects.exists()


# --- query budgets ----------------------------------------------------------------------------


def _jumlah_query(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _anggaran(clients, urls, tambah, batas):
    """The same number of queries before and after `tambah()` adds rows, and at most `batas`."""
    for c in clients:
        c.get(urls[0])  # the session's first request writes its activity stamp: not the page's cost
    sedikit = {(i, u): _jumlah_query(c, u) for i, c in enumerate(clients) for u in urls}
    tambah()
    banyak = {(i, u): _jumlah_query(c, u) for i, c in enumerate(clients) for u in urls}
    assert banyak == sedikit
    assert max(banyak.values()) <= batas


def test_it_lists_letters_and_dispositions_with_a_fixed_number_of_queries(sekretaris, kepala_lpse, verifikator, masuk):
    def surat(n):
        for _ in range(n):
            sm = s.surat_masuk(sekretaris)
            s.disposisi_ke_unit(sm, kepala_lpse, "registrasi")
            s.surat_keluar(sekretaris)
            s.surat_keluar(sekretaris, rahasia=True)

    surat(1)
    urls = ["/organisasi/surat-masuk/", "/organisasi/surat-keluar/", "/organisasi/disposisi/"]
    _anggaran([masuk(sekretaris), masuk(verifikator)], urls, lambda: surat(5), 12)


def test_it_shows_a_letter_with_many_dispositions_with_a_fixed_number_of_queries(
    sekretaris, kepala_lpse, koordinator, masuk
):
    sm = s.surat_masuk(sekretaris)
    d = s.disposisi_ke_unit(sm, kepala_lpse, "registrasi")
    services.tindak_lanjuti_disposisi(disposisi_id=d.pk, isi="ok", oleh=koordinator)

    def tambah():
        for _ in range(4):
            d = s.disposisi_ke_unit(sm, kepala_lpse, "registrasi")
            services.tindak_lanjuti_disposisi(disposisi_id=d.pk, isi="ok", oleh=koordinator)

    _anggaran([masuk(sekretaris)], [f"/organisasi/surat-masuk/{sm.pk}/"], tambah, 20)


def test_it_evaluates_a_programme_with_a_fixed_number_of_queries(sekretaris, masuk):
    prog = s.program(sekretaris, 2026)

    def kegiatan(n):
        for _ in range(n):
            tgt = s.target(s.kegiatan(prog, sekretaris), sekretaris)
            services.isi_realisasi(target_id=tgt.pk, triwulan=1, nilai=4, bukti=s.berkas(), oleh=sekretaris)

    kegiatan(1)
    urls = [f"/organisasi/program/{prog.pk}/", f"/organisasi/program/{prog.pk}/evaluasi/", "/organisasi/program/"]
    _anggaran([masuk(sekretaris)], urls, lambda: kegiatan(5), 12)


def test_it_shows_allowances_with_a_fixed_number_of_queries(sekretaris, buat_staf, masuk):
    s.tarif(sekretaris, "pelaksana-layanan", 750_000, datetime.date(2025, 1, 1))
    daftar = services.susun_daftar_tunjangan(tahun=2026, bulan=4, oleh=sekretaris)

    def tambah():
        for i in range(6):
            buat_staf(f"pelaksana{i}", "pelaksana-layanan")
        services.susun_daftar_tunjangan(tahun=2026, bulan=4, oleh=sekretaris)
        services.susun_daftar_tunjangan(tahun=2026, bulan=3, oleh=sekretaris)
        s.tarif(
            sekretaris, "pelaksana-adm-sistem", 750_000, datetime.date(2025, 1, 1), dasar=s.dasar_hukum(sekretaris, "2")
        )

    urls = [f"/organisasi/tunjangan/{daftar.pk}/", "/organisasi/tunjangan/", "/organisasi/tunjangan/tarif/"]
    _anggaran([masuk(sekretaris)], urls, tambah, 12)
    assert DaftarTunjangan.objects.get(pk=daftar.pk).rincian.count() == 6
