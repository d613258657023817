"""Every URL of the portal against every role: the access table is data, and complete.

A URL pattern without an entry in some app's `tests/akses.py` fails the first test, so a
new page cannot ship without saying who may open it.
"""

import importlib
import uuid

import pytest
from django.db import transaction
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
    gabungan, siapkan = {}, {}
    for nama in MODUL_TABEL:
        modul = importlib.import_module(nama)
        ganda = set(gabungan) & set(modul.AKSES)
        assert not ganda, f"{nama} mengulang entri {ganda}"
        gabungan.update(modul.AKSES)
        siapkan[nama.split(".")[0]] = modul.siapkan
    return gabungan, siapkan


def _app(nama_url: str) -> str:
    """The app whose table holds a URL name: its namespace, or lpse_portal for site-wide names."""
    return nama_url.split(":")[0] if ":" in nama_url and not nama_url.startswith("admin:") else "lpse_portal"


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


APPS = sorted({_app(n) for n in AKSES})


def _url(nama, objek):
    akses = sebagai_akses(AKSES[nama])
    return reverse(nama, kwargs=akses.kwargs(objek) if akses.kwargs else None) + akses.query


def _per_url(app, cast, periksa):
    """Run `periksa(nama, objek)` for every URL of the app, each inside a savepoint that is
    rolled back, so what one URL's requests change never reaches the next one. The cast and
    the app's sample objects are built once per app: that is what keeps this table fast."""
    objek = SIAPKAN[app](cast) or {}
    for nilai in objek.values():
        # Lazily built samples are built now, outside the savepoints that are rolled back.
        if isinstance(getattr(type(nilai), "nyata", None), property):
            nilai.nyata  # noqa: B018
    salah = []
    for nama in sorted(n for n in AKSES if _app(n) == app):
        sid = transaction.savepoint()
        try:
            salah.extend(periksa(nama, objek))
        except Exception as e:  # noqa: BLE001 - a view that crashes is a finding, not a stop
            salah.append(f"{nama}: {type(e).__name__}: {e}")
        finally:
            transaction.savepoint_rollback(sid)
    return salah


@pytest.mark.parametrize("app", APPS)
def test_it_answers_each_role_as_the_table_says(app, cast, client):
    def periksa(nama, objek):
        akses = sebagai_akses(AKSES[nama])
        url = _url(nama, objek)
        salah = []
        for peran in SEMUA_PERAN:
            client.logout()
            if peran != "anonim":
                client.force_login(cast[peran])
            kirim = client.post if akses.method == "POST" else client.get
            status = kirim(url, data=akses.data).status_code
            if status != harapan(akses, peran):
                salah.append(f"{akses.method} {url} {peran}: {status} (harapan {harapan(akses, peran)})")
        return salah

    salah = _per_url(app, cast, periksa)
    assert not salah, "\n".join(salah)


def _peran_yang_boleh(akses):
    return next((p for p in SEMUA_PERAN if harapan(akses, p) == 200), None)


@pytest.mark.parametrize("app", APPS)
def test_it_sends_the_security_headers_on_every_page(app, cast, client):
    """check --deploy does not look at CSP: every GET page is checked here."""

    def periksa(nama, objek):
        akses = sebagai_akses(AKSES[nama])
        peran = _peran_yang_boleh(akses)
        if akses.method != "GET" or peran is None:
            return []
        client.logout()
        if peran != "anonim":
            client.force_login(cast[peran])
        url = _url(nama, objek)
        response = client.get(url, secure=True)
        salah = []
        if response.status_code != 200:
            return [f"{url}: {response.status_code}"]
        csp = response.get("Content-Security-Policy", "")
        skrip = [d for d in csp.split(";") if d.strip().startswith(("script-src", "default-src"))]
        if not csp or any("unsafe-inline" in d or "unsafe-eval" in d for d in skrip):
            salah.append(f"{url}: CSP {csp!r}")
        if "frame-ancestors 'none'" not in csp and "sandbox" not in csp:
            salah.append(f"{url}: tanpa frame-ancestors")
        for header, nilai in (
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
        ):
            if response.get(header) != nilai:
                salah.append(f"{url}: {header}={response.get(header)!r}")
        if not response.get("Strict-Transport-Security", "").startswith("max-age=31536000"):
            salah.append(f"{url}: tanpa HSTS")
        return salah

    salah = _per_url(app, cast, periksa)
    assert not salah, "\n".join(salah)


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
