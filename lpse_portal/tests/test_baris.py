"""lpse_portal/baris.py writes what format_html writes, without its per-argument cost."""

import datetime

import pytest
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from lpse_portal.baris import gabung, html, label_pilihan, tanggal

NILAI = [
    '<script>alert("x")</script>',
    "Tom & Jerry's",
    format_html("<b>{}</b>", "aman"),
    mark_safe("<i>sudah aman</i>"),
    gettext_lazy("Antrean kosong."),
    42,
    3.5,
    None,
    "",
]


@pytest.mark.parametrize("nilai", NILAI)
def test_it_escapes_as_format_html_does(nilai):
    assert html('<td title="{}">{}</td>', nilai, nilai) == format_html('<td title="{}">{}</td>', nilai, nilai)


def test_it_returns_safe_text_that_is_not_escaped_twice():
    luar = html("<tr>{}</tr>", html("<td>{}</td>", "<x>"))
    assert isinstance(luar, SafeString)
    assert luar == "<tr><td>&lt;x&gt;</td></tr>"


def test_it_joins_safe_parts_and_escapes_plain_ones():
    assert gabung(" ", [html("<b>{}</b>", "a"), "<c>"]) == "<b>a</b> &lt;c&gt;"


def test_it_writes_dates_in_the_given_time_zone():
    wita = datetime.timezone(datetime.timedelta(hours=8))
    saat = datetime.datetime(2026, 11, 25, 23, 30, tzinfo=datetime.UTC)
    with translation.override("id"):
        assert tanggal(saat, "j M Y H.i", wita) == "26 Nov 2026 07.30"
        assert tanggal(None, "j M Y") == ""
        assert tanggal(datetime.date(2026, 5, 1), "j M Y", wita) == "1 Mei 2026"


def test_it_reads_a_fields_labels_in_the_active_language(db):
    from layanan.models import Tiket

    label = label_pilihan(Tiket, "status")
    assert label["baru"] == str(Tiket.Status.BARU.label)
    assert all(isinstance(v, str) for v in label.values())
