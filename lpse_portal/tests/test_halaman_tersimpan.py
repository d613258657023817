"""Public pages served rendered from the cache to anonymous visitors (issue 10): the same page,
a fresh CSRF token for each visitor, and never a cached page for anyone else."""

import re

import pytest
from django.test import Client

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _tanpa_token(html: str) -> str:
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/accounts/login/",
        "/registrasi/daftar/",
        "/layanan/tiket/baru/",
        "/registrasi/persyaratan/",
        "/sop/",
        "/layanan/pelatihan/",
    ],
)
def test_it_serves_the_same_public_page_from_the_cache(url, db, django_assert_num_queries):
    pertama = Client().get(url)
    with django_assert_num_queries(0):
        kedua = Client().get(url)
    assert kedua.status_code == 200
    assert _tanpa_token(kedua.content.decode()) == _tanpa_token(pertama.content.decode())
    assert kedua["Content-Security-Policy"] and kedua["Content-Type"].startswith("text/html")


def test_it_gives_each_visitor_a_fresh_csrf_token_that_the_form_accepts(db):
    Client().get("/accounts/login/")  # fills the cache
    c = Client(enforce_csrf_checks=True)
    halaman = c.get("/accounts/login/").content.decode()
    token = TOKEN.search(halaman).group(1)
    assert "__TOKEN_CSRF" not in halaman
    assert c.cookies["csrftoken"].value
    response = c.post("/accounts/login/", {"csrfmiddlewaretoken": token, "username": "x", "password": "y"})
    assert response.status_code == 200  # the form answers (wrong password), not 403 for CSRF
    assert "CSRF" not in response.content.decode()


def _tandai_salinan(url):
    """Fill the cache for `url`, then mark the cached copy so a response shows where it came from."""
    from django.core.cache import cache
    from django.test import RequestFactory
    from django.utils import translation

    from lpse_portal.halaman_tersimpan import _kunci

    Client().get(url)
    with translation.override("id"):
        kunci = _kunci(RequestFactory().get(url))
    isi, header = cache.get(kunci)
    cache.set(kunci, (isi.replace("</body>", "SALINAN-TERSIMPAN</body>"), header), 60)


def test_it_serves_the_cached_copy_to_a_plain_anonymous_visitor(db):
    _tandai_salinan("/")
    assert "SALINAN-TERSIMPAN" in Client().get("/").content.decode()


def test_it_renders_afresh_for_a_logged_in_user_a_query_string_or_a_session(db, penyedia_a, masuk):
    _tandai_salinan("/")
    bersesi = Client()
    bersesi.cookies["sessionid"] = "sesi-orang-lain"
    for c, url in ((masuk(penyedia_a), "/"), (Client(), "/?dari=surel"), (bersesi, "/")):
        assert "SALINAN-TERSIMPAN" not in c.get(url).content.decode(), url


def test_it_shows_a_new_ticket_category_on_the_next_request(db):
    from layanan.models import KategoriTiket

    Client().get("/layanan/tiket/baru/")  # cached
    contoh = KategoriTiket.objects.filter(aktif=True).first()
    contoh.pk, contoh.kode, contoh.nama = None, "kategori-baru-uji", "Kategori Baru Uji"
    contoh.save()
    assert "Kategori Baru Uji" in Client().get("/layanan/tiket/baru/").content.decode()


def test_it_shows_a_changed_requirement_on_the_next_request(db):
    from registrasi.models import JenisDokumen

    Client().get("/registrasi/persyaratan/")  # cached
    jenis = JenisDokumen.objects.filter(nama__icontains="Akta pendirian").first()
    jenis.nama = "Akta pendirian perusahaan (diubah)"
    jenis.save()
    assert "(diubah)" in Client().get("/registrasi/persyaratan/").content.decode()
