"""PDF of an SOP version (WeasyPrint): the text, the steps, the approval block and page numbers.

The HTML is rendered from a template with autoescaping and Markdown sanitised by sop.teks; the
renderer fetches nothing from outside (no URL, no file), so a crafted link cannot reach a server.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

log = logging.getLogger(__name__)


def css_teks(teks: str) -> str:
    """A string safe inside a CSS "..." literal in a <style> element (hex escapes, no tags)."""
    hasil = []
    for ch in str(teks):
        if ch in "\\\"<>&'" or ord(ch) < 32:
            hasil.append(f"\\{ord(ch):x} ")
        else:
            hasil.append(ch)
    return mark_safe("".join(hasil))  # noqa: S308 - hex-escaped above  # nosec B308, B703


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


# Bump when the PDF layout changes, so cached documents of approved versions are made again.
TATA_LETAK = "1"


def pdf_versi(versi) -> bytes:
    """The PDF of a version. An approved version never changes, so its PDF is cached by its
    content hash and status (the superseded banner); a draft is rendered every time."""
    if not versi.hash_isi:
        return buat_pdf_versi(versi)
    kunci = f"sop:pdf:{TATA_LETAK}:{versi.pk}:{versi.status}:{versi.hash_isi}"
    try:
        data = cache.get(kunci)
    except Exception:
        log.warning("Cache tidak tersedia untuk PDF SOP", exc_info=True)
        data = None
    if data is None:
        data = buat_pdf_versi(versi)
        try:
            cache.set(kunci, data, timeout=7 * 24 * 3600)
        except Exception:
            log.warning("Cache tidak tersedia untuk PDF SOP", exc_info=True)
    return data
