"""PDF of an SOP version (WeasyPrint): the text, the steps, the approval block and page numbers.

The HTML is rendered from a template with autoescaping and Markdown sanitised by sop.teks; the
renderer fetches nothing from outside (no URL, no file), so a crafted link cannot reach a server.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe


def css_teks(teks: str) -> str:
    """A string safe inside a CSS "..." literal in a <style> element (hex escapes, no tags)."""
    hasil = []
    for ch in str(teks):
        if ch in "\\\"<>&'" or ord(ch) < 32:
            hasil.append(f"\\{ord(ch):x} ")
        else:
            hasil.append(ch)
    return mark_safe("".join(hasil))  # noqa: S308 - every special character is hex-escaped above


def _tanpa_unduhan(url, *args, **kwargs):
    raise ValueError(f"Sumber luar tidak diizinkan dalam PDF SOP: {url[:80]}")


def buat_pdf_versi(versi) -> bytes:
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string(
            "sop/versi_pdf.html",
            {
                "versi": versi,
                "sop": versi.sop,
                "langkah_list": versi.langkah.all(),
                "dicetak": timezone.localtime(),
                "kepala_kiri": css_teks(f"{versi.sop.kode} · versi {versi.nomor}"),
                "kepala_kanan": css_teks(settings.SITE_NAME),
            },
        )
    return HTML(string=html, url_fetcher=_tanpa_unduhan).write_pdf()
