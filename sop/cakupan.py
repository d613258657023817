"""Coverage of the mandatory subjects (Lampiran VI): read-only, for the dashboard."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from sop import aturan
from sop.models import SOP, Kategori


@dataclass
class BarisSOP:
    sop: SOP
    status: str  # baik, segera, lewat, belum_berlaku

    @property
    def versi(self):
        return self.sop.versi_berlaku


@dataclass
class BarisKategori:
    kategori: Kategori
    sop_list: list[BarisSOP] = field(default_factory=list)

    @property
    def ada_berlaku(self) -> bool:
        return any(b.versi for b in self.sop_list)

    @property
    def warna(self) -> str:
        """Red when no SOP is in force or one is overdue for review; yellow when one is due soon."""
        if not self.ada_berlaku or any(b.status == "lewat" for b in self.sop_list):
            return "danger"
        if any(b.status == "segera" for b in self.sop_list):
            return "warning"
        return "success"


def _status(sop: SOP, hari_ini: datetime.date, sampai: datetime.date) -> str:
    if sop.versi_berlaku is None:
        return "belum_berlaku"
    if sop.tinjau_berikutnya and sop.tinjau_berikutnya < hari_ini:
        return "lewat"
    if sop.tinjau_berikutnya and sop.tinjau_berikutnya <= sampai:
        return "segera"
    return "baik"


def cakupan(hari_ini: datetime.date, *, wajib: bool = True, sop_qs=None) -> list[BarisKategori]:
    """`sop_qs`: the SOPs the viewer may see (a reader is not told about an SOP that is only a draft)."""
    sampai = hari_ini + datetime.timedelta(days=aturan.hari_pengingat_tinjauan())
    sop_qs = SOP.objects.all() if sop_qs is None else sop_qs
    kategori_list = Kategori.objects.filter(wajib=wajib).prefetch_related(
        Prefetch("sop", queryset=sop_qs.select_related("unit").dengan_versi().order_by("kode"), to_attr="semua_sop")
    )
    return [BarisKategori(k, [BarisSOP(s, _status(s, hari_ini, sampai)) for s in k.semua_sop]) for k in kategori_list]
