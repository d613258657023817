"""The staff dashboard: figures against what each test built, roles, cache, query budget."""

import datetime
from collections import Counter

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laporan import cache_dasbor, dasbor
from laporan.tests import pabrik_dasbor as pabrik
from laporan.tests.pabrik_dasbor import wita

pytestmark = pytest.mark.django_db
URL = reverse("laporan:dasbor")


def _bagian(panel: dict, id_bagian: str) -> dict:
    return next(b for b in panel["bagian"] if b["id"] == id_bagian)


def _ringkasan(panel: dict) -> dict:
    return dict(panel["ringkasan"])


# --- figures ----------------------------------------------------------------------------------------


def test_it_counts_registrations_by_status_and_by_month(penyedia_factory, verifikator):
    dibuat = [
        (wita(2026, 3, 10, 9), "disetujui"),
        (wita(2026, 3, 11, 9), "disetujui"),
        (wita(2026, 5, 4, 9), "diajukan"),
        (wita(2026, 5, 5, 9), "ditolak"),
        (wita(2026, 5, 6, 9), "draf"),
        (wita(2025, 1, 6, 9), "disetujui"),  # older than 12 months: in the status count only
    ]
    for i, (pada, status) in enumerate(dibuat):
        with time_machine.travel(pada, tick=False):
            penyedia_factory(f"cv.bulan{i}", status=status, verifikator=verifikator)

    with time_machine.travel(wita(2026, 5, 20, 10), tick=False):
        panel = dasbor.panel_pendaftaran(datetime.date(2026, 5, 20))

    per_status = Counter(status for _p, status in dibuat)
    assert {b[0]: b[1] for b in _bagian(panel, "pendaftaran-status")["baris"]} == {
        "Draf": per_status["draf"],
        "Diajukan": per_status["diajukan"],
        "Sedang diverifikasi": 0,
        "Perlu perbaikan": 0,
        "Disetujui": per_status["disetujui"],
        "Ditolak": per_status["ditolak"],
    }
    bulanan = _bagian(panel, "pendaftaran-bulan")
    assert len(bulanan["baris"]) == 12
    jumlah_per_bulan = {baris[0]: baris[-1] for baris in bulanan["baris"]}
    assert jumlah_per_bulan["Mar 2026"] == 2
    assert jumlah_per_bulan["Mei 2026"] == 3
    assert sum(jumlah_per_bulan.values()) == 5
    assert _ringkasan(panel)["Menunggu verifikasi"] == 1


def _jam_setelah(awal, jam):
    return awal + datetime.timedelta(hours=jam)


def test_it_computes_verification_median_and_90th_percentile(verifikator):
    awal = wita(2026, 4, 6, 9)
    lama = [2, 10, 30, 50]  # hours from first submission to decision
    for i, jam in enumerate(lama):
        pabrik.pendaftaran_diputuskan(verifikator, diajukan=awal, diputuskan=_jam_setelah(awal, jam), setujui=(i != 1))

    with time_machine.travel(wita(2026, 4, 30, 10), tick=False):
        panel = dasbor.panel_verifikasi(datetime.date(2026, 4, 30))

    # percentile_cont: position f·(n−1) over the sorted hours, interpolated.
    median = (10 + 30) / 2
    p90 = 30 + (50 - 30) * (0.9 * 3 - 2)
    ringkas = _ringkasan(panel)
    assert ringkas["Keputusan 12 bulan terakhir"] == 4
    assert ringkas["Median (jam)"] == pytest.approx(median)
    assert ringkas["Persentil ke-90 (jam)"] == pytest.approx(p90)
    april = next(b for b in _bagian(panel, "verifikasi-bulan")["baris"] if b[0] == "Apr 2026")
    assert april[1:] == [4, pytest.approx(median), pytest.approx(p90)]


def test_it_gives_the_same_turnaround_without_percentile_cont(verifikator):
    """The embedded SQLite default has no percentile_cont: its Python fallback agrees."""
    awal = wita(2026, 4, 6, 9)
    for jam in (1, 4, 9, 27, 81):
        pabrik.pendaftaran_diputuskan(verifikator, diajukan=awal, diputuskan=_jam_setelah(awal, jam))
    from registrasi.models import Pendaftaran

    with time_machine.travel(wita(2026, 4, 30, 10), tick=False):
        sql = dasbor.waktu_verifikasi(datetime.date(2026, 4, 30))
        python = dasbor.waktu_verifikasi_python(Pendaftaran.objects.filter(status="disetujui"))
    assert sql == python
    assert sql[1] == {"n": 5, "median": 9.0, "p90": pytest.approx(81 - 0.4 * (81 - 27))}


