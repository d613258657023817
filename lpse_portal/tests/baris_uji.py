"""Rows written in Python compared with the Django template row they replaced (issue 10)."""

import re
from pathlib import Path

from django.template import engines
from django.utils import translation


def rapikan(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


LAMA = Path(__file__).parent / "baris_lama"


def sama_dengan_templat(daftar: str, nama: str, objek: list, baris: list, **konteks) -> None:
    """Each of `baris` equals the old template row of `daftar` (baris_lama/<daftar>.html)
    rendered with the matching object as `nama`."""
    assert objek and len(objek) == len(baris)
    templat = engines["django"].from_string((LAMA / f"{daftar}.html").read_text())
    with translation.override("id"):
        for o, b in zip(objek, baris, strict=True):
            assert rapikan(b) == rapikan(templat.render({nama: o, **konteks})), o
