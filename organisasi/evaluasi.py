"""Target against realisation for a programme, with red/amber/green (Lampiran II.3.b.4).

Rules, one place:
- the value of a quarter is the latest manual realisation; without one, the automatic figure
  (organisasi.angka_otomatis) when its provider is registered; the page shows both side by side;
- achievement = value / target × 100 %: green from 100 %, amber from 75 %, red below;
- a quarter that has not started is not rated; a quarter that has ended without a value is red;
  a running quarter without a value is "berjalan";
- the year so far compares the quarters that have ended, and the running one once it has a
  value: their sum for indicators that add up (Target.Agregasi.JUMLAH), the latest value and
  target for the others (TERAKHIR).
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisasi import angka_otomatis
from organisasi.models import Kegiatan, ProgramKegiatan, Realisasi, Target, akhir_triwulan, awal_triwulan

AMBANG_HIJAU = Decimal(100)
AMBANG_KUNING = Decimal(75)

HIJAU, KUNING, MERAH, BERJALAN, BELUM, NETRAL = "hijau", "kuning", "merah", "berjalan", "belum", "netral"
LABEL_WARNA = {
    HIJAU: _("Tercapai"),
    KUNING: _("Perlu perhatian"),
    MERAH: _("Tidak tercapai"),
    BERJALAN: _("Berjalan"),
    BELUM: _("Belum dimulai"),
    NETRAL: _("Tanpa target"),
}
# Bootstrap colour of each rating, for badges.
BOOTSTRAP = {
    HIJAU: "success",
    KUNING: "warning",
    MERAH: "danger",
    BERJALAN: "info",
    BELUM: "light",
    NETRAL: "secondary",
}


def nilai_warna(nilai: Decimal | None, target: Decimal, *, dimulai: bool, berakhir: bool) -> tuple[Decimal | None, str]:
    """(achievement in %, rating) of a value against its target."""
    if not dimulai:
        return None, BELUM
    if nilai is None:
        return None, MERAH if berakhir else BERJALAN
    if not target:
        return None, NETRAL
    persen = (nilai / target * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if persen >= AMBANG_HIJAU:
        return persen, HIJAU
    if persen >= AMBANG_KUNING:
        return persen, KUNING
    return persen, MERAH


@dataclass
class Sel:
    triwulan: int
    target: Decimal
    realisasi: Realisasi | None
    otomatis: angka_otomatis.Angka | None
    dimulai: bool
    berakhir: bool
    nilai: Decimal | None = None
    sumber: str = ""  # "manual", "otomatis" or ""
    persen: Decimal | None = None
    warna: str = BELUM

    def __post_init__(self):
        if self.realisasi is not None:
            self.nilai, self.sumber = self.realisasi.nilai, "manual"
        elif self.otomatis is not None and self.otomatis.ada and self.dimulai:
            self.nilai, self.sumber = self.otomatis.nilai, "otomatis"
        self.persen, self.warna = nilai_warna(self.nilai, self.target, dimulai=self.dimulai, berakhir=self.berakhir)

    @property
    def bootstrap(self) -> str:
        return BOOTSTRAP[self.warna]

    @property
    def label(self) -> str:
        if self.warna == MERAH and self.nilai is None:
            return _("Tanpa realisasi")
        return LABEL_WARNA[self.warna]


@dataclass
class Capaian:
    target_tahunan: Decimal
    target_berjalan: Decimal
    nilai: Decimal | None
    persen: Decimal | None
    warna: str

    @property
    def bootstrap(self) -> str:
        return BOOTSTRAP[self.warna]

    @property
    def label(self) -> str:
        return LABEL_WARNA[self.warna]


@dataclass
class BarisTarget:
    target: Target
    sel: list[Sel]
    capaian: Capaian


@dataclass
class BarisKegiatan:
    kegiatan: Kegiatan
    target: list[BarisTarget] = field(default_factory=list)


def _capaian(target: Target, sel: list[Sel]) -> Capaian:
    if not any(s.dimulai for s in sel):
        return Capaian(target.target_tahunan, Decimal(0), None, None, BELUM)
    # The running quarter counts once it has a value: before that it is not yet behind.
    dimulai = [s for s in sel if s.berakhir or (s.dimulai and s.nilai is not None)]
    if not dimulai:
        return Capaian(target.target_tahunan, Decimal(0), None, None, BERJALAN)
    berisi = [s for s in dimulai if s.nilai is not None]
    if target.agregasi == Target.Agregasi.TERAKHIR:
        terakhir = berisi[-1] if berisi else None
        target_berjalan = terakhir.target if terakhir else dimulai[-1].target
        nilai = terakhir.nilai if terakhir else None
    else:
        target_berjalan = sum((s.target for s in dimulai), Decimal(0))
        nilai = sum((s.nilai for s in berisi), Decimal(0)) if berisi else None
    semua_berakhir = all(s.berakhir for s in dimulai)
    persen, warna = nilai_warna(nilai, target_berjalan, dimulai=True, berakhir=semua_berakhir)
    return Capaian(target.target_tahunan, target_berjalan, nilai, persen, warna)


def angka_triwulan(kunci: str, tahun: int, triwulan: int, hari_ini: datetime.date) -> angka_otomatis.Angka:
    """The automatic figure of a quarter: the whole quarter once it has ended, else up to and
    including today; nothing for a quarter that has not started."""
    mulai = awal_triwulan(tahun, triwulan)
    if mulai > hari_ini:
        return angka_otomatis.BELUM_TERSEDIA
    sampai = min(akhir_triwulan(tahun, triwulan), hari_ini + datetime.timedelta(days=1))
    return angka_otomatis.hitung(kunci, mulai, sampai)


def evaluasi_program(program: ProgramKegiatan, hari_ini: datetime.date | None = None) -> list[BarisKegiatan]:
    """Every activity and indicator of the programme with its four quarters and the year so far.
    A fixed number of queries, whatever the number of activities; each automatic source is
    asked once per quarter."""
    hari_ini = hari_ini or timezone.localdate()
    kegiatan_list = list(
        Kegiatan.objects.filter(program=program)
        .select_related("unit")
        .prefetch_related(Prefetch("target", queryset=Target.objects.order_by("urutan", "pk")))
    )
    terbaru: dict[tuple[int, int], Realisasi] = {}
    for r in Realisasi.objects.filter(target__kegiatan__program=program).order_by("created_at", "pk"):
        terbaru[(r.target_id, r.triwulan)] = r
    tembolok: dict[tuple[str, int], angka_otomatis.Angka] = {}

    def otomatis(kunci: str, tw: int) -> angka_otomatis.Angka | None:
        if not kunci:
            return None
        if (kunci, tw) not in tembolok:
            tembolok[(kunci, tw)] = angka_triwulan(kunci, program.tahun, tw, hari_ini)
        return tembolok[(kunci, tw)]

    hasil = []
    for kegiatan in kegiatan_list:
        baris = BarisKegiatan(kegiatan)
        for target in kegiatan.target.all():
            sel = [
                Sel(
                    triwulan=tw,
                    target=target.target_triwulan(tw),
                    realisasi=terbaru.get((target.pk, tw)),
                    otomatis=otomatis(target.sumber_otomatis, tw),
                    dimulai=program.triwulan_dimulai(tw, hari_ini),
                    berakhir=program.triwulan_berakhir(tw, hari_ini),
                )
                for tw in range(1, 5)
            ]
            baris.target.append(BarisTarget(target, sel, _capaian(target, sel)))
        hasil.append(baris)
    return hasil


def ringkasan(baris_list: list[BarisKegiatan]) -> dict[str, int]:
    """How many indicators are green, amber, red… for the year so far."""
    hitung = dict.fromkeys(LABEL_WARNA, 0)
    for b in baris_list:
        for t in b.target:
            hitung[t.capaian.warna] += 1
    return hitung
