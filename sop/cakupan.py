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


# --- the rendered page body, cached -----------------------------------------------------------
# Listing every SOP with its version costs tens of milliseconds of rendering at 150 SOPs, for a
# page many staff open. The body is the same for everyone of one visibility class on one day,
# so it is kept rendered; the key carries a fingerprint of the data (counts and last change of
# SOPs and versions, the categories themselves), so any change, through a service, the admin
# or a bulk update that sets updated_at, shows on the next request.


def _kelas_pembaca(user) -> str:
    if aturan.penyusun_semua_unit(user) or aturan.boleh_setujui(user):
        return "semua"
    if aturan.staf(user):
        return "staf:" + ",".join(str(u) for u in sorted(aturan.unit_koordinator(user)))
    return "publik"


def _sidik_data() -> str:
    from django.db.models import Count, Max

    from sop.models import VersiSOP

    sop = SOP.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
    versi = VersiSOP.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
    kategori = list(Kategori.objects.order_by("pk").values_list("pk", "kode", "nama", "butir", "wajib", "urutan"))
    return repr((sop, versi, kategori))


def cakupan_html(user, hari_ini: datetime.date):
    """The coverage body (both tables) for `user`, rendered once per visibility class, day and
    state of the data."""
    import contextlib
    import hashlib

    from django.core.cache import cache
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    mentah = f"{_kelas_pembaca(user)}|{hari_ini}|{get_language()}|{aturan.hari_pengingat_tinjauan()}|{_sidik_data()}"
    kunci = "sop:cakupan:" + hashlib.sha256(mentah.encode()).hexdigest()[:32]
    html = None
    with contextlib.suppress(Exception):  # a cache outage renders the page as before
        html = cache.get(kunci)
    if html is None:
        sop_qs = SOP.objects.visible_to(user)
        html = render_to_string(
            "sop/_cakupan_isi.html",
            {
                "wajib": cakupan(hari_ini, wajib=True, sop_qs=sop_qs),
                "lain": cakupan(hari_ini, wajib=False, sop_qs=sop_qs),
                "hari_ini": hari_ini,
            },
        )
        with contextlib.suppress(Exception):
            cache.set(kunci, html, 24 * 3600)
    return mark_safe(html)  # noqa: S308 - our own template, escaped when rendered  # nosec B308, B703
