"""Table rows of the busiest list pages, written in Python (issue 10).

A queue row of a dozen values costs ~100 µs in Django templates; the verifikator queue, the
ticket queue and the SOP register show 25 of them on every request. Django admin writes its
change-list rows in Python for the same reason. `html()` is format_html without the lazy-text
machinery around each argument (Django's escape() and conditional_escape() are wrapped by
keep_lazy, ~3 µs a call): every argument is escaped unless it is already safe, the format
string is a constant, so the result is as safe as format_html's — `test_baris.py` compares
the two over escaped, safe, lazy and numeric values.

Translated labels of a row are looked up once per page (`Label`), not once per row.
"""

from html import escape as _escape_html

from django.utils.safestring import SafeString

from lpse_portal.tanggal import format_tanggal


def e(nilai) -> str:
    """The text of `nilai` escaped for HTML, or as it is if it is already safe (conditional_escape)."""
    if hasattr(nilai, "__html__"):
        return nilai.__html__()
    return _escape_html(str(nilai))


def html(format_string: str, *args) -> SafeString:
    """format_html(format_string, *args) for positional `{}` fields."""
    # Every argument is escaped above unless already safe; the format string is the caller's
    # constant markup: what format_html does, so the result may be marked safe.
    return SafeString(format_string.format(*[e(a) for a in args]))  # nosec B703


def gabung(pemisah: str, bagian) -> SafeString:
    """Safe parts (results of html()) joined by a constant separator."""
    return SafeString(pemisah.join(e(b) for b in bagian))  # nosec B703 - every part escaped or already safe


def label_pilihan(model, nama_field: str) -> dict:
    """A field's choices as {value: label}, translated once for the page being written."""
    return {nilai: str(teks) for nilai, teks in model._meta.get_field(nama_field).flatchoices}


def tanggal(nilai, fmt: str, tz=None) -> str:
    """`{{ nilai|tanggal:fmt }}`: "" for no date; an aware datetime is shown in `tz` (the current
    time zone, read once per page by the caller)."""
    if nilai is None:
        return ""
    if tz is not None and hasattr(nilai, "astimezone"):
        nilai = nilai.astimezone(tz)
    return format_tanggal(nilai, fmt)
