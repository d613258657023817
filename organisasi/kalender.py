"""Working time in WITA: office hours per weekday minus national holidays and cuti bersama.

Used for SLA clocks (helpdesk), turnaround targets (registration) and reminders counted in
working days (SOP). A `Kalender` is a plain value, so tests can build one without a
database; `Kalender.dari_database()` reads JamKerja and HariLibur.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

WITA = ZoneInfo("Asia/Makassar")
_SEHARI = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Kalender:
    # weekday (0 = Senin) -> (start, end) office hours; a missing weekday is a day off.
    jam: dict[int, tuple[datetime.time, datetime.time]]
    libur: frozenset[datetime.date] = field(default_factory=frozenset)

    @classmethod
    def dari_database(cls) -> "Kalender":
        """As stored; kept in each process until JamKerja or HariLibur changes (lpse_portal.tersimpan)."""
        from lpse_portal.tersimpan import simpanan
        from organisasi.models import HariLibur, JamKerja

        def baca():
            return cls(
                jam={j.hari: (j.mulai, j.selesai) for j in JamKerja.objects.all()},
                libur=frozenset(HariLibur.objects.values_list("tanggal", flat=True)),
            )

        return simpanan("organisasi.kalender", (JamKerja, HariLibur), baca)

    def hari_kerja(self, tanggal: datetime.date) -> bool:
        return tanggal.weekday() in self.jam and tanggal not in self.libur

    def _jendela(self, tanggal: datetime.date) -> tuple[datetime.datetime, datetime.datetime] | None:
        if not self.hari_kerja(tanggal):
            return None
        mulai, selesai = self.jam[tanggal.weekday()]
        return (
            datetime.datetime.combine(tanggal, mulai, tzinfo=WITA),
            datetime.datetime.combine(tanggal, selesai, tzinfo=WITA),
        )

    def _panjang_hari(self, hari: int) -> datetime.timedelta:
        """Office hours of a weekday (0 = Senin), holidays aside."""
        if hari not in self.jam:
            return datetime.timedelta()
        mulai, selesai = self.jam[hari]
        return datetime.datetime.combine(datetime.date.min, selesai) - datetime.datetime.combine(
            datetime.date.min, mulai
        )

    def _hari_penuh(self, dari: datetime.date, sampai: datetime.date) -> datetime.timedelta:
        """Working time of the whole days from `dari` up to, not including, `sampai`.

        Whole weeks at once and the holidays subtracted, rather than a loop over every day: the
        ticket queue clocks dozens of tickets open for weeks on every request."""
        hari = (sampai - dari).days
        if hari <= 0:
            return datetime.timedelta()
        minggu, sisa = divmod(hari, 7)
        total = minggu * sum((self._panjang_hari(h) for h in range(7)), datetime.timedelta())
        for i in range(sisa):
            total += self._panjang_hari((dari.weekday() + i) % 7)
        for libur in self.libur:
            if dari <= libur < sampai:
                total -= self._panjang_hari(libur.weekday())
        return total

    def _dalam_sehari(self, a: datetime.datetime, b: datetime.datetime) -> datetime.timedelta:
        """Working time between two instants of the same WITA day."""
        jendela = self._jendela(a.date())
        if not jendela:
            return datetime.timedelta()
        awal, akhir = max(a, jendela[0]), min(b, jendela[1])
        return akhir - awal if akhir > awal else datetime.timedelta()

    def jam_kerja_antara(self, mulai: datetime.datetime, selesai: datetime.datetime) -> datetime.timedelta:
        """Working time between two instants (aware datetimes); zero if selesai <= mulai."""
        if selesai <= mulai:
            return datetime.timedelta()
        a, b = mulai.astimezone(WITA), selesai.astimezone(WITA)
        if a.date() == b.date():
            return self._dalam_sehari(a, b)
        besok = a.date() + _SEHARI
        return (
            self._dalam_sehari(a, datetime.datetime.combine(besok, datetime.time.min, tzinfo=WITA))
            + self._hari_penuh(besok, b.date())
            + self._dalam_sehari(datetime.datetime.combine(b.date(), datetime.time.min, tzinfo=WITA), b)
        )

    def tambah_jam_kerja(self, mulai: datetime.datetime, durasi: datetime.timedelta) -> datetime.datetime:
        """The instant when `durasi` of working time has passed after `mulai`."""
        if not self.jam:
            raise ValueError("Kalender tanpa jam kerja tidak dapat menghitung tenggat.")
        sisa = durasi
        saat = mulai.astimezone(WITA)
        tanggal = saat.date()
        for _ in range(3660):  # ten years of days: a safe bound for any SLA
            jendela = self._jendela(tanggal)
            if jendela:
                awal = max(saat, jendela[0])
                if awal < jendela[1]:
                    tersedia = jendela[1] - awal
                    if sisa <= tersedia:
                        return awal + sisa
                    sisa -= tersedia
            tanggal += _SEHARI
            saat = datetime.datetime.combine(tanggal, datetime.time.min, tzinfo=WITA)
        raise ValueError("Tenggat lebih dari sepuluh tahun ke depan; periksa kalender kerja.")

    def tambah_hari_kerja(self, tanggal: datetime.date, n: int) -> datetime.date:
        """The n-th working day after `tanggal` (n >= 0; 0 gives `tanggal` itself)."""
        hasil = tanggal
        langkah = 0
        while langkah < n:
            hasil += _SEHARI
            if self.hari_kerja(hasil):
                langkah += 1
        return hasil

    def hari_kerja_antara(self, mulai: datetime.date, selesai: datetime.date) -> int:
        """Working days after `mulai` up to and including `selesai`. By whole weeks (each holds
        every office weekday once), the remaining days, then the holidays on office weekdays in
        between: the SOP queue counted years of waiting day by day (issue 10)."""
        if selesai <= mulai:
            return 0
        minggu, sisa = divmod((selesai - mulai).days, 7)
        n = minggu * len(self.jam)
        awal = mulai + datetime.timedelta(days=7 * minggu)
        n += sum(1 for i in range(1, sisa + 1) if (awal + datetime.timedelta(days=i)).weekday() in self.jam)
        return n - sum(1 for d in self.libur if mulai < d <= selesai and d.weekday() in self.jam)
