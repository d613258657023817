import itertools

import pytest

from conftest import KATA_SANDI
from registrasi.models import JenisDokumen, Pendaftaran, Penyedia
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


# --- blacklist (issue 4) ------------------------------------------------------------------------------

_nomor_sk = itertools.count(1)


@pytest.fixture
def vendor(penyedia_a):
    return Penyedia.objects.select_related("user").get(user=penyedia_a)


@pytest.fixture
def data_penonaktifan():
    """The fields of a deactivation request for `penyedia` (today's SK unless told)."""

    def buat(penyedia=None, *, kode="mundur-tanpa-alasan", mulai=None, **ubah):
        from django.utils import timezone

        from registrasi.models.sanksi import JenisPelanggaran

        hari_ini = timezone.localdate()
        data = {
            "nama_penyedia": penyedia.nama if penyedia else "CV Tanpa Akun",
            "npwp": penyedia.npwp if penyedia else pabrik.npwp_uji(99999),
            "nib": penyedia.nib if penyedia else "",
            "jenis_pelanggaran": JenisPelanggaran.objects.get(kode=kode),
            "nomor_sk": f"027/{next(_nomor_sk)}/SK-DH/2026",
            "tanggal_sk": min(hari_ini, mulai) if mulai else hari_ini,
            "pa_kpa": "Kepala Dinas PUPR Provinsi NTB",
            "kode_paket": "10012345000",
            "mulai": mulai,
            "selesai": None,
            "alasan_ubah_selesai": "",
            "keterangan": "",
        }
        data.update(ubah)
        return data

    return buat


@pytest.fixture
def sanksi_untuk(ppk_a, verifikator, data_penonaktifan):
    """A sanction recorded the production way: the PPK's request, approved by the verifikator."""
    from registrasi.services import sanksi as layanan

    def buat(penyedia, **kwargs):
        permintaan = layanan.ajukan_penonaktifan(
            data=data_penonaktifan(penyedia, **kwargs),
            berkas_sk=pabrik.berkas_pdf("sk.pdf", "SK Penetapan Sanksi"),
            oleh=ppk_a,
        )
        return layanan.setujui_penonaktifan(permintaan_id=permintaan.pk, oleh=verifikator)

    return buat