def test_it_counts_tickets_by_type_and_category():
    from layanan.models import KategoriTiket, Tiket

    dibuat = [
        ("login", Tiket.Jenis.PERMASALAHAN_TEKNIS),
        ("login", Tiket.Jenis.PERMASALAHAN_TEKNIS),
        ("login", Tiket.Jenis.KONSULTASI),
        ("sikap", Tiket.Jenis.KONSULTASI),
        ("tender", Tiket.Jenis.PENGADUAN),
    ]
    for kategori, jenis in dibuat:
        pabrik.tiket(
            pada=wita(2026, 6, 1, 9),
            kategori=KategoriTiket.objects.get(kode=kategori),
            jenis=jenis,
            tingkat="ringan" if jenis == Tiket.Jenis.PENGADUAN else "",
        )
    pabrik.tiket(pada=wita(2025, 1, 5, 9))  # outside the 12-month window

    with time_machine.travel(wita(2026, 6, 15, 9), tick=False):
        panel = dasbor.panel_tiket(datetime.date(2026, 6, 15))

    bagian = _bagian(panel, "tiket-kategori")
    kolom_jenis = [str(j.label) for j in Tiket.Jenis]
    harapan = Counter((KategoriTiket.objects.get(kode=k).nama, str(Tiket.Jenis(j).label)) for k, j in dibuat)
    for baris in bagian["baris"]:
        nama = baris[0]
        for j, nilai in zip(kolom_jenis, baris[1:-1], strict=True):
            assert nilai == harapan[(nama, j)], (nama, j)
        assert baris[-1] == sum(v for (n, _j), v in harapan.items() if n == nama)
    assert _ringkasan(panel)["Tiket 12 bulan terakhir"] == len(dibuat)
    assert _ringkasan(panel)["Tiket terbuka saat ini"] == len(dibuat) + 1


def test_it_measures_sla_compliance_from_the_breach_flags(petugas_layanan):
    from layanan.models import Tiket
    from layanan.services.sla import periksa_pelanggaran_sla
    from layanan.sla import PenghitungSLA

    # Late: both clocks (4 working hours, 3 working days) run out before anyone answers.
    terlambat = pabrik.tiket(pada=wita(2026, 2, 2, 9))
    with time_machine.travel(wita(2026, 2, 6, 10), tick=False):
        periksa_pelanggaran_sla()
    pabrik.jawab_dan_selesaikan(
        terlambat, petugas_layanan, dijawab=wita(2026, 2, 6, 10, 15), selesai=wita(2026, 2, 6, 10, 30)
    )
    # On time twice.
    for hari in (9, 10):
        t = pabrik.tiket(pada=wita(2026, 2, hari, 9))
        pabrik.jawab_dan_selesaikan(
            t, petugas_layanan, dijawab=wita(2026, 2, hari, 9, 30), selesai=wita(2026, 2, hari, 11)
        )
    # A proposal has no SLA target: resolved, but not in the percentages.
    usulan = pabrik.tiket(pada=wita(2026, 2, 11, 9), jenis=Tiket.Jenis.USULAN)
    pabrik.jawab_dan_selesaikan(
        usulan, petugas_layanan, dijawab=wita(2026, 2, 11, 9, 30), selesai=wita(2026, 2, 11, 10)
    )
    with time_machine.travel(wita(2026, 2, 12, 9), tick=False):
        periksa_pelanggaran_sla()

    # Expected from the clock itself, computed ticket by ticket.
    with time_machine.travel(wita(2026, 2, 20, 9), tick=False):
        penghitung = PenghitungSLA()
        keadaan = [penghitung.untuk(t) for t in Tiket.objects.prefetch_related("peristiwa")]
        panel = dasbor.panel_sla(datetime.date(2026, 2, 20))
    dengan_target = [k for k in keadaan if k.respons is not None]
    respons_tepat = sum(1 for k in dengan_target if not k.respons.dilanggar)
    selesai_tepat = sum(1 for k in dengan_target if not k.selesai.dilanggar)
    assert (len(dengan_target), respons_tepat, selesai_tepat) == (3, 2, 2)

    feb = next(b for b in _bagian(panel, "sla-bulan")["baris"] if b[0] == "Feb 2026")
    assert feb[1:] == [
        4,
        len(dengan_target),
        len(dengan_target) - respons_tepat,
        round(100 * respons_tepat / len(dengan_target), 1),
        len(dengan_target),
        len(dengan_target) - selesai_tepat,
        round(100 * selesai_tepat / len(dengan_target), 1),
    ]


