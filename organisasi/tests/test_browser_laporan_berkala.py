"""Browser journey of a staff periodic report: the pelaksana submits, the coordinator returns
it with a note, the pelaksana corrects and resubmits, the coordinator accepts."""

import pytest
from django.utils import timezone

from organisasi.models import AturanLaporanBerkala, LaporanBerkala
from organisasi.tests import laporan_berkala_data as lb

pytestmark = pytest.mark.browser


def _ganti_pengguna(page, masuk_browser, user):
    page.context.clear_cookies()
    masuk_browser(page, user)


def test_it_takes_a_report_from_submission_through_return_to_acceptance(
    halaman, verifikator, koordinator, masuk_browser, tangkap_layar
):
    page = halaman
    periode = AturanLaporanBerkala.berlaku().periode(timezone.localdate()).sebelumnya()
    lb.atur(wajib_mulai=periode.mulai)
    label = str(periode.label)

    # The pelaksana writes last month's report and submits it at once.
    masuk_browser(page, verifikator)
    page.goto("/organisasi/laporan-berkala/")
    page.locator("tr", has_text=label).get_by_role("link", name="Susun laporan").click()
    page.fill("textarea[name=kegiatan]", "Memverifikasi pendaftaran penyedia.")
    page.fill("textarea[name=hasil]", "40 pendaftaran disetujui.")
    page.fill("textarea[name=masalah]", "Server SPSE lambat pada jam sibuk.")
    page.fill("textarea[name=rencana]", "Verifikasi sebelum pukul 10.00 WITA.")
    page.click("text=Simpan dan ajukan ke atasan")
    page.wait_for_url("**/organisasi/laporan-berkala/*/")
    assert "Laporan diajukan kepada Koordinator Unit Registrasi dan Verifikasi" in page.content()
    laporan = LaporanBerkala.objects.get()

    # The coordinator finds it in the review list and returns it with a note.
    _ganti_pengguna(page, masuk_browser, koordinator)
    page.goto("/organisasi/laporan-berkala/tinjau/")
    page.click(f"text={label}")
    page.fill("textarea[name=catatan]", "Sebutkan juga jumlah yang dikembalikan.")
    page.click("text=Kembalikan untuk diperbaiki")
    page.wait_for_url(f"**/organisasi/laporan-berkala/{laporan.pk}/")
    assert "Laporan dikembalikan kepada penyusunnya." in page.content()

    # The pelaksana reads the note, corrects the report and submits it again.
    _ganti_pengguna(page, masuk_browser, verifikator)
    page.goto("/organisasi/laporan-berkala/")
    page.locator("tr", has_text=label).get_by_role("link", name="Ubah").click()
    assert "Sebutkan juga jumlah yang dikembalikan." in page.content()
    page.fill("textarea[name=hasil]", "40 pendaftaran disetujui, 3 dikembalikan untuk perbaikan.")
    page.click("text=Simpan dan ajukan ke atasan")
    page.wait_for_url(f"**/organisasi/laporan-berkala/{laporan.pk}/")
    assert "Laporan diajukan kepada" in page.content()

    # The coordinator accepts it.
    _ganti_pengguna(page, masuk_browser, koordinator)
    page.goto(f"/organisasi/laporan-berkala/{laporan.pk}/")
    page.click("text=Terima laporan")
    page.wait_for_url(f"**/organisasi/laporan-berkala/{laporan.pk}/")
    assert "Laporan diterima." in page.content()
    tangkap_layar(page, "laporan-berkala")
    laporan.refresh_from_db()
    assert (laporan.status, laporan.hasil) == ("diterima", "40 pendaftaran disetujui, 3 dikembalikan untuk perbaikan.")
