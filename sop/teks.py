"""Safe rich text and side-by-side comparison of SOP versions.

Markdown is the only markup: HTML typed into a field is escaped before Markdown sees it, so it
shows as text, and the output is sanitised again with nh3 (allow-list of tags, attributes and
URL schemes). No raw HTML from a user ever reaches a page or a PDF.
"""

import difflib
from dataclasses import dataclass
from itertools import zip_longest

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

TAG = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "a", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATRIBUT = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
SKEMA_URL = {"http", "https", "mailto"}


def markdown_aman(teks: str) -> SafeString:
    """Render Markdown to HTML that is safe to put on a page."""
    if not teks:
        return mark_safe("")  # nosec B308, B703 - an empty string
    # "&" and "<" escaped first: every tag the user typed becomes visible text.
    terlindung = teks.replace("&", "&amp;").replace("<", "&lt;")
    html = markdown.markdown(terlindung, extensions=["sane_lists", "tables"], output_format="html")
    bersih = nh3.clean(
        html, tags=TAG, attributes=ATRIBUT, url_schemes=SKEMA_URL, link_rel="noopener noreferrer nofollow"
    )
    return mark_safe(bersih)  # noqa: S308 - nh3 allow-list above  # nosec B308, B703


# --- comparison ----------------------------------------------------------------------------


def baris_kanonik(versi) -> list[str]:
    """A version as plain lines, section by section, for comparing two versions."""
    baris = [_("Judul: %(judul)s") % {"judul": versi.judul}]
    for label, isi in (
        (_("Tujuan"), versi.tujuan),
        (_("Ruang lingkup"), versi.ruang_lingkup),
        (_("Dasar hukum"), versi.dasar_hukum),
        (_("Formulir dan catatan terkait"), versi.formulir_catatan),
    ):
        baris.append(f"== {label} ==")
        baris.extend((isi or "").splitlines() or [""])
    baris.append(f"== {_('Langkah')} ==")
    for s in versi.langkah.all():
        baris.append(
            _(
                "%(n)s. %(uraian)s | pelaksana: %(pelaksana)s | masukan: %(masukan)s | "
                "keluaran: %(keluaran)s | waktu: %(waktu)s"
            )
            % {
                "n": s.urutan,
                "uraian": " ".join(s.uraian.split()),
                "pelaksana": s.pelaksana,
                "masukan": s.masukan or "-",
                "keluaran": s.keluaran or "-",
                "waktu": s.waktu or "-",
            }
        )
    return baris


@dataclass(frozen=True)
class BarisBanding:
    jenis: str  # sama, ubah, hapus, tambah
    no_kiri: int | None
    kiri: str
    no_kanan: int | None
    kanan: str


def banding(kiri: list[str], kanan: list[str]) -> list[BarisBanding]:
    """Side-by-side rows (difflib). Plain strings: the template escapes them."""
    hasil: list[BarisBanding] = []
    matcher = difflib.SequenceMatcher(None, kiri, kanan, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                hasil.append(BarisBanding("sama", i + 1, kiri[i], j + 1, kanan[j]))
        elif op == "replace":
            for i, j in zip_longest(range(i1, i2), range(j1, j2)):
                hasil.append(
                    BarisBanding(
                        "ubah" if i is not None and j is not None else ("hapus" if j is None else "tambah"),
                        None if i is None else i + 1,
                        "" if i is None else kiri[i],
                        None if j is None else j + 1,
                        "" if j is None else kanan[j],
                    )
                )
        elif op == "delete":
            hasil.extend(BarisBanding("hapus", i + 1, kiri[i], None, "") for i in range(i1, i2))
        else:
            hasil.extend(BarisBanding("tambah", None, "", j + 1, kanan[j]) for j in range(j1, j2))
    return hasil
