"""{% tautan %} gives what {% url %} gives (lpse_portal/alamat.py, issue 10)."""

import pytest
from django.template import engines
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from lpse_portal.alamat import alamat


def _nama_satu_angka(polas=None, awalan=""):
    """Every URL name whose pattern takes exactly one integer argument."""
    for p in polas if polas is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{awalan}{p.namespace}:" if p.namespace else awalan
            yield from _nama_satu_angka(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            konverter = getattr(p.pattern, "converters", {})
            if len(konverter) == 1 and isinstance(next(iter(konverter.values())), IntConverter):
                yield awalan + p.name


NAMA = sorted(set(_nama_satu_angka()))


def test_it_finds_the_object_pages():
    assert {"layanan:tiket_detail", "sop:sop_detail", "registrasi:pendaftaran_detail"} <= set(NAMA)


@pytest.mark.parametrize("nama", NAMA)
def test_it_gives_what_reverse_gives(nama):
    for pk in (1, 42, 987654321, 10**12):
        assert alamat(nama, pk) == reverse(nama, args=[pk])


def test_it_reverses_anything_else_as_before():
    assert alamat("layanan:artikel_detail", "cara-masuk") == reverse("layanan:artikel_detail", args=["cara-masuk"])


def test_the_tag_writes_what_the_url_tag_writes():
    url = engines["django"].from_string("{% url 'layanan:tiket_detail' pk %}")
    tautan = engines["django"].from_string("{% load portal %}{% tautan 'layanan:tiket_detail' pk %}")
    assert tautan.render({"pk": 7}) == url.render({"pk": 7})
