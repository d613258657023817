"""Fuzzing: every form of the portal takes random input without raising anything but
validation errors, and every public form answers random POSTs without a 500."""

import importlib
import inspect
import pkgutil
import re
import string

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lpse_portal.tests.akses import sebagai_akses

APPS = ["lpse_portal", "organisasi", "registrasi", "layanan", "sistem", "sop", "laporan"]


def _modul_form():
    for app in APPS:
        for nama in (f"{app}.forms", f"{app}.akun.forms"):
            try:
                modul = importlib.import_module(nama)
            except ModuleNotFoundError:
                continue
            yield modul
            if hasattr(modul, "__path__"):  # a package split by topic
                for info in pkgutil.iter_modules(modul.__path__):
                    yield importlib.import_module(f"{nama}.{info.name}")


def _semua_form():
    hasil = {}
    for modul in _modul_form():
        for _, kelas in inspect.getmembers(modul, inspect.isclass):
            if issubclass(kelas, forms.BaseForm) and kelas.__module__.split(".")[0] in APPS:
                if kelas.__module__.endswith("tests") or getattr(kelas, "_meta", None) and not kelas.base_fields:
                    continue
                hasil[f"{kelas.__module__}.{kelas.__qualname__}"] = kelas
    return hasil


FORMS = _semua_form()

# Text that has broken parsers before: control and bidi characters, huge numbers, markup.
teks_jahat = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "9" * 40,
            "1e309",
            "NaN",
            "2026-02-30",
            "31-13-2026",
            "99:99",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\u202egpj.exe",
            "\x00\x07",
            "../../etc/passwd",
            "5271011708450001",
            "01.312.166.0-091.000",
        ]
    ),
    st.text(alphabet=string.digits + ".-/ ", max_size=25),
)


def _berkas():
    return st.builds(
        lambda nama, isi: SimpleUploadedFile(nama, isi),
        st.sampled_from(["a.pdf", "a.png", "a.jpg", "a", "..\\a.pdf", "\u202efdp.exe", "x" * 200 + ".pdf"]),
        st.one_of(st.binary(max_size=300), st.just(b"%PDF-1.4\n%%EOF\n"), st.just(b"\x89PNG\r\n\x1a\n" + b"0" * 30)),
    )


def _nilai(field):
    if isinstance(field, forms.FileField):
        return _berkas()
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return st.lists(teks_jahat, max_size=3)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", "", "true", "false"])
    return teks_jahat


class _Konteks:
    """Values for the keyword arguments some forms take (the object they edit, the user):
    the access table's sample objects, built only for the few forms that ask for one."""

    KUNCI = {"user", "penugasan", "program", "dokumen", "jenis", "penyedia", "sanksi"}

    def __init__(self, request):
        self.request = request
        self._nilai = None

    def __contains__(self, kunci):
        return kunci in self.KUNCI

    def __getitem__(self, kunci):
        if self._nilai is None:
            self._nilai = self._bangun()
        return self._nilai[kunci]

    def _bangun(self):
        from lpse_portal.tests.akses import FIXTURE_PERAN
        from lpse_portal.tests.test_access import SIAPKAN
        from organisasi.models import Penugasan

        cast = {peran: self.request.getfixturevalue(f) for peran, f in FIXTURE_PERAN.items()}
        objek = {}
        for app in ("organisasi", "registrasi"):
            objek.update(SIAPKAN[app](cast) or {})
        dokumen = objek["reg_dokumen_a"]
        return {
            "user": cast["sekretaris"],
            "penugasan": Penugasan.objects.filter(pegawai__user=cast["verifikator"]).first(),
            "program": getattr(objek["sek_program"], "nyata", objek["sek_program"]),
            "dokumen": dokumen,
            "jenis": dokumen.jenis,
            "penyedia": objek["reg_penyedia_a"],
            "sanksi": objek["reg_sanksi"],
        }


@pytest.fixture
def konteks(db, request):
    return _Konteks(request)


def _buat(kelas, data, files, konteks):
    kwargs = {}
    for nama, param in inspect.signature(kelas.__init__).parameters.items():
        if param.kind is not param.KEYWORD_ONLY or nama in {"data", "files"}:
            continue
        if nama in konteks:
            kwargs[nama] = konteks[nama]
        elif param.default is param.empty:
            pytest.fail(f"{kelas.__name__} butuh argumen {nama!r}: tambahkan ke fixture konteks di test_fuzz.py")
    return kelas(data=data, files=files, **kwargs)


@pytest.mark.parametrize("nama", sorted(FORMS))
def test_it_survives_random_input_on_every_form(nama, konteks):
    kelas = FORMS[nama]
    bidang = kelas.base_fields

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.fixed_dictionaries({k: _nilai(f) for k, f in bidang.items()}))
    def periksa(isian):
        data = {k: v for k, v in isian.items() if not isinstance(v, SimpleUploadedFile)}
        files = {k: v for k, v in isian.items() if isinstance(v, SimpleUploadedFile)}
        form = _buat(kelas, data, files, konteks)
        form.is_valid()  # anything but a clean True/False with errors is a bug
        assert isinstance(form.errors, dict)

    periksa()


def test_it_found_the_forms_of_every_app():
    assert len(FORMS) > 30
    assert any(".organisasi." in f or f.startswith("organisasi.") for f in FORMS)


def _url_publik(app):
    """An app's pages that an anonymous visitor may open (GET 200)."""
    from lpse_portal.tests.test_access import AKSES, _app

    hasil = []
    for nama, entri in sorted(AKSES.items()):
        akses = sebagai_akses(entri)
        if _app(nama) == app and akses.method == "GET" and akses.harapan.get("anonim", akses.harapan.get("*")) == 200:
            hasil.append(nama)
    return hasil


def _fuzz_post(c, url, nama_kolom, kosongkan_batas_laju):
    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.dictionaries(st.sampled_from(nama_kolom), st.one_of(teks_jahat, _berkas()), max_size=len(nama_kolom)))
    def periksa(isian):
        kosongkan_batas_laju()
        response = c.post(url, isian)
        assert response.status_code < 500, (url, isian, response.status_code)

    periksa()


@pytest.mark.parametrize("app", [a for a in APPS if _url_publik(a)])
def test_it_never_answers_500_to_random_posts_on_public_forms(app, request, db):
    """Each public page with a POST form gets random fields and files (rate limits reset
    between examples, so the form itself is reached, not only the 429 page)."""
    from conftest import kosongkan_batas_laju
    from lpse_portal.tests.akses import FIXTURE_PERAN
    from lpse_portal.tests.test_access import SIAPKAN, _url

    cast = {peran: request.getfixturevalue(f) for peran, f in FIXTURE_PERAN.items()}
    objek = SIAPKAN[app](cast) or {}
    c = Client(raise_request_exception=False)
    diuji = []
    for nama in _url_publik(app):
        url = _url(nama, objek)
        halaman = c.get(url)
        if halaman.status_code != 200 or halaman.streaming or b'method="post"' not in halaman.content.lower():
            continue
        diuji.append(url)
        kolom = sorted(set(re.findall(rb'name="([a-zA-Z0-9_\-]+)"', halaman.content)) - {b"csrfmiddlewaretoken"})
        nama_kolom = [k.decode() for k in kolom] + ["kolom_asing"]

        _fuzz_post(c, url, nama_kolom, kosongkan_batas_laju)
    # sop and laporan (open data) publish read-only pages: no public form to fuzz.
    assert diuji or app in {"sop", "laporan"}, f"tidak ada formulir publik yang diuji untuk {app}"
