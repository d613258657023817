"""Open data: the figures against what the test built, the downloads, no personal data."""

import csv
import datetime
import io
import json

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laporan import cache_dasbor, data_terbuka
from laporan.tests import pabrik_dasbor as pabrik
from laporan.tests.pabrik_dasbor import wita

pytestmark = pytest.mark.django_db
HARI_INI = wita(2026, 11, 20, 10)


@pytest.fixture
def dunia(penyedia_factory, verifikator, petugas_layanan, ppk_a, kepala_lpse, pembina):
    """A small LPSE: what each figure should count is noted beside it."""
    from layanan import services as layanan
    from layanan.tests.conftest import peserta_data
    from sop.tests import alur

    with time_machine.travel(wita(2025, 6, 2, 9), tick=False):
        penyedia_factory("cv.lama", verifikator=verifikator)  # active, approved last year
    with time_machine.travel(wita(2026, 3, 2, 9), tick=False):
        vendor = [penyedia_factory(f"cv.baru{i}", verifikator=verifikator) for i in range(2)]  # approved this year
        penyedia_factory("cv.ditolak", status="ditolak", verifikator=verifikator)
        penyedia_factory("cv.antre", status="diajukan")
        # Two tickets resolved this year, one still open.
        for i in range(2):
            t = pabrik.tiket(email_pelapor=f"pelapor{i}@contoh.co.id")
            pabrik.jawab_dan_selesaikan(
                t, petugas_layanan, dijawab=wita(2026, 3, 2, 10), selesai=wita(2026, 3, 2, 11 + i)
            )
        pabrik.tiket()
        # One training held with an attendee, one nobody came to.
        for hadir in (True, False):
            p = layanan.simpan_pelatihan(
                data={
                    "judul": "Pelatihan SPSE",
                    "sasaran": "penyedia",
                    "mulai": wita(2026, 3, 10, 9),
                    "selesai": wita(2026, 3, 10, 12),
                    "moda": "luring",
                    "tempat": "Mataram",
                    "kapasitas": 10,
                    "pelatih": "Rizki",
                },
                oleh=petugas_layanan,
            )
            peserta = layanan.daftar_pelatihan(pelatihan_id=p.pk, data=peserta_data(f"{p.pk}"))
            if hadir:
                with time_machine.travel(wita(2026, 3, 10, 9, 30), tick=False):
                    layanan.catat_kehadiran(peserta_id=peserta.pk, oleh=petugas_layanan)
    with time_machine.travel(wita(2026, 11, 2, 9), tick=False):
        # SOPs in force: one public, one internal.
        alur.disetujui(alur.draf(kepala_lpse, kode="SOP-PUBLIK"), kepala_lpse, pembina)
        alur.disetujui(alur.draf(kepala_lpse, kode="SOP-INTERNAL", publik=False), kepala_lpse, pembina)
        # Sanctions: one in force, one starting next month.
        pabrik.sanksi(ppk_a, verifikator)
        pabrik.sanksi(ppk_a, verifikator, mulai=datetime.date(2026, 12, 15))
    return {"vendor": vendor}


def _nilai(data: dict) -> dict:
    return {s["kode"]: s["nilai"] for s in data["statistik"]}


def test_it_counts_what_was_built(dunia):
    with time_machine.travel(HARI_INI, tick=False):
        data = data_terbuka.statistik()

    assert _nilai(data) == {
        "penyedia_aktif": 3,
        "pendaftaran_disetujui_tahun_ini": 2,
        "tiket_diselesaikan_tahun_ini": 2,
        "pelatihan_terselenggara_tahun_ini": 1,
        "sop_terbit": 1,
        "daftar_hitam_aktif": 1,
    }
    assert [s["kode"] for s in data["statistik"]] == [kode for kode, _l, _p in data_terbuka.STATISTIK]
    assert data["tahun"] == 2026