def test_it_counts_trainings_held_and_their_participants(petugas_layanan):
    from layanan import services
    from layanan.tests.conftest import peserta_data

    def pelatihan(mulai, peserta, hadir, **ubah):
        with time_machine.travel(mulai - datetime.timedelta(days=10), tick=False):
            p = services.simpan_pelatihan(
                data={
                    "judul": "Pelatihan SPSE",
                    "deskripsi": "",
                    "sasaran": "penyedia",
                    "mulai": mulai,
                    "selesai": mulai + datetime.timedelta(hours=3),
                    "moda": "luring",
                    "tempat": "Ruang Pelatihan LPSE",
                    "tautan": "",
                    "kapasitas": 30,
                    "pelatih": "Rizki",
                    "terbit": True,
                    **ubah,
                },
                oleh=petugas_layanan,
            )
            daftar = [
                services.daftar_pelatihan(pelatihan_id=p.pk, data=peserta_data(f"{p.pk}-{n}")) for n in range(peserta)
            ]
        with time_machine.travel(mulai + datetime.timedelta(minutes=30), tick=False):
            for x in daftar[:hadir]:
                services.catat_kehadiran(peserta_id=x.pk, oleh=petugas_layanan)
        return p

    pelatihan(wita(2026, 7, 7, 9), peserta=4, hadir=3)
    pelatihan(wita(2026, 7, 21, 9), peserta=2, hadir=2)
    pelatihan(wita(2026, 8, 4, 9), peserta=5, hadir=1)
    with time_machine.travel(wita(2026, 8, 1, 9), tick=False):
        services.simpan_pelatihan(
            data={
                "judul": "Akan datang",
                "sasaran": "penyedia",
                "mulai": wita(2026, 9, 1, 9),
                "selesai": wita(2026, 9, 1, 12),
                "moda": "luring",
                "tempat": "Mataram",
                "kapasitas": 10,
                "pelatih": "Rizki",
            },
            oleh=petugas_layanan,
        )

    with time_machine.travel(wita(2026, 8, 20, 9), tick=False):
        panel = dasbor.panel_pelatihan(datetime.date(2026, 8, 20))

    baris = {b[0]: b[1:] for b in _bagian(panel, "pelatihan-bulan")["baris"]}
    assert baris["Jul 2026"] == [2, 4 + 2, 3 + 2]
    assert baris["Agu 2026"] == [1, 5, 1]
    assert _ringkasan(panel) == {"Pelatihan 12 bulan terakhir": 3, "Peserta hadir": 6, "Pelatihan akan datang": 1}


def test_it_counts_sanctions_in_force_by_violation(ppk_a, verifikator):
    from registrasi.models.sanksi import JenisPelanggaran

    pabrik.sanksi(ppk_a, verifikator, kode="dokumen-palsu")
    pabrik.sanksi(ppk_a, verifikator, kode="dokumen-palsu")
    pabrik.sanksi(ppk_a, verifikator, kode="persekongkolan")

    from django.utils import timezone

    panel = dasbor.panel_sanksi(timezone.localdate())

    nama = {k: JenisPelanggaran.objects.get(kode=k).nama for k in ("dokumen-palsu", "persekongkolan")}
    assert _bagian(panel, "sanksi-jenis")["baris"] == [[nama["dokumen-palsu"], 2], [nama["persekongkolan"], 1]]
    assert _ringkasan(panel)["Sanksi aktif"] == 3
    assert _ringkasan(panel)["Berakhir dalam 30 hari"] == 0


