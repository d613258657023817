"""Retention over 400 simulated days: 7 daily, 4 weekly, 12 monthly; "simpan" and the newest
verified backup are never deleted."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from sistem import services
from sistem.models import Cadangan
from sistem.retensi import WITA, Butir, yang_disimpan

AWAL = datetime.datetime(2026, 1, 1, 1, 30, tzinfo=WITA)
HARI = 400
SIMPAN_HARI = 5  # the backup of day 5 is marked "simpan"
TANPA_VERIFIKASI = range(300, 330)  # a month in which every verification failed


def _hari(i: int) -> datetime.datetime:
    return AWAL + datetime.timedelta(days=i)


def _periksa_hari_ke(i: int, tersisa: dict[int, Butir]) -> None:
    waktu = sorted((b.waktu for b in tersisa.values()), reverse=True)
    hari = [w.date() for w in waktu]
    # The last seven days are all there.
    for j in range(min(7, i + 1)):
        assert _hari(i - j).date() in hari, f"hari {i}: cadangan hari {i - j} hilang"
    # One backup in each of the last twelve months that had backups.
    bulan = sorted({(w.year, w.month) for w in (_hari(k) for k in range(i + 1))}, reverse=True)[:12]
    assert set(bulan) <= {(w.year, w.month) for w in waktu}, f"hari {i}: bulan hilang"
    # ISO weeks: the last four.
    minggu = sorted({tuple(_hari(k).isocalendar()[:2]) for k in range(i + 1)}, reverse=True)[:4]
    assert set(minggu) <= {tuple(w.isocalendar()[:2]) for w in waktu}
    # Never more than the policy (+ the kept one + the newest verified).
    assert len(tersisa) <= 7 + 4 + 12 + 2
    if i >= SIMPAN_HARI:
        assert SIMPAN_HARI in tersisa


def test_it_keeps_7_daily_4_weekly_12_monthly_over_400_days():
    tersisa: dict[int, Butir] = {}
    terverifikasi: int | None = None
    for i in range(HARI):
        if i % 7 == 6 and i not in TANPA_VERIFIKASI:
            terverifikasi = i - 1  # the weekly job verifies the newest backup
        tersisa[i] = Butir(i, _hari(i), simpan=i == SIMPAN_HARI)
        tersisa = {k: Butir(b.id, b.waktu, b.simpan, terverifikasi == k) for k, b in tersisa.items() if k in tersisa}
        simpan = yang_disimpan(tersisa.values())
        if terverifikasi is not None:
            assert terverifikasi in simpan, f"hari {i}: cadangan terverifikasi terbaru dihapus"
        tersisa = {k: b for k, b in tersisa.items() if k in simpan}
        _periksa_hari_ke(i, tersisa)
    # Day, week and month buckets overlap (this week's newest is also today's), so fewer remain.
    assert 12 < len(tersisa) <= 7 + 4 + 12 + 1


def test_it_keeps_the_newest_verified_backup_through_a_month_of_failed_verifications():
    butir = [Butir(i, _hari(i), terverifikasi=i == 290) for i in range(330)]
    simpan = yang_disimpan(butir)
    assert 290 in simpan
    assert yang_disimpan([Butir(i, b.waktu) for i, b in enumerate(butir)]) == simpan - {290}


def test_it_keeps_the_last_backups_even_after_a_long_pause():
    butir = [Butir(i, _hari(i)) for i in range(10)]  # then nothing for a year
    assert yang_disimpan(butir, harian=7, mingguan=0, bulanan=0) == set(range(3, 10))


@pytest.mark.parametrize("harian, mingguan, bulanan", [(3, 2, 6), (14, 8, 24)])
def test_it_follows_a_configured_policy(harian, mingguan, bulanan):
    butir = [Butir(i, _hari(i)) for i in range(HARI)]
    simpan = yang_disimpan(butir, harian=harian, mingguan=mingguan, bulanan=bulanan)
    assert set(range(HARI - harian, HARI)) <= simpan
    assert len(simpan) <= harian + mingguan + bulanan


def test_it_applies_retention_to_stored_backups_day_by_day_for_400_days(db, settings):
    """The service on real rows and folders, the clock moved one day at a time (retention weekly)."""
    folder = Path(settings.BACKUP_DIR)
    for i in range(HARI):
        with time_machine.travel(_hari(i), tick=False):
            nama = f"lpse-uji-{i:03d}"
            (folder / nama).mkdir(parents=True)
            (folder / nama / "manifest.json").write_text("{}")
            c = Cadangan.objects.create(
                nama=nama, dibuat_at=timezone.now(), manifest={"berkas": []}, simpan=i == SIMPAN_HARI
            )
            if i % 7 == 6 and i not in TANPA_VERIFIKASI:
                Cadangan.objects.filter(pk=c.pk).update(terverifikasi_at=timezone.now())
            if i % 7 != 0 and i != HARI - 1:
                continue  # retention runs after each backup; weekly here keeps the test quick
            services.terapkan_retensi()
            terverifikasi = Cadangan.objects.exclude(terverifikasi_at=None).order_by("-terverifikasi_at").first()
            assert terverifikasi is None or terverifikasi.dihapus_at is None, f"hari {i}"
    tersisa = list(Cadangan.objects.tersedia().order_by("dibuat_at"))
    nama = {c.nama for c in tersisa}
    assert {f"lpse-uji-{i:03d}" for i in range(HARI - 7, HARI)} <= nama
    assert f"lpse-uji-{SIMPAN_HARI:03d}" in nama
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("lpse-")) == sorted(nama)
    assert Cadangan.objects.filter(dihapus_at__isnull=False).count() == HARI - len(tersisa)
    # Monthly buckets reach about a year back.
    assert tersisa[0].dibuat_at < _hari(HARI - 330)
