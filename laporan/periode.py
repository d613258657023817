"""Report periods in WITA: a month, a quarter (triwulan) or a year.

A period is a pair of dates, `mulai` (first day) and `sampai` (last day, included). Every
figure counts the instants in [mulai 00:00 WITA, the day after `sampai` 00:00 WITA), so an
event at 23:59 WITA on the last day belongs to the period and one at 00:00 the next day does
not, whatever the server's or the database's own time zone.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _

WITA = ZoneInfo("Asia/Makassar")

BULANAN, TRIWULANAN, TAHUNAN = "bulanan", "triwulanan", "tahunan"
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
ROMAWI = ["I", "II", "III", "IV"]


class PeriodeTidakSah(ValueError):
    """A period the user typed that does not exist; the message is shown as is."""


@dataclass(frozen=True)
class Periode:
    jenis: str
    mulai: datetime.date
    sampai: datetime.date  # last day, included

    @property
    def awal(self) -> datetime.datetime:
        """The first instant of the period (aware, WITA)."""
        return datetime.datetime.combine(self.mulai, datetime.time.min, tzinfo=WITA)

    @property
    def akhir(self) -> datetime.datetime:
        """The first instant after the period (aware, WITA): 00:00 of the day after `sampai`."""
        return datetime.datetime.combine(self.sampai + datetime.timedelta(days=1), datetime.time.min, tzinfo=WITA)

    @property
    def kode(self) -> str:
        """The form `generate_report --periode` takes: 2026-10, 2026-T4, 2026."""
        if self.jenis == BULANAN:
            return f"{self.mulai:%Y-%m}"
        if self.jenis == TRIWULANAN:
            return f"{self.mulai.year}-T{(self.mulai.month - 1) // 3 + 1}"
        return f"{self.mulai.year}"

    @property
    def label(self) -> str:
        if self.jenis == BULANAN:
            return f"{BULAN[self.mulai.month - 1]} {self.mulai.year}"
        if self.jenis == TRIWULANAN:
            return _("Triwulan %(t)s %(y)s") % {"t": ROMAWI[(self.mulai.month - 1) // 3], "y": self.mulai.year}
        return _("Tahun %(y)s") % {"y": self.mulai.year}

    def sudah_berakhir(self, sekarang: datetime.datetime) -> bool:
        return sekarang >= self.akhir


def buat(jenis: str, tahun: int, ke: int = 1) -> Periode:
    """`ke` is the month (bulanan) or the quarter (triwulanan); ignored for tahunan."""
    if jenis == BULANAN:
        if not 1 <= ke <= 12:
            raise PeriodeTidakSah(_("Bulan harus 1 sampai 12."))
        mulai = datetime.date(tahun, ke, 1)
        return Periode(jenis, mulai, mulai + relativedelta(months=1) - datetime.timedelta(days=1))
    if jenis == TRIWULANAN:
        if not 1 <= ke <= 4:
            raise PeriodeTidakSah(_("Triwulan harus 1 sampai 4."))
        mulai = datetime.date(tahun, 3 * (ke - 1) + 1, 1)
        return Periode(jenis, mulai, mulai + relativedelta(months=3) - datetime.timedelta(days=1))
    if jenis == TAHUNAN:
        return Periode(jenis, datetime.date(tahun, 1, 1), datetime.date(tahun, 12, 31))
    raise PeriodeTidakSah(_("Jenis laporan tidak dikenal: %(j)s.") % {"j": jenis})


_POLA = {
    BULANAN: re.compile(r"^(\d{4})-(\d{1,2})$"),
    TRIWULANAN: re.compile(r"^(\d{4})-[TtQq]([1-4])$"),
    TAHUNAN: re.compile(r"^(\d{4})$"),
}
_CONTOH = {BULANAN: "2026-10", TRIWULANAN: "2026-T4", TAHUNAN: "2026"}


def urai(jenis: str, teks: str) -> Periode:
    """Parse the period code of a report kind: 2026-10 (bulanan), 2026-T4 (triwulanan), 2026."""
    if jenis not in _POLA:
        raise PeriodeTidakSah(_("Jenis laporan tidak dikenal: %(j)s.") % {"j": jenis})
    cocok = _POLA[jenis].match((teks or "").strip())
    if not cocok:
        raise PeriodeTidakSah(
            _("Periode %(p)s tidak dikenali untuk laporan %(j)s; contoh: %(c)s.")
            % {"p": (teks or "")[:20], "j": jenis, "c": _CONTOH[jenis]}
        )
    tahun = int(cocok.group(1))
    if not 2000 <= tahun <= 2100:
        raise PeriodeTidakSah(_("Tahun harus antara 2000 dan 2100."))
    return buat(jenis, tahun, int(cocok.group(2)) if jenis != TAHUNAN else 1)


def sebelumnya(jenis: str, sekarang: datetime.datetime) -> Periode:
    """The last period of this kind that has ended at `sekarang` (what the schedule reports on)."""
    hari_ini = sekarang.astimezone(WITA).date()
    if jenis == BULANAN:
        lalu = hari_ini.replace(day=1) - datetime.timedelta(days=1)
        return buat(jenis, lalu.year, lalu.month)
    if jenis == TRIWULANAN:
        awal_tw = datetime.date(hari_ini.year, 3 * ((hari_ini.month - 1) // 3) + 1, 1)
        lalu = awal_tw - datetime.timedelta(days=1)
        return buat(jenis, lalu.year, (lalu.month - 1) // 3 + 1)
    if jenis == TAHUNAN:
        return buat(jenis, hari_ini.year - 1)
    raise PeriodeTidakSah(_("Jenis laporan tidak dikenal: %(j)s.") % {"j": jenis})
