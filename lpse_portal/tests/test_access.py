"""Every URL of the portal against every role: the access table is data, and complete.

A URL pattern without an entry in some app's `tests/akses.py` fails the first test, so a
new page cannot ship without saying who may open it.
"""

import importlib
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern

from lpse_portal.tests.akses import FIXTURE_PERAN, SEMUA_PERAN, harapan, sebagai_akses

MODUL_TABEL = [
    "lpse_portal.tests.akses",
    "organisasi.tests.akses",
    "registrasi.tests.akses",
    "layanan.tests.akses",
    "sistem.tests.akses",
    "sop.tests.akses",
    "laporan.tests.akses",
]


def _tabel():
    gabungan, siapkan = {}, []
    for nama in MODUL_TABEL:
        modul = importlib.import_module(nama)
        ganda = set(gabungan) & set(modul.AKSES)
        assert not ganda, f"{nama} mengulang entri {ganda}"
        gabungan.update(modul.AKSES)
        siapkan.append(modul.siapkan)
    return gabungan, siapkan


AKSES, SIAPKAN = _tabel()


def _jelajah(resolver, namespace=""):
    """(full name, pattern) for every named URL pattern, resolver walk."""
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _jelajah(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p


def _semua_pola():
    return list(_jelajah(get_resolver()))


def _nama_portal():
    return {nama for nama, _ in _semua_pola() if not nama.startswith("admin:")}


def test_it_has_an_entry_for_every_url_pattern():
    tanpa_entri = sorted(_nama_portal() - set(AKSES))
    assert not tanpa_entri, f"URL tanpa entri di tabel akses: {tanpa_entri}"


def test_it_has_no_entry_for_a_url_that_does_not_exist():
    usang = sorted(set(AKSES) - _nama_portal())
    assert not usang, f"Entri tabel akses untuk URL yang tidak ada: {usang}"


@pytest.fixture
def cast(request, db):
    return {peran: request.getfixturevalue(fixture) for peran, fixture in FIXTURE_PERAN.items()}


@pytest.fixture
def objek(cast):
    hasil = {}
    for siapkan in SIAPKAN:
        hasil.update(siapkan(cast) or {})
    return hasil


@pytest.mark.parametrize("nama", sorted(AKSES))
def test_it_answers_each_role_as_the_table_says(nama, cast, objek, client):
    akses = sebagai_akses(AKSES[nama])
    url = reverse(nama, kwargs=akses.kwargs(objek) if akses.kwargs else None) + akses.query
    salah = []
    for peran in SEMUA_PERAN:
        client.logout()
        if peran != "anonim":
            client.force_login(cast[peran])
        kirim = client.post if akses.method == "POST" else client.get
        status = kirim(url, data=akses.data).status_code
        if status != harapan(akses, peran):
            salah.append(f"{peran}: {status} (harapan {harapan(akses, peran)})")
    assert not salah, f"{akses.method} {url}: " + "; ".join(salah)


def _contoh_kwargs(pola):
    if isinstance(pola.pattern, RegexPattern):
        return dict.fromkeys(pola.pattern.regex.groupindex, "organisasi")
    contoh = {"IntConverter": 1, "UUIDConverter": uuid.uuid4()}
    return {k: contoh.get(type(c).__name__, "1") for k, c in pola.pattern.converters.items()}


@pytest.mark.parametrize("peran", ["anonim", "penyedia", "pejabat_pengadaan"])
def test_it_sends_outsiders_of_the_admin_site_to_its_login(peran, cast, client):
    if peran != "anonim":
        client.force_login(cast[peran])
    pola_admin = [
        (n, p) for n, p in _semua_pola() if n.startswith("admin:") and n not in {"admin:login", "admin:logout"}
    ]
    assert pola_admin
    salah = []
    for nama, pola in pola_admin:
        try:
            url = reverse(nama, kwargs=_contoh_kwargs(pola) or None)
        except Exception:  # noqa: BLE001 - a pattern no sample fits is reported
            salah.append(f"{nama}: tidak dapat dibentuk")
            continue
        status = client.get(url).status_code
        if status != 302:
            salah.append(f"{nama}: {status}")
    assert not salah, "; ".join(salah)


def _peran_yang_boleh(akses):
    return next((p for p in SEMUA_PERAN if harapan(akses, p) == 200), None)


HALAMAN_GET = sorted(
    n for n, a in AKSES.items() if sebagai_akses(a).method == "GET" and _peran_yang_boleh(sebagai_akses(a))
)


@pytest.mark.parametrize("nama", HALAMAN_GET)
def test_it_sends_the_security_headers_on_every_page(nama, cast, objek, client):
    """check --deploy does not look at CSP: every GET page is checked here."""
    akses = sebagai_akses(AKSES[nama])
    peran = _peran_yang_boleh(akses)
    if peran != "anonim":
        client.force_login(cast[peran])
    url = reverse(nama, kwargs=akses.kwargs(objek) if akses.kwargs else None) + akses.query
    response = client.get(url, secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    skrip = next(d for d in csp.split(";") if d.strip().startswith(("script-src", "default-src 'none'")))
    assert "unsafe-inline" not in skrip and "unsafe-eval" not in skrip, csp
    assert "frame-ancestors 'none'" in csp or "sandbox" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.get("X-Frame-Options") == "DENY"
