"""The SLA clock, table-driven: weekends, holidays, office-hour edges and pauses (no database)."""

import datetime as dt

import pytest

from layanan.sla import Batas, Langkah, hitung_sla
from organisasi.kalender import WITA, Kalender

JAM = {h: (dt.time(7, 30), dt.time(16, 0)) for h in range(4)} | {4: (dt.time(7, 30), dt.time(16, 30))}
LIBUR = frozenset({dt.date(2026, 8, 17), dt.date(2026, 12, 24), dt.date(2026, 12, 25)})
K = Kalender(jam=JAM, libur=LIBUR)
J = dt.timedelta(hours=1)


def w(*a):
    return dt.datetime(*a, tzinfo=WITA)


def buat(waktu):
    return Langkah(waktu, ke="baru")


def ke(waktu, status, respons=False):
    return Langkah(waktu, ke=status, respons=respons)


def jawab(waktu):
    return Langkah(waktu, respons=True)


# 23 Nov 2026 is a Monday; 27 Nov a Friday; 17 Aug 2026 a holiday Monday.
@pytest.mark.parametrize(
    "langkah, sekarang, terpakai, warna, tenggat",
    [
        # office hours only, from creation
        ([buat(w(2026, 11, 23, 8))], w(2026, 11, 23, 10), 2 * J, "hijau", w(2026, 11, 23, 12)),
        # Friday afternoon to Monday morning: the weekend does not count; 3 of 4 hours is amber
        ([buat(w(2026, 11, 27, 15))], w(2026, 11, 30, 9), 3 * J, "kuning", w(2026, 11, 30, 10)),
        # raised on Saturday: the clock starts when the office opens on Monday
        ([buat(w(2026, 11, 28, 10))], w(2026, 11, 30, 8, 30), 1 * J, "hijau", w(2026, 11, 30, 11, 30)),
        # over a holiday Monday (17 Aug)
        ([buat(w(2026, 8, 14, 16))], w(2026, 8, 18, 8), 1 * J, "hijau", w(2026, 8, 18, 11)),
        # a minute before closing, asked again after closing
        (
            [buat(w(2026, 11, 23, 15, 59))],
            w(2026, 11, 23, 18),
            dt.timedelta(minutes=1),
            "hijau",
            w(2026, 11, 24, 11, 29),
        ),
        # before opening: nothing used yet
        ([buat(w(2026, 11, 23, 6))], w(2026, 11, 23, 7, 15), dt.timedelta(0), "hijau", w(2026, 11, 23, 11, 30)),
        # five hours without an answer: breached, no deadline left to show
        ([buat(w(2026, 11, 23, 8))], w(2026, 11, 23, 13), 5 * J, "merah", None),
    ],
)
def test_it_counts_the_first_response_clock_in_working_hours(langkah, sekarang, terpakai, warna, tenggat):
    sla = hitung_sla(langkah, respons=Batas(4), selesai=None, kalender=K, sekarang=sekarang)
    assert sla.respons.terpakai == terpakai
    assert sla.respons.warna == warna
    assert sla.respons.tenggat == tenggat


@pytest.mark.parametrize(
    "langkah, sekarang, terpakai, berjalan",
    [
        # a public answer stops the first-response clock for good
        ([buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 9), "ditangani", respons=True)], w(2026, 11, 24, 15), J, False),
        # an answer without a status change also stops it
        ([buat(w(2026, 11, 23, 8)), jawab(w(2026, 11, 23, 9, 30))], w(2026, 11, 23, 15), 1.5 * J, False),
        # resolved without a public answer stops it too
        (
            [buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 8, 45), "ditangani"), ke(w(2026, 11, 23, 9), "selesai")],
            w(2026, 11, 23, 15),
            J,
            False,
        ),
    ],
)
def test_it_stops_the_first_response_clock_at_the_first_answer(langkah, sekarang, terpakai, berjalan):
    sla = hitung_sla(langkah, respons=Batas(4), selesai=None, kalender=K, sekarang=sekarang)
    assert sla.respons.terpakai == terpakai
    assert sla.respons.berjalan is berjalan
    assert sla.respons.berhenti


