import pytest

from conftest import KATA_SANDI
from registrasi.models import JenisDokumen, Pendaftaran
from registrasi.tests import pabrik


@pytest.fixture
def draf(db):
    """A fresh draft registration of a CV (no documents yet)."""
    return pabrik.buat_draf("cv.draf", kata_sandi=KATA_SANDI)


@pytest.fixture
def lengkap(draf):
    """A draft with every required document uploaded."""
    pabrik.unggah_semua(draf)
    return Pendaftaran.objects.get(pk=draf.pk)


@pytest.fixture
def diverifikasi(penyedia_factory, verifikator):
    """A submitted file taken by the cast's verifikator."""
    return penyedia_factory("cv.diperiksa", status="diverifikasi", verifikator=verifikator)


@pytest.fixture
def jenis():
    return lambda kode: JenisDokumen.objects.get(kode=kode)


@pytest.fixture
def pdf():
    return pabrik.berkas_pdf


@pytest.fixture
def halaman_lain(_playwright_browser, live_server, settings):
    """A second browser (own cookies) on the live server: another person at another desk."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = _playwright_browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Makassar")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
