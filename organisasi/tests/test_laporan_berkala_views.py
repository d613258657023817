"""Pages of the staff periodic reports: writing and submitting, reviewing, scope (404 outside
it), the roll-up and its downloads, and query budgets of the lists."""

import csv
import datetime
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisasi.models import Jabatan, LaporanBerkala
from organisasi.tests import laporan_berkala_data as lb

D = datetime.date
JULI = datetime.datetime(2026, 7, 20, 2, tzinfo=datetime.UTC)  # Monday 20 July 2026, 10.00 WITA
REGISTRASI = "pelaksana-registrasi"


@pytest.fixture(autouse=True)
def juli(db):
    with time_machine.travel(JULI, tick=False):
        lb.atur(wajib_mulai=D(2026, 5, 1))
        yield


def _isi_url(kode_periode, kode_jabatan=REGISTRASI):
    return f"/organisasi/laporan-berkala/isi/{Jabatan.objects.get(kode=kode_jabatan).pk}/{kode_periode}/"


def _pesan(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_it_saves_a_draft_from_the_form_and_submits_it(verifikator, masuk):
    c = masuk(verifikator)
    assert c.get(_isi_url("2026-06")).status_code == 200
    response = c.post(_isi_url("2026-06"), {**lb.ISI, "simpan": ""}, follow=True)
    laporan = LaporanBerkala.objects.get()
    assert laporan.status == "draf"
    assert "Draf laporan disimpan." in _pesan(response)
    response = c.post(f"/organisasi/laporan-berkala/{laporan.pk}/ajukan/", follow=True)
    assert LaporanBerkala.objects.get().status == "diajukan"
    assert "Laporan diajukan kepada atasan." in _pesan(response)


def test_it_keeps_the_draft_when_the_period_has_not_ended(verifikator, masuk):
    c = masuk(verifikator)
    response = c.post(_isi_url("2026-07"), {**lb.ISI, "ajukan": "1"}, follow=True)
    assert LaporanBerkala.objects.get().status == "draf"
    (pesan,) = _pesan(response)
    assert pesan.startswith("Draf disimpan, tetapi belum dapat diajukan: Periode Juli 2026 belum berakhir.")


def test_it_refuses_an_attachment_that_is_not_a_pdf_and_saves_nothing(verifikator, masuk):
    palsu = SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    response = masuk(verifikator).post(_isi_url("2026-06"), {**lb.ISI, "lampiran": palsu})
    assert response.status_code == 200
    assert response.context["form"].errors["lampiran"]
    assert not LaporanBerkala.objects.exists()


def test_it_shows_an_empty_report_as_a_message_not_an_error(verifikator, masuk):
    response = masuk(verifikator).post(_isi_url("2026-06"), {"kegiatan": " "})
    assert response.status_code == 200
    assert _pesan(response) == ["Isi sedikitnya satu bagian laporan sebelum menyimpan draf."]


def test_it_sends_a_submitted_report_from_the_form_page_to_its_detail(verifikator, masuk):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    response = masuk(verifikator).get(_isi_url("2026-06"))
    assert response.status_code == 302 and response["Location"].endswith(f"/laporan-berkala/{laporan.pk}/")


@pytest.mark.parametrize(
    "url", ["/organisasi/laporan-berkala/isi/{j}/2026-13/", "/organisasi/laporan-berkala/isi/99999/2026-06/"]
)
def test_it_answers_404_to_a_period_or_position_that_does_not_exist(verifikator, masuk, url):
    j = Jabatan.objects.get(kode=REGISTRASI).pk
    assert masuk(verifikator).get(url.format(j=j)).status_code == 404


def test_it_lets_the_coordinator_return_and_then_accept_from_the_detail_page(verifikator, koordinator, masuk):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    c = masuk(koordinator)
    detail = c.get(f"/organisasi/laporan-berkala/{laporan.pk}/")
    assert b"Terima laporan" in detail.content
    response = c.post(f"/organisasi/laporan-berkala/{laporan.pk}/kembalikan/", {"catatan": ""}, follow=True)
    assert "Catatan pengembalian wajib diisi" in _pesan(response)[0]
    c.post(f"/organisasi/laporan-berkala/{laporan.pk}/kembalikan/", {"catatan": "Tambahkan angka."})
    assert LaporanBerkala.objects.get().status == "dikembalikan"
    lb.ajukan(verifikator, REGISTRASI, "2026-06", hasil="40 disetujui.")
    c.post(f"/organisasi/laporan-berkala/{laporan.pk}/terima/")
    assert LaporanBerkala.objects.get().status == "diterima"


def test_it_hides_a_report_from_a_colleague_and_another_units_coordinator(verifikator, buat_staf, masuk):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06", masalah="Rahasia kecil.")
    rekan = buat_staf("verifikator2", REGISTRASI)
    koord_lain = buat_staf("koord.layanan", "koordinator-layanan")
    for user in (rekan, koord_lain):
        c = masuk(user)
        assert c.get(f"/organisasi/laporan-berkala/{laporan.pk}/").status_code == 404
        assert c.get(f"/organisasi/laporan-berkala/{laporan.pk}/lampiran/").status_code == 404
        assert c.post(f"/organisasi/laporan-berkala/{laporan.pk}/terima/").status_code == 404
    assert LaporanBerkala.objects.get().status == "diajukan"


def test_it_hides_a_draft_even_from_the_superior(verifikator, koordinator, kepala_lpse, masuk):
    laporan = lb.tulis(verifikator, REGISTRASI, "2026-06")
    for user in (koordinator, kepala_lpse):
        assert masuk(user).get(f"/organisasi/laporan-berkala/{laporan.pk}/").status_code == 404


def test_it_lists_my_reports_with_the_overdue_ones_marked(verifikator, masuk):
    lb.ajukan(verifikator, REGISTRASI, "2026-06")
    page = masuk(verifikator).get("/organisasi/laporan-berkala/")
    baris = [(k.periode.kode, k.status, k.lewat) for k in page.context["page"]]
    assert baris == [("2026-07", "belum", False), ("2026-06", "diajukan", False), ("2026-05", "belum", True)]


def test_it_lists_the_reports_waiting_for_the_superior_and_the_overdue_ones(verifikator, buat_staf, koordinator, masuk):
    lb.ajukan(verifikator, REGISTRASI, "2026-06")
    buat_staf("verifikator2", REGISTRASI)
    page = masuk(koordinator).get("/organisasi/laporan-berkala/tinjau/")
    assert [r.pegawai.nama for r in page.context["menunggu_list"]] == ["Verifikator"]
    assert sorted((k.pegawai.nama, k.periode.kode) for k in page.context["terlambat_list"]) == [
        ("Verifikator", "2026-05"),
        ("Verifikator2", "2026-05"),
        ("Verifikator2", "2026-06"),
    ]


def test_it_shows_the_roll_up_and_the_same_figures_in_the_csv(
    verifikator, koordinator, petugas_layanan, kepala_lpse, masuk
):
    lb.diterima(verifikator, REGISTRASI, "2026-06", koordinator, kegiatan="Verifikasi 42 berkas.")
    lb.ajukan(petugas_layanan, "pelaksana-layanan", "2026-06")
    c = masuk(kepala_lpse)
    page = c.get("/organisasi/laporan-berkala/rekap/")  # the last ended period by default
    assert page.context["periode"].kode == "2026-06"
    # Owed in June: verifikator (accepted), layanan (submitted), koordinator and kepala (nothing).
    assert page.context["jumlah"] == {"wajib": 4, "diterima": 1, "terlambat": 2}
    assert b"Verifikasi 42 berkas." in page.content
    response = c.get("/organisasi/laporan-berkala/rekap/csv/?periode=2026-06")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    baris = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert baris[0][:6] == ["Periode", "Unit", "Nama", "Jabatan", "Status", "Terlambat"]
    isi = {(b[2], b[4], b[5], b[6]) for b in baris[1:]}
    # Late: never submitted by 7 July, or (as here, on 20 July) submitted only after it.
    assert isi == {
        ("Kepala", "Belum dibuat", "ya", ""),
        ("Koord.Registrasi", "Belum dibuat", "ya", ""),
        ("Verifikator", "Diterima", "ya", "Verifikasi 42 berkas."),
        ("Layanan", "Diajukan ke atasan", "ya", ""),
    }


def test_it_prints_the_roll_up_as_pdf(verifikator, koordinator, kepala_lpse, masuk):
    lb.diterima(verifikator, REGISTRASI, "2026-06", koordinator)
    response = masuk(kepala_lpse).get("/organisasi/laporan-berkala/rekap/pdf/?periode=2026-06")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_it_answers_404_to_a_roll_up_period_that_does_not_exist(kepala_lpse, masuk):
    assert masuk(kepala_lpse).get("/organisasi/laporan-berkala/rekap/?periode=2026-99").status_code == 404


# --- query budgets ----------------------------------------------------------------------------


def _jumlah_query(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_it_lists_and_rolls_up_reports_with_a_fixed_number_of_queries(
    verifikator, koordinator, kepala_lpse, buat_staf, masuk
):
    def staf(n, mulai):
        for i in range(mulai, mulai + n):
            user = buat_staf(f"pelaksana{i}", REGISTRASI)
            lb.diterima(user, REGISTRASI, "2026-05", koordinator)
            lb.ajukan(user, REGISTRASI, "2026-06")

    staf(1, 0)
    lb.diterima(verifikator, REGISTRASI, "2026-05", koordinator)
    klien = {"v": masuk(verifikator), "k": masuk(koordinator), "kepala": masuk(kepala_lpse)}
    urls = [
        ("v", "/organisasi/laporan-berkala/"),
        ("k", "/organisasi/laporan-berkala/tinjau/"),
        ("kepala", "/organisasi/laporan-berkala/rekap/?periode=2026-05"),
        ("kepala", "/organisasi/laporan-berkala/rekap/?periode=2026-06"),
    ]
    for c in klien.values():
        c.get("/organisasi/laporan-berkala/")  # the session's first request writes its stamp
    sedikit = [_jumlah_query(klien[k], u) for k, u in urls]
    staf(5, 1)
    lb.ajukan(verifikator, REGISTRASI, "2026-06")
    banyak = [_jumlah_query(klien[k], u) for k, u in urls]
    assert banyak == sedikit
    assert max(banyak) <= 15
