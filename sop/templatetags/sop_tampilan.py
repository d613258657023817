"""Display helpers of the SOP pages: safe Markdown and status colours."""

from django import template

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
