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
