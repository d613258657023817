"""Display helpers of the sistem pages."""

import datetime

from django import template

register = template.Library()

_WARNA = {
    "ok": "success",
    "berhasil": "success",
    "selesai": "success",
    "peringatan": "warning",
    "berjalan": "info",
    "dikerjakan": "info",
    "diterima": "primary",
    "terbuka": "danger",
    "gagal": "danger",
    "kritis": "danger",
    "tinggi": "warning",
    "sedang": "info",
    "rendah": "secondary",
}


@register.filter
def warna(status) -> str:
    return _WARNA.get(str(status), "secondary")


@register.filter
def durasi(nilai) -> str:
    """A timedelta as "2 j 05 m" or "37 d"."""
    if not isinstance(nilai, datetime.timedelta):
        return "—"
    total = nilai.total_seconds()
    if total < 60:
        return f"{total:.1f} d".replace(".", ",")
    jam, sisa = divmod(int(total), 3600)
    menit, detik = divmod(sisa, 60)
    if jam:
        return f"{jam} j {menit:02d} m"
    return f"{menit} m {detik:02d} d"


@register.filter
def persen(nilai) -> str:
    return f"{nilai:.2f}%".replace(".", ",")