def test_it_downloads_csv_with_a_header_row_in_utf8(anonim, dunia):
    with time_machine.travel(HARI_INI, tick=False):
        respons = anonim.get(reverse("laporan:data_terbuka_csv"))

    assert respons.status_code == 200
    assert respons["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in respons["Content-Disposition"]
    baris = list(csv.reader(io.StringIO(respons.content.decode("utf-8"))))
    assert baris[0] == ["kode", "label", "nilai", "periode"]
    assert [b[0] for b in baris[1:]] == [kode for kode, _l, _p in data_terbuka.STATISTIK]
    assert {b[0]: int(b[2]) for b in baris[1:]}["tiket_diselesaikan_tahun_ini"] == 2


def test_it_gives_byte_identical_csv_for_the_same_figures(anonim, dunia):
    with time_machine.travel(HARI_INI, tick=False):
        pertama = anonim.get(reverse("laporan:data_terbuka_csv")).content
        cache_dasbor.invalidasi()
    with time_machine.travel(HARI_INI + datetime.timedelta(minutes=7), tick=False):
        kedua = anonim.get(reverse("laporan:data_terbuka_csv")).content

    assert pertama == kedua


def test_it_downloads_json_in_the_documented_shape(anonim, dunia):
    with time_machine.travel(HARI_INI, tick=False):
        respons = anonim.get(reverse("laporan:data_terbuka_json"))

    assert respons["Content-Type"] == "application/json; charset=utf-8"
    isi = json.loads(respons.content.decode("utf-8"))
    assert set(isi) == {"judul", "penerbit", "tahun", "dihitung_pada", "kolom", "statistik"}
    assert isi["kolom"] == ["kode", "label", "nilai", "periode"]
    assert datetime.datetime.fromisoformat(isi["dihitung_pada"]).utcoffset() == datetime.timedelta(hours=8)
    for s in isi["statistik"]:
        assert list(s) == isi["kolom"]
        assert isinstance(s["nilai"], int)
    assert _nilai(isi)["sop_terbit"] == 1


def test_it_publishes_no_personal_data(anonim, dunia, penyedia_a):
    from registrasi.models import Penyedia

    with time_machine.travel(HARI_INI, tick=False):
        keluaran = [
            anonim.get(reverse(nama)).content.decode("utf-8")
            for nama in ("laporan:data_terbuka", "laporan:data_terbuka_csv", "laporan:data_terbuka_json", "beranda")
        ]

    from layanan.models import PesertaPelatihan, Tiket

    rahasia = []
    for p in Penyedia.objects.all():
        rahasia += [p.pj_nik, p.npwp, p.npwp[1:], p.nib, p.email, p.user.email, p.pj_nama, p.nama, p.user.username]
    rahasia += [e for e in Tiket.objects.values_list("email_pelapor", flat=True) if e]
    rahasia += list(PesertaPelatihan.objects.values_list("email", flat=True))
    assert len(rahasia) > 40
    for teks in keluaran:
        for r in rahasia:
            assert r not in teks, r


def test_it_shows_the_figures_on_the_home_page(anonim, dunia):
    with time_machine.travel(HARI_INI, tick=False):
        html = anonim.get(reverse("beranda")).content.decode()

    assert 'id="statistik-publik"' in html
    assert "Sanksi daftar hitam yang berlaku" in html
    assert reverse("laporan:data_terbuka") in html


def test_it_reads_the_home_page_figures_from_the_cache(anonim, dunia):
    anonim.get(reverse("beranda"))
    with CaptureQueriesContext(connection) as query:
        anonim.get(reverse("beranda"))
    assert len(query) == 0


def test_it_counts_a_new_sanction_once_it_is_committed(dunia, ppk_a, verifikator, django_capture_on_commit_callbacks):
    sebelum = _nilai(data_terbuka.statistik())["daftar_hitam_aktif"]
    with django_capture_on_commit_callbacks(execute=True):
        pabrik.sanksi(ppk_a, verifikator)

    assert _nilai(data_terbuka.statistik())["daftar_hitam_aktif"] == sebelum + 1
