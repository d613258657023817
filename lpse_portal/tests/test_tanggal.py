"""|tanggal writes what Django's |date writes (lpse_portal/tanggal.py, issue 10)."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone, translation

from lpse_portal.tanggal import format_tanggal

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FORMAT_DIPAKAI = sorted(
    {m for f in TEMPLATES.rglob("*.*") for m in re.findall(r'\|(?:date|tanggal):"([^"]*)"', f.read_text())}
)
FORMAT_LAIN = ["d/m/y", "N j, Y", r"j \d\a\r\i n", "D, d M", ""]
NILAI = [
    datetime.datetime(2026, 1, 5, 7, 3, 9, tzinfo=datetime.UTC),
    datetime.datetime(2026, 12, 31, 23, 59, 59, tzinfo=datetime.UTC),
    datetime.datetime(2024, 2, 29, 16, 0, tzinfo=datetime.UTC),
    datetime.datetime(2027, 8, 17, 0, 30),  # naive
    datetime.date(2026, 5, 1),
    datetime.date(1999, 11, 9),
]


def test_it_knows_every_format_the_templates_use():
    assert {"j M Y", "j F Y H.i"} <= set(FORMAT_DIPAKAI)


@pytest.mark.parametrize("fmt", FORMAT_DIPAKAI + FORMAT_LAIN)
def test_it_writes_what_djangos_date_filter_writes(fmt):
    django = engines["django"].from_string("{{ v|date:f }}")
    kita = engines["django"].from_string("{% load portal %}{{ v|tanggal:f }}")
    for bahasa in ("id", "en"):
        with translation.override(bahasa):
            for v in NILAI:
                try:
                    harap = django.render({"v": v, "f": fmt})
                except TypeError:  # a time format for a date: Django refuses, and so do we
                    with pytest.raises(TypeError):
                        kita.render({"v": v, "f": fmt})
                    continue
                assert kita.render({"v": v, "f": fmt}) == harap, (fmt, v, bahasa)


def test_it_writes_nothing_for_no_date():
    assert engines["django"].from_string("{% load portal %}{{ v|tanggal:'j M Y' }}").render({"v": None}) == ""


def test_it_writes_local_time():
    utc = datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.UTC)  # 04.00 the next day in WITA
    teks = engines["django"].from_string("{% load portal %}{{ v|tanggal:'j M Y H.i' }}").render({"v": utc})
    assert teks == format_tanggal(timezone.localtime(utc), "j M Y H.i") == "2 Mar 2026 04.00"
