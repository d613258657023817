"""Browser journeys of the Sekretariat: a letter from the agenda book to its closing, and the
Kepala LPSE approving a month's allowances."""

import datetime

import pytest
from django.utils import timezone

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.models import Disposisi, SuratMasuk
from organisasi.tests import sekretariat_data as s

pytestmark = pytest.mark.browser


def _ganti_pengguna(page, masuk_browser, user):
    page.context.clear_cookies()
    masuk_browser(page, user)


def test_it_takes_an_incoming_letter_from_registration_through_disposition_to_closing(
    halaman, sekretaris, kepala_lpse, petugas_layanan, masuk_browser, tangkap_layar
):
    s.klasifikasi("027", "Pengadaan")
    hari_ini = timezone.localdate()
    page = halaman

    # The Sekretariat registers the letter in the agenda book, with its scan.
    masuk_browser(page, sekretaris)
    page.goto("/organisasi/surat-masuk/baru/")
    page.fill("input[name=nomor_surat]", "12345/D.3.2/06/2026")
    page.fill("input[name=tanggal_surat]", (hari_ini - datetime.timedelta(days=2)).isoformat())
    page.fill("input[name=tanggal_diterima]", hari_ini.isoformat())
    page.fill("input[name=pengirim]", "Direktorat Pengembangan SPSE, LKPP")
    page.fill("input[name=perihal]", "Pembaruan SPSE versi 4.5")
    page.select_option("select[name=klasifikasi]", label="027 Pengadaan")
    page.select_option("select[name=sifat]", value="segera")
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "surat-lkpp.pdf", "mimeType": "application/pdf", "buffer": buat_pdf("Surat LKPP")}],
    )
    tangkap_layar(page, "sekretariat_surat_masuk_catat")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/organisasi/surat-masuk/*/")
    assert "dicatat dengan nomor agenda 0001/" in page.content()
    surat = SuratMasuk.objects.get(nomor_surat="12345/D.3.2/06/2026")

    # The Kepala LPSE disposes it to the Unit Layanan Dukungan.
    _ganti_pengguna(page, masuk_browser, kepala_lpse)
    page.goto(f"/organisasi/surat-masuk/{surat.pk}/")
    page.click("text=Disposisikan")
    page.get_by_label("Unit Layanan Dukungan", exact=True).check()
    page.fill("textarea[name=instruksi]", "Siapkan sosialisasi pembaruan untuk pengguna SPSE.")
    page.fill("input[name=batas_waktu]", (hari_ini + datetime.timedelta(days=5)).isoformat())
    tangkap_layar(page, "sekretariat_disposisi")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/organisasi/surat-masuk/{surat.pk}/")
    assert "didisposisikan kepada Unit Layanan Dukungan" in page.content()

    # The unit reports its follow-up from its list of dispositions.
    _ganti_pengguna(page, masuk_browser, petugas_layanan)
    page.goto("/organisasi/disposisi/")
    tangkap_layar(page, "sekretariat_disposisi_saya")
    page.click(f"text={surat.agenda}")
    page.click("text=Laporkan tindak lanjut")
    page.fill("textarea[name=isi]", "Sosialisasi dijadwalkan Kamis, undangan sudah dikirim.")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/organisasi/surat-masuk/{surat.pk}/")
    assert "Tindak lanjut dilaporkan" in page.content()

    # The Kepala LPSE closes the disposition; the letter is done.
    _ganti_pengguna(page, masuk_browser, kepala_lpse)
    page.goto(f"/organisasi/surat-masuk/{surat.pk}/")
    page.click("text=Tutup disposisi")
    page.fill("textarea[name=catatan]", "Cukup.")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/organisasi/surat-masuk/{surat.pk}/")
    assert "Disposisi ditutup" in page.content()
    tangkap_layar(page, "sekretariat_surat_selesai")
    assert SuratMasuk.objects.get(pk=surat.pk).status == "selesai"
    assert Disposisi.objects.get(surat=surat).status == "selesai"

    page.goto("/organisasi/surat-masuk/")
    tangkap_layar(page, "sekretariat_surat_masuk_daftar")


def test_it_lets_the_kepala_lpse_read_the_evaluation_and_approve_the_months_allowances(
    halaman, sekretaris, kepala_lpse, buat_staf, masuk_browser, tangkap_layar
):
    hari_ini = timezone.localdate()
    prog = s.program(sekretaris, hari_ini.year)
    for kode_unit, indikator, satuan in [
        ("registrasi", "Penyedia terverifikasi", "penyedia"),
        ("layanan", "Pelatihan terselenggara", "kali"),
    ]:
        tgt = s.target(
            s.kegiatan(prog, sekretaris, kode_unit=kode_unit), sekretaris, indikator=indikator, satuan=satuan
        )
        services.isi_realisasi(target_id=tgt.pk, triwulan=1, nilai=8, bukti=s.berkas(), oleh=sekretaris)
    for kode in ("kepala-lpse", "sekretaris", "pelaksana-layanan"):
        s.tarif(sekretaris, kode, 1_000_000, datetime.date(2025, 1, 1))
    bulan_lalu = hari_ini.replace(day=1) - datetime.timedelta(days=1)
    daftar = services.susun_daftar_tunjangan(tahun=bulan_lalu.year, bulan=bulan_lalu.month, oleh=sekretaris)
    services.ajukan_daftar_tunjangan(daftar_id=daftar.pk, oleh=sekretaris)

    page = halaman
    masuk_browser(page, kepala_lpse)
    page.goto(f"/organisasi/program/{prog.pk}/evaluasi/")
    assert page.get_by_text("Penyedia terverifikasi").is_visible()
    tangkap_layar(page, "sekretariat_program_evaluasi")

    page.goto(f"/organisasi/tunjangan/{daftar.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Setujui')")
    page.wait_for_url(f"**/organisasi/tunjangan/{daftar.pk}/")
    assert "Daftar disetujui" in page.content()
    tangkap_layar(page, "sekretariat_tunjangan_disetujui")
    daftar.refresh_from_db()
    assert (daftar.status, daftar.disetujui_oleh) == ("disetujui", kepala_lpse)
