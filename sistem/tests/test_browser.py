"""Browser journey of the Unit Administrasi Sistem Elektronik: back up from the page, see the
backup proven, read the capacity, record an incident."""

import pytest

from sistem import services
from sistem.models import Cadangan, Insiden

pytestmark = pytest.mark.browser


def test_it_lets_admin_sistem_back_up_see_it_verified_and_read_the_capacity(
    halaman, admin_sistem, masuk_browser, tangkap_layar, dokumen
):
    dokumen()
    services.jalankan_cadangan()
    services.verifikasi_cadangan()
    page = halaman
    masuk_browser(page, admin_sistem)

    page.goto("/sistem/cadangan/")
    page.once("dialog", lambda d: d.accept())
    page.click("text=Cadangkan sekarang")
    page.wait_for_url("**/sistem/cadangan/")
    assert "Pencadangan dijadwalkan" in page.content()
    page.reload()  # the eager worker has finished the second backup by now
    assert page.locator("#daftar-cadangan tbody tr").count() == 2
    assert page.get_by_text("Terbukti:").is_visible()
    tangkap_layar(page, "sistem_cadangan")

    page.click(f"text={Cadangan.objects.terbaru().first().nama}")
    assert page.get_by_text("database.dump").is_visible()
    tangkap_layar(page, "sistem_cadangan_detail")

    page.goto("/sistem/kapasitas/")
    assert page.locator("#bacaan-kapasitas .card").count() == 6
    tangkap_layar(page, "sistem_kapasitas")

    page.goto("/sistem/insiden/baru/")
    page.fill("input[name=judul]", "SPSE tidak dapat diakses")
    page.select_option("select[name=layanan]", value="spse")
    page.select_option("select[name=tingkat]", value="tinggi")
    page.fill("input[name=tiket]", "TKT-2026-0042")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/sistem/insiden/*/")
    assert "Insiden dicatat" in page.content()
    tangkap_layar(page, "sistem_insiden")
    assert Insiden.objects.get().tiket_terkait.get().nomor_tiket == "TKT-2026-0042"
