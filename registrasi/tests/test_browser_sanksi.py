"""Browser journey of the blacklist: a PPK files a request, the verifikator approves, and the
vendor, logged in at another desk, is logged out and sees why at its next login."""

import pytest

from conftest import KATA_SANDI
from lpse_portal.pdf_sederhana import buat_pdf
from registrasi.models import Penyedia
from registrasi.models.sanksi import PermintaanPenonaktifan

pytestmark = pytest.mark.browser


@pytest.fixture
def halaman_ketiga(_playwright_browser, live_server, settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = _playwright_browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Makassar")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_it_logs_the_blacklisted_vendor_out_and_tells_it_why(
    halaman, halaman_lain, halaman_ketiga, penyedia_a, ppk_a, verifikator, masuk_browser, tangkap_layar
):
    ppk, staf, vendor = halaman, halaman_lain, halaman_ketiga
    staf.on("dialog", lambda d: d.accept())
    penyedia = Penyedia.objects.get(user=penyedia_a)

    # The vendor works at its desk.
    masuk_browser(vendor, penyedia_a)
    vendor.goto("/registrasi/profil/")
    assert penyedia.nama in vendor.content()

    # The PPK files the request with the SK scan.
    masuk_browser(ppk, ppk_a)
    ppk.goto("/registrasi/penonaktifan/baru/")
    ppk.fill("input[name=nama_penyedia]", penyedia.nama)
    ppk.fill("input[name=npwp]", penyedia.npwp)
    ppk.fill("input[name=nib]", penyedia.nib)
    ppk.select_option("select[name=jenis_pelanggaran]", index=1)
    ppk.fill("input[name=nomor_sk]", "600/123/PUPR/2026")
    from django.utils import timezone

    ppk.fill("input[name=tanggal_sk]", timezone.localdate().isoformat())
    ppk.fill("input[name=pa_kpa]", "Kepala Dinas PUPR Provinsi NTB")
    ppk.fill("input[name=kode_paket]", "10123456000")
    ppk.set_input_files(
        "input[name=berkas_sk]",
        files=[{"name": "sk-sanksi.pdf", "mimeType": "application/pdf", "buffer": buat_pdf("SK Sanksi Daftar Hitam")}],
    )
    tangkap_layar(ppk, "registrasi_sanksi_01_permintaan")
    ppk.click("main form button[type=submit]")
    ppk.wait_for_url("**/penonaktifan/*/")
    assert "Permintaan penonaktifan diajukan" in ppk.content()
    permintaan = PermintaanPenonaktifan.objects.get(nomor_sk="600/123/PUPR/2026")

    # The verifikator approves.
    masuk_browser(staf, verifikator)
    staf.goto("/registrasi/penonaktifan/")
    tangkap_layar(staf, "registrasi_sanksi_02_antrean")
    staf.goto(f"/registrasi/penonaktifan/{permintaan.pk}/")
    staf.click("text=Setujui — catat sanksi")
    staf.wait_for_load_state()
    assert "Sanksi dicatat" in staf.content()
    tangkap_layar(staf, "registrasi_sanksi_03_disetujui")

    # The vendor's next click finds it logged out; at login it reads why and until when.
    vendor.goto("/registrasi/profil/")
    vendor.wait_for_url("**/accounts/login/**")
    vendor.fill("input[name=username]", penyedia_a.username)
    vendor.fill("input[name=password]", KATA_SANDI)
    vendor.click("main form button[type=submit]")
    vendor.wait_for_load_state()
    halaman_login = vendor.content()
    assert "dinonaktifkan karena sanksi daftar hitam" in halaman_login
    assert "600/123/PUPR/2026" in halaman_login
    tangkap_layar(vendor, "registrasi_sanksi_04_login_ditolak")

    # The public list shows it.
    vendor.goto("/registrasi/daftar-hitam/")
    assert penyedia.nama in vendor.content()
    tangkap_layar(vendor, "registrasi_sanksi_05_daftar_hitam")
