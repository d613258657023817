"""Browser journey: the Kepala LPSE opens the dashboard and every chart is drawn (the harness
fails on any CSP violation or script error)."""

import pytest

from laporan.tests import pabrik_dasbor as pabrik

pytestmark = pytest.mark.browser


def test_it_draws_the_charts_for_the_kepala_lpse(
    halaman, kepala_lpse, verifikator, petugas_layanan, penyedia_factory, ppk_a, masuk_browser, tangkap_layar
):
    from layanan.models import KategoriTiket, Tiket

    for i, status in enumerate(("disetujui", "disetujui", "diajukan", "ditolak")):
        penyedia_factory(f"cv.grafik{i}", status=status, verifikator=verifikator)
    for i, kategori in enumerate(KategoriTiket.objects.all()[:4]):
        pabrik.tiket(kategori=kategori, jenis=list(Tiket.Jenis)[i % 3])
    pabrik.sanksi(ppk_a, verifikator)
    page = halaman

    masuk_browser(page, kepala_lpse)
    page.goto("/laporan/")
    page.wait_for_selector("canvas[data-tergambar='1']")

    kanvas = page.locator("canvas[data-grafik]")
    assert kanvas.count() >= 7
    assert page.locator("canvas[data-grafik]:not([data-tergambar='1'])").count() == 0
    for i in range(kanvas.count()):
        kotak = kanvas.nth(i).bounding_box()
        assert kotak and kotak["width"] > 100 and kotak["height"] > 100
    assert page.locator("#tabel-pendaftaran-status tbody tr").count() == 6
    tangkap_layar(page, "laporan-dasbor")
