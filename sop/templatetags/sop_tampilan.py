"""Display helpers of the SOP pages: safe Markdown and status colours."""

from django import template
from django.utils.translation import ngettext

from lpse_portal.templatetags.portal import warna_status
from sop.teks import markdown_aman

register = template.Library()

_WARNA = {"ditinjau": "info", "berlaku": "success", "diganti": "secondary", "dibatalkan": "secondary"}


@register.filter(name="markdown_aman")
def markdown_aman_filter(teks):
    return markdown_aman(teks or "")


@register.filter
def warna_versi(status):
    return _WARNA.get(str(status)) or warna_status(status)


@register.filter
def umur(tanggal, hari_ini):
    """Age of a version in days, months or years (timesince says "0 menit" for dates)."""
    if not tanggal or not hari_ini:
        return ""
    hari = (hari_ini - tanggal).days
    if hari < 60:
        return ngettext("%(n)d hari", "%(n)d hari", hari) % {"n": hari}
    bulan = (hari_ini.year - tanggal.year) * 12 + hari_ini.month - tanggal.month - (hari_ini.day < tanggal.day)
    if bulan < 24:
        return ngettext("%(n)d bulan", "%(n)d bulan", bulan) % {"n": bulan}
    return ngettext("%(n)d tahun", "%(n)d tahun", bulan // 12) % {"n": bulan // 12}
