"""Browser journey of the foundation: appoint a pelaksana and see them on the org chart."""

import pytest
from django.utils import timezone

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi.models import Pegawai, Penugasan

pytestmark = pytest.mark.browser


def test_it_lets_the_sekretaris_appoint_a_pelaksana_who_then_appears_on_the_org_chart(
    halaman, sekretaris, masuk_browser, tangkap_layar
):
    Pegawai.objects.create(nama="Rina Kusuma", status_kepegawaian=Pegawai.Status.PNS, nip="199201012018012001")
    page = halaman
    masuk_browser(page, sekretaris)
    page.goto("/")
    tangkap_layar(page, "beranda_staf")

    page.goto("/organisasi/penugasan/baru/")
    page.select_option("select[name=pegawai]", label="Rina Kusuma")
    page.select_option("select[name=jabatan]", label="Pelaksana Unit Layanan Dukungan")
    page.fill("input[name=nomor_sk]", "800/123/DISKOMINFOTIK/2026")
    hari_ini = timezone.localdate().isoformat()
    page.fill("input[name=tanggal_sk]", hari_ini)
    page.select_option("select[name=penetap]", value="kepala_dinas")
    page.fill("input[name=tmt_mulai]", hari_ini)
    page.set_input_files(
        "input[name=berkas_sk]",
        files=[{"name": "sk-rina.pdf", "mimeType": "application/pdf", "buffer": buat_pdf("SK Pengangkatan")}],
    )
    tangkap_layar(page, "penugasan_angkat")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/organisasi/pegawai/*/")
    assert "diangkat sebagai Pelaksana Unit Layanan Dukungan" in page.content()
    tangkap_layar(page, "pegawai_profil")

    page.goto("/organisasi/bagan/")
    unit = page.locator("section", has_text="Unit Layanan Dukungan")
    assert unit.get_by_text("Rina Kusuma").is_visible()
    tangkap_layar(page, "bagan_organisasi")

    page.goto("/organisasi/pegawai/")
    tangkap_layar(page, "pegawai_daftar")
    assert Penugasan.objects.filter(pegawai__nama="Rina Kusuma", nomor_sk="800/123/DISKOMINFOTIK/2026").exists()
