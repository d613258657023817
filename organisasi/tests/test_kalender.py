"""Working time in WITA across weekends, holidays and office-hour edges (table-driven)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from organisasi.kalender import WITA, Kalender

JAM = {h: (dt.time(7, 30), dt.time(16, 0)) for h in range(4)} | {4: (dt.time(7, 30), dt.time(16, 30))}
LIBUR = frozenset({dt.date(2026, 8, 17), dt.date(2026, 12, 24), dt.date(2026, 12, 25)})
K = Kalender(jam=JAM, libur=LIBUR)


def w(*a):
    return dt.datetime(*a, tzinfo=WITA)


@pytest.mark.parametrize(
    "mulai, selesai, jam",
    [
        (w(2026, 11, 23, 8), w(2026, 11, 23, 10), 2),  # Monday morning
        (w(2026, 11, 23, 6), w(2026, 11, 23, 8), 0.5),  # before opening counts from 07.30
        (w(2026, 11, 23, 15), w(2026, 11, 23, 18), 1),  # after closing stops at 16.00
        (w(2026, 11, 27, 15), w(2026, 11, 30, 9), 3),  # Friday 15–16.30 + Monday 07.30–09.00
        (w(2026, 11, 28, 9), w(2026, 11, 29, 17), 0),  # a weekend
        (w(2026, 8, 14, 16), w(2026, 8, 18, 8), 1),  # Fri 16–16.30, holiday Monday 17 Aug, Tue 07.30–08
        (w(2026, 12, 23, 15), w(2026, 12, 28, 8), 1.5),  # Christmas: Wed 15–16, Thu/Fri off, Mon 07.30–08
        (w(2026, 11, 23, 10), w(2026, 11, 23, 9), 0),  # end before start
    ],
)
def test_it_counts_working_hours_between_two_instants(mulai, selesai, jam):
    assert K.jam_kerja_antara(mulai, selesai) == dt.timedelta(hours=jam)


def test_it_counts_in_wita_whatever_zone_the_instants_come_in():
    utc = dt.datetime(2026, 11, 23, 0, 30, tzinfo=dt.UTC)  # 08.30 WITA
    assert K.jam_kerja_antara(utc, utc + dt.timedelta(hours=1)) == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    "mulai, durasi, tenggat",
    [
        (w(2026, 11, 23, 8), 3, w(2026, 11, 23, 11)),
        (w(2026, 11, 23, 15), 3, w(2026, 11, 24, 9, 30)),  # rolls over the evening
        (w(2026, 11, 27, 16), 3, w(2026, 11, 30, 10)),  # Friday 16.00 → Monday 10.00
        (w(2026, 11, 28, 10), 1, w(2026, 11, 30, 8, 30)),  # raised on Saturday
        (w(2026, 8, 14, 16, 30), 1, w(2026, 8, 18, 8, 30)),  # over a holiday Monday
        (w(2026, 11, 23, 7), 0, w(2026, 11, 23, 7, 30)),  # zero waits for the office to open
    ],
)
def test_it_finds_the_deadline_after_a_number_of_working_hours(mulai, durasi, tenggat):
    assert K.tambah_jam_kerja(mulai, dt.timedelta(hours=durasi)) == tenggat


@pytest.mark.parametrize(
    "tanggal, n, hasil",
    [
        (dt.date(2026, 11, 23), 2, dt.date(2026, 11, 25)),
        (dt.date(2026, 11, 27), 1, dt.date(2026, 11, 30)),
        (dt.date(2026, 12, 23), 1, dt.date(2026, 12, 28)),
        (dt.date(2026, 11, 28), 0, dt.date(2026, 11, 28)),
    ],
)
def test_it_adds_working_days(tanggal, n, hasil):
    assert K.tambah_hari_kerja(tanggal, n) == hasil
    assert K.hari_kerja_antara(tanggal, hasil) == n


def test_it_reads_the_seeded_calendar_from_the_database(db):
    k = Kalender.dari_database()
    assert dt.date(2026, 8, 17) in k.libur
    assert not k.hari_kerja(dt.date(2026, 11, 28))  # Saturday
    assert k.jam[4] == (dt.time(7, 30), dt.time(16, 30))


def _jam_kerja_hari_demi_hari(k, mulai, selesai):
    """The plain definition: every day's office window clipped to the interval, summed."""
    total = dt.timedelta()
    hari = mulai.astimezone(WITA).date()
    while hari <= selesai.astimezone(WITA).date():
        if k.hari_kerja(hari):
            awal = max(mulai, dt.datetime.combine(hari, k.jam[hari.weekday()][0], tzinfo=WITA))
            akhir = min(selesai, dt.datetime.combine(hari, k.jam[hari.weekday()][1], tzinfo=WITA))
            total += max(akhir - awal, dt.timedelta())
        hari += dt.timedelta(days=1)
    return total


@given(
    mulai=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31)),
    menit=st.integers(min_value=0, max_value=60 * 24 * 400),
)
@settings(max_examples=300, deadline=None)
def test_it_counts_working_time_by_weeks_as_the_day_by_day_definition_does(mulai, menit):
    a = mulai.replace(tzinfo=WITA)
    b = a + dt.timedelta(minutes=menit)
    assert K.jam_kerja_antara(a, b) == _jam_kerja_hari_demi_hari(K, a, b)


@given(
    mulai=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2027, 12, 31)),
    hari=st.integers(min_value=-10, max_value=3000),
)
@settings(max_examples=300, deadline=None)
def test_it_counts_working_days_by_weeks_as_the_day_by_day_definition_does(mulai, hari):
    selesai = mulai + dt.timedelta(days=hari)
    harap, tanggal = 0, mulai
    while tanggal < selesai:
        tanggal += dt.timedelta(days=1)
        harap += K.hari_kerja(tanggal)
    assert K.hari_kerja_antara(mulai, selesai) == harap
