"""Browser journey: the Kepala LPSE clicks "run now", the run finishes (Celery eager through
the outbox), and the PDF and the XLSX download."""

import pytest

from laporan.models import ReportRun

pytestmark = pytest.mark.browser


def test_it_lets_the_kepala_lpse_run_a_report_now_and_download_its_files(
    halaman, kepala_lpse, pembina, masuk_browser, tangkap_layar
):
    page = halaman
    masuk_browser(page, kepala_lpse)
    page.goto("/laporan/periodik/")
    page.select_option("select[name=jenis]", "bulanan")
    page.fill("input[name=periode]", "2026-09")
    tangkap_layar(page, "laporan_periodik_daftar")
    page.click("button[name=jalankan]")
    page.wait_for_load_state()

    run = ReportRun.objects.get()
    assert run.status == "berhasil", run.galat
    assert f"/laporan/periodik/{run.pk}/" in page.url
    assert "Berhasil" in page.content()
    tangkap_layar(page, "laporan_periodik_detail")

    for fmt, awal in (("pdf", b"%PDF"), ("xlsx", b"PK")):
        with page.expect_download() as unduhan:
            page.click(f"a[data-format={fmt}]")
        with open(unduhan.value.path(), "rb") as f:
            isi = f.read()
        assert isi.startswith(awal), fmt
        assert unduhan.value.suggested_filename == f"laporan-bulanan-2026-09.{fmt}"
