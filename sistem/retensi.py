"""Which backups retention keeps: a pure function, so 400 simulated days test it in milliseconds.

Grandfather-father-son over the periods that *have* backups (like restic's --keep-daily):
the newest backup of each of the last `harian` days, `mingguan` ISO weeks and `bulanan`
months. A pause in backups therefore never empties the store. On top of that: every backup
marked "simpan", and the newest verified backup — the last one proven restorable — is never
deleted, whatever its age.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

WITA = ZoneInfo("Asia/Makassar")


@dataclass(frozen=True)
class Butir:
    id: int
    waktu: datetime.datetime
    simpan: bool = False
    terverifikasi: bool = False


def _hari(w: datetime.datetime):
    return w.astimezone(WITA).date()


def _minggu(w: datetime.datetime):
    return tuple(_hari(w).isocalendar()[:2])


def _bulan(w: datetime.datetime):
    d = _hari(w)
    return (d.year, d.month)


def _terbaru_per_periode(urut: list[Butir], kunci: Callable, jumlah: int) -> set[int]:
    hasil, periode = set(), set()
    for b in urut:
        if len(periode) >= jumlah:
            break
        k = kunci(b.waktu)
        if k not in periode:
            periode.add(k)
            hasil.add(b.id)
    return hasil


def yang_disimpan(butir: Iterable[Butir], *, harian: int = 7, mingguan: int = 4, bulanan: int = 12) -> set[int]:
    """Ids of the backups to keep; every other one may be deleted."""
    urut = sorted(butir, key=lambda b: (b.waktu, b.id), reverse=True)
    simpan = _terbaru_per_periode(urut, _hari, harian)
    simpan |= _terbaru_per_periode(urut, _minggu, mingguan)
    simpan |= _terbaru_per_periode(urut, _bulan, bulanan)
    simpan |= {b.id for b in urut if b.simpan}
    terverifikasi = next((b for b in urut if b.terverifikasi), None)
    if terverifikasi is not None:
        simpan.add(terverifikasi.id)
    return simpan