def test_it_shows_sop_coverage_of_the_mandatory_subjects(kepala_lpse, pembina):
    from django.utils import timezone

    from sop.models import Kategori
    from sop.tests import alur

    alur.disetujui(alur.draf(kepala_lpse, kode="SOP-DASBOR-1"), kepala_lpse, pembina)
    alur.draf(kepala_lpse, kode="SOP-DASBOR-DRAF", kategori="registrasi-verifikasi")  # a draft counts for nothing

    panel = dasbor.panel_sop(timezone.localdate())

    wajib = Kategori.objects.filter(wajib=True)
    baris = {b[0]: b[1] for b in _bagian(panel, "sop-cakupan")["baris"]}
    assert len(baris) == wajib.count()
    assert baris[Kategori.objects.get(kode="registrasi-verifikasi").nama] == 1
    assert sum(baris.values()) == 1
    assert "SOP-DASBOR-DRAF" not in str(panel)


def test_it_warns_when_no_backup_was_verified():
    from django.utils import timezone

    panel = dasbor.panel_cadangan(timezone.localdate())

    assert panel["peringatan"] is True
    assert panel["keterangan"] == "Belum ada cadangan yang terverifikasi dapat dipulihkan."


# --- roles -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "harapan"),
    [
        ("kepala_lpse", list(dasbor.URUTAN_PANEL)),
        ("pembina", list(dasbor.URUTAN_PANEL)),
        ("sekretaris", list(dasbor.URUTAN_PANEL)),
        ("verifikator", ["pendaftaran", "verifikasi", "sanksi", "sop"]),
        ("koordinator", ["pendaftaran", "verifikasi", "sanksi", "sop"]),
        ("petugas_layanan", ["tiket", "sla", "pelatihan", "sop"]),
        ("admin_sistem", ["sop", "cadangan"]),
    ],
)
def test_it_shows_each_role_the_panels_of_its_work(request, masuk, fixture, harapan):
    user = request.getfixturevalue(fixture)

    respons = masuk(user).get(URL)

    assert respons.status_code == 200
    assert [p["kode"] for p in respons.context["panel_list"]] == harapan
    html = respons.content.decode()
    for kode in dasbor.URUTAN_PANEL:
        assert (f'data-panel="{kode}"' in html) == (kode in harapan)


def test_it_refuses_vendors_and_sends_anonymous_visitors_to_login(masuk, penyedia_a, anonim):
    assert masuk(penyedia_a).get(URL).status_code == 403
    respons = anonim.get(URL)
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("login"))


def test_it_puts_chart_data_in_a_json_script_and_a_table_under_each_chart(masuk, kepala_lpse):
    html = masuk(kepala_lpse).get(URL).content.decode()

    assert '<script id="dasbor-grafik" type="application/json">' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    for id_bagian in ("pendaftaran-status", "verifikasi-bulan", "tiket-kategori", "sla-bulan", "pelatihan-bulan"):
        assert f'data-grafik="{id_bagian}"' in html
        assert f'id="tabel-{id_bagian}"' in html
    assert "<script>" not in html  # no inline script: CSP


# --- cache -----------------------------------------------------------------------------------------


def _tiket_12_bulan(user) -> int:
    panel = next(p for p in dasbor.data_dasbor(user) if p["kode"] == "tiket")
    return _ringkasan(panel)["Tiket 12 bulan terakhir"]


def test_it_keeps_the_figures_until_a_write_commits_then_recomputes(
    petugas_layanan, django_capture_on_commit_callbacks
):
    pabrik.tiket()
    assert _tiket_12_bulan(petugas_layanan) == 1

    # Without a commit the cached entry stands (the test's transaction never commits).
    pabrik.tiket()
    assert _tiket_12_bulan(petugas_layanan) == 1

    with django_capture_on_commit_callbacks(execute=True):
        pabrik.tiket()
    assert _tiket_12_bulan(petugas_layanan) == 3


def test_it_invalidates_on_an_event_that_changes_no_row(petugas_layanan, django_capture_on_commit_callbacks):
    """An internal note is only an event on the ticket: the panels reading tickets still recompute,
    except the SLA panel, which follows its TTL only (cache_dasbor.SUMBER)."""
    from django.db import transaction

    from layanan.models import Tiket
    from lpse_portal.peristiwa import catat_peristiwa

    t = pabrik.tiket()
    dasbor.data_dasbor(petugas_layanan)
    sebelum = cache_dasbor.cache.get_many([cache_dasbor._kunci_versi(k) for k in ("tiket", "sla")])

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        catat_peristiwa(Tiket.objects.get(pk=t.pk), oleh=None, aksi="catatan_internal")

    sesudah = cache_dasbor.cache.get_many([cache_dasbor._kunci_versi(k) for k in ("tiket", "sla")])
    assert sesudah[cache_dasbor._kunci_versi("tiket")] != sebelum.get(cache_dasbor._kunci_versi("tiket"))
    assert sesudah.get(cache_dasbor._kunci_versi("sla")) == sebelum.get(cache_dasbor._kunci_versi("sla"))


