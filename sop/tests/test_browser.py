"""Browser journey: the Pembina approves a submitted version in Django admin; on its effective date
(the daily job run with the clock there) the public page shows it and marks the old one superseded."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from sop.models import VersiSOP
from sop.tests import alur

pytestmark = pytest.mark.browser
WITA = ZoneInfo("Asia/Makassar")


def test_it_lets_the_pembina_approve_in_admin_and_publishes_the_version_on_its_effective_date(
    halaman, live_server, kepala_lpse, pembina, masuk_browser, tangkap_layar
):
    lama = alur.disetujui(
        alur.draf(kepala_lpse, kode="SOP-LPSE/RV-01", tujuan="Verifikasi dalam **satu hari kerja**."),
        kepala_lpse,
        pembina,
    )
    baru = alur.diajukan(alur.versi_baru(lama, kepala_lpse, tujuan="Verifikasi dalam **dua jam kerja**."), kepala_lpse)
    berlaku_mulai = timezone.localdate() + datetime.timedelta(days=7)
    page = halaman

    # The Pembina approves in Django admin with an effective date a week later.
    masuk_browser(page, pembina)
    page.goto(f"/admin/sop/versisop/{baru.pk}/change/")
    page.fill("#setujui-versi input[name=tanggal_berlaku]", berlaku_mulai.isoformat())
    tangkap_layar(page, "sop_admin_setujui")
    page.click("#setujui-versi input[type=submit]")
    page.wait_for_load_state()
    assert "disetujui oleh Pembina LPSE" in page.content()
    tangkap_layar(page, "sop_admin_disetujui")
    baru.refresh_from_db()
    assert (baru.status, baru.tanggal_berlaku, baru.disetujui_oleh) == ("disetujui", berlaku_mulai, pembina)

    page.goto("/sop/cakupan/")
    tangkap_layar(page, "sop_cakupan")

    # The public, before the effective date: still version 1.0.
    publik = page.context.browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Makassar")
    tamu = publik.new_page()
    tamu.goto(f"/sop/{lama.sop_id}/")
    assert "1.0" in tamu.locator("#versi-berlaku").inner_text()
    assert "satu hari kerja" in tamu.content()
    tangkap_layar(tamu, "sop_publik_sebelum")

    # The clock at the effective date: the daily job runs, the public page shows version 1.1.
    with time_machine.travel(datetime.datetime.combine(berlaku_mulai, datetime.time(0, 5), tzinfo=WITA)):
        call_command("berlakukan_sop")
        tamu.goto(f"/sop/{lama.sop_id}/")
        assert "1.1" in tamu.locator("#versi-berlaku").inner_text()
        assert "dua jam kerja" in tamu.content() and "satu hari kerja" not in tamu.content()
        riwayat = tamu.locator("#riwayat-versi")
        assert riwayat.locator("li", has_text="Versi 1.0").locator("[data-status=diganti]").inner_text() == "Diganti"
        assert riwayat.locator("li", has_text="Versi 1.1").locator("[data-status=berlaku]").is_visible()
        tangkap_layar(tamu, "sop_publik_berlaku")
        tamu.click("text=Bandingkan versi")
        tamu.wait_for_load_state()
        assert tamu.locator("tr.banding-ubah").count() >= 1
        tangkap_layar(tamu, "sop_banding")
    publik.close()
    assert VersiSOP.objects.get(pk=lama.pk).status == "diganti"