@pytest.mark.parametrize(
    "langkah, sekarang, terpakai, lkpp, menunggu, berjalan",
    [
        # waiting for the requester pauses it (Mon 09.00 → Tue 09.00)
        (
            [
                buat(w(2026, 11, 23, 8)),
                ke(w(2026, 11, 23, 9), "menunggu_pengguna", True),
                ke(w(2026, 11, 24, 9), "ditangani"),
            ],
            w(2026, 11, 24, 10),
            2 * J,
            0 * J,
            8.5 * J,
            True,
        ),
        # still waiting: paused, the used time stands still
        (
            [buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 9), "menunggu_pengguna", True)],
            w(2026, 11, 26, 10),
            J,
            0 * J,
            (7 + 8.5 + 8.5 + 2.5) * J,
            False,
        ),
        # at LKPP from Monday 10.00 to Wednesday 10.00: paused, and counted apart
        (
            [buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 10), "eskalasi_lkpp"), ke(w(2026, 11, 25, 10), "ditangani")],
            w(2026, 11, 25, 11),
            3 * J,
            (6 + 8.5 + 2.5) * J,
            0 * J,
            True,
        ),
        # resolved, then reopened by the requester: the clock runs again from the reopening
        (
            [buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 9), "selesai"), ke(w(2026, 11, 24, 8), "ditangani")],
            w(2026, 11, 24, 9),
            2 * J,
            0 * J,
            0 * J,
            True,
        ),
        # resolved: stopped for good
        (
            [buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 10), "selesai"), ke(w(2026, 11, 24, 10), "ditutup")],
            w(2026, 12, 1, 9),
            2 * J,
            0 * J,
            0 * J,
            False,
        ),
        # pause across a weekend and a holiday: none of it counts
        (
            [buat(w(2026, 8, 14, 8)), ke(w(2026, 8, 14, 9), "menunggu_pengguna"), ke(w(2026, 8, 18, 9), "ditangani")],
            w(2026, 8, 18, 10),
            2 * J,
            0 * J,
            (7.5 + 1.5) * J,
            True,
        ),
    ],
)
def test_it_pauses_the_resolution_clock_while_waiting_for_the_requester_or_lkpp(
    langkah, sekarang, terpakai, lkpp, menunggu, berjalan
):
    sla = hitung_sla(langkah, respons=None, selesai=Batas(5, "hari"), kalender=K, sekarang=sekarang)
    assert sla.selesai.terpakai == terpakai
    assert sla.waktu_lkpp == lkpp
    assert sla.waktu_menunggu_pengguna == menunggu
    assert sla.selesai.berjalan is berjalan


@pytest.mark.parametrize(
    "mulai, batas, tenggat",
    [
        (w(2026, 11, 23, 10), Batas(5, "hari"), w(2026, 11, 30, 10)),  # five working days, same hour
        (w(2026, 12, 23, 10), Batas(1, "hari"), w(2026, 12, 28, 10)),  # over Christmas and a weekend
        (w(2026, 11, 28, 10), Batas(1, "hari"), w(2026, 11, 30, 16)),  # raised Saturday: all of Monday
        (w(2026, 11, 23, 15), Batas(3), w(2026, 11, 24, 9, 30)),  # three hours roll over the evening
        (w(2026, 11, 27, 16), Batas(3), w(2026, 11, 30, 10)),  # Friday 16.00 → Monday 10.00
    ],
)
def test_it_sets_the_deadline_of_a_target_in_working_days_or_hours(mulai, batas, tenggat):
    sla = hitung_sla([buat(mulai)], respons=None, selesai=batas, kalender=K, sekarang=mulai)
    assert sla.selesai.tenggat == tenggat


def test_it_turns_red_when_a_light_complaint_runs_past_three_hours():
    sla = hitung_sla(
        [buat(w(2026, 11, 23, 8))], respons=None, selesai=Batas(3), kalender=K, sekarang=w(2026, 11, 23, 11, 1)
    )
    assert sla.dilanggar and sla.warna == "merah"


def test_it_keeps_a_resolution_within_target_green_after_it_stops():
    langkah = [buat(w(2026, 11, 23, 8)), ke(w(2026, 11, 23, 10, 30), "selesai")]
    sla = hitung_sla(langkah, respons=None, selesai=Batas(3), kalender=K, sekarang=w(2026, 12, 30, 10))
    assert sla.selesai.berhenti and not sla.dilanggar and sla.warna == "hijau"


def test_it_has_no_clock_for_a_type_without_targets():
    sla = hitung_sla([buat(w(2026, 11, 23, 8))], respons=None, selesai=None, kalender=K, sekarang=w(2026, 11, 30, 8))
    assert not sla.ada and sla.warna == ""


def test_it_has_no_clock_with_an_empty_office_calendar():
    kosong = Kalender(jam={})
    sla = hitung_sla(
        [buat(w(2026, 11, 23, 8))], respons=Batas(4), selesai=None, kalender=kosong, sekarang=w(2026, 11, 30, 8)
    )
    assert not sla.ada