def test_it_recomputes_after_the_ttl_a_change_that_bypassed_the_signals(petugas_layanan):
    from layanan.models import Tiket

    t = pabrik.tiket()
    assert _tiket_12_bulan(petugas_layanan) == 1
    Tiket.objects.filter(pk=t.pk).update(created_at=wita(2020, 1, 1))  # no signal, no event

    assert _tiket_12_bulan(petugas_layanan) == 1
    with time_machine.travel(datetime.timedelta(seconds=cache_dasbor.TTL + 1)):
        assert _tiket_12_bulan(petugas_layanan) == 0


def test_it_recomputes_on_a_new_day(petugas_layanan):
    from layanan.models import Tiket

    with time_machine.travel(wita(2026, 6, 1, 23, 58), tick=False):
        t = pabrik.tiket()
        assert _tiket_12_bulan(petugas_layanan) == 1
        Tiket.objects.filter(pk=t.pk).update(created_at=wita(2020, 1, 1))
    with time_machine.travel(wita(2026, 6, 2, 0, 1), tick=False):
        assert _tiket_12_bulan(petugas_layanan) == 0


def test_it_serves_the_previous_figures_while_another_process_recomputes(petugas_layanan):
    pabrik.tiket()
    assert _tiket_12_bulan(petugas_layanan) == 1
    pabrik.tiket()
    cache_dasbor.invalidasi("tiket")
    cache_dasbor.cache.add(cache_dasbor._kunci_hitung("tiket"), 1, timeout=60)  # someone else is at it

    assert _tiket_12_bulan(petugas_layanan) == 1

    cache_dasbor.cache.delete(cache_dasbor._kunci_hitung("tiket"))
    assert _tiket_12_bulan(petugas_layanan) == 2


# --- query budget ----------------------------------------------------------------------------------


def _isi(jumlah: int, verifikator, ppk, petugas):
    from layanan.models import KategoriTiket

    kategori = list(KategoriTiket.objects.all())
    for i in range(jumlah):
        t = pabrik.tiket(kategori=kategori[i % len(kategori)])
        if i % 3 == 0:
            from layanan import services

            services.balas_tiket(tiket_id=t.pk, isi="Dijawab.", oleh=petugas)
            services.selesaikan_tiket(tiket_id=t.pk, oleh=petugas)
    for _i in range(max(1, jumlah // 10)):
        pabrik.sanksi(ppk, verifikator)


def _hitung_query(klien) -> tuple[int, int]:
    cache_dasbor.invalidasi()
    with CaptureQueriesContext(connection) as dingin:
        assert klien.get(URL).status_code == 200
    with CaptureQueriesContext(connection) as hangat:
        assert klien.get(URL).status_code == 200
    return len(dingin), len(hangat)


def test_it_runs_a_fixed_number_of_queries_whatever_the_rows(masuk, kepala_lpse, verifikator, ppk_a, petugas_layanan):
    klien = masuk(kepala_lpse)
    klien.get(URL)  # warm-up: the first request of a session writes it once
    _isi(5, verifikator, ppk_a, petugas_layanan)
    sedikit = _hitung_query(klien)
    _isi(45, verifikator, ppk_a, petugas_layanan)
    banyak = _hitung_query(klien)

    assert sedikit == banyak
    dingin, hangat = banyak
    assert dingin <= 30
    # From the cache: session, user, roles, navigation; no aggregate query at all.
    assert hangat <= 4


def test_it_still_answers_and_writes_still_commit_when_the_cache_is_down(
    settings, petugas_layanan, django_capture_on_commit_callbacks
):
    pabrik.tiket()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    with django_capture_on_commit_callbacks(execute=True):
        pabrik.tiket()
    assert _tiket_12_bulan(petugas_layanan) == 2
