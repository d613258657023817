"""The whole vendor journey in Chromium: register → confirm from the outbox → upload → submit →
the verifikator returns one document → the vendor replaces it → approval → login."""

import pytest
from django.core import mail

from conftest import KATA_SANDI
from lpse_portal.pdf_sederhana import buat_pdf
from registrasi.models import JenisDokumen, Pendaftaran
from registrasi.tests import pabrik

pytestmark = pytest.mark.browser


def _pdf(nama):
    return {"name": f"{nama}.pdf", "mimeType": "application/pdf", "buffer": buat_pdf(nama, ["Pindaian dokumen"])}


def _unggah(page, jenis: JenisDokumen):
    bagian = page.locator(f"#dokumen-{jenis.kode}")
    bagian.locator("input[type=file]").set_input_files(_pdf(jenis.kode))
    if jenis.minta_nomor:
        bagian.locator("input[name$=nomor]").fill(f"{jenis.kode.upper()}/01/2026")
    if jenis.minta_masa_berlaku:
        bagian.locator("input[name$=berlaku_sampai]").fill("2027-12-31")
    bagian.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert f"{jenis.nama} tersimpan" in page.content()


def _nyatakan(page, dok, hasil, alasan=None):
    kotak = page.locator(f"#dok-{dok.pk}")
    kotak.locator(f"input[value={hasil}]").check()
    if alasan:
        kotak.locator("select[name$=alasan]").select_option(label=alasan)
        kotak.locator("textarea[name$=catatan]").fill("Halaman kedua tidak terbaca; pindai ulang berwarna.")
    kotak.locator("form button[type=submit]").click()
    page.wait_for_load_state()


def test_it_takes_a_vendor_from_the_public_form_to_an_active_user_id(
    halaman, halaman_lain, verifikator, masuk_browser, tangkap_layar
):
    vendor, staf = halaman, halaman_lain
    vendor.on("dialog", lambda d: d.accept())
    staf.on("dialog", lambda d: d.accept())

    # 1. The public form: the company e-mail.
    vendor.goto("/registrasi/daftar/")
    vendor.fill("input[name=email]", "admin@cvlombokmaju.co.id")
    tangkap_layar(vendor, "registrasi_01_email")
    vendor.click("main form button[type=submit]")
    assert "Periksa e-mail Anda" in vendor.content()

    # 2. The confirmation link, from the outbox.
    pesan = mail.outbox[-1]
    assert pesan.subject == "(LPSE) Konfirmasi Pendaftaran"
    tautan = next(k for k in pesan.body.split() if "/registrasi/daftar/" in k)
    vendor.goto(tautan[tautan.index("/registrasi/") :])
    vendor.fill("input[name=user_id]", "lombokmaju")
    vendor.fill("input[name=kata_sandi]", KATA_SANDI)
    vendor.fill("input[name=kata_sandi_ulang]", KATA_SANDI)
    vendor.fill("input[name=nama]", "CV Lombok Maju")
    vendor.select_option("select[name=bentuk_usaha]", label="Persekutuan Komanditer (CV)")
    vendor.fill("input[name=npwp]", "01.234.567.4-123.000")
    vendor.fill("input[name=nib]", "9120301234567")
    vendor.fill("textarea[name=alamat]", "Jl. Pejanggik No. 12, Cakranegara")
    vendor.fill("input[name=kabupaten_kota]", "Kota Mataram")
    vendor.fill("input[name=kode_pos]", "83231")
    vendor.fill("input[name=telepon]", "0370-631234")
    vendor.fill("input[name=pj_nama]", "Lalu Muhammad Zaini")
    vendor.fill("input[name=pj_nik]", pabrik.nik_uji(77))
    vendor.fill("input[name=pj_jabatan]", "Direktur")
    tangkap_layar(vendor, "registrasi_02_data")
    vendor.click("main form button[type=submit]")
    vendor.wait_for_url("**/dokumen/")

    # 3. Uploads per requirement.
    p = Pendaftaran.objects.get(penyedia__user__username="lombokmaju")
    from registrasi.services.pendaftaran import persyaratan_untuk

    for syarat in persyaratan_untuk(p.penyedia).filter(wajib=True):
        _unggah(vendor, syarat.jenis)
    tangkap_layar(vendor, "registrasi_03_dokumen")

    # 4. Review and submit.
    vendor.get_by_role("link", name="Tinjau dan ajukan").click()
    vendor.wait_for_url("**/tinjau/")
    tangkap_layar(vendor, "registrasi_04_tinjau")
    vendor.click("main form button[type=submit]")
    vendor.wait_for_url(f"**/pendaftaran/{p.pk}/")
    assert "Pendaftaran diajukan" in vendor.content()

    # 5. The verifikator takes it, returns one document.
    masuk_browser(staf, verifikator)
    staf.goto("/registrasi/verifikasi/")
    assert "CV Lombok Maju" in staf.content()
    tangkap_layar(staf, "registrasi_05_antrean")
    staf.click("text=CV Lombok Maju")
    staf.wait_for_url(f"**/verifikasi/{p.pk}/")
    staf.click("text=Ambil untuk diverifikasi")
    staf.wait_for_load_state()
    assert "Berkas diambil" in staf.content()
    dokumen = list(Pendaftaran.objects.get(pk=p.pk).dokumen_terkini().order_by("jenis__urutan"))
    ktp = next(d for d in dokumen if d.jenis.kode == "ktp")
    for dok in dokumen:
        if dok != ktp:
            _nyatakan(staf, dok, "valid")
    _nyatakan(staf, ktp, "tidak_valid", alasan="Pindaian tidak terbaca atau buram")
    staf.locator(f"#dok-{ktp.pk} [data-penampil]").click()
    staf.wait_for_selector("#penampil canvas")
    tangkap_layar(staf, "registrasi_06_verifikasi")
    staf.fill("textarea[name=catatan]", "KTP direktur perlu dipindai ulang.")
    staf.click("text=Kembalikan untuk perbaikan")
    staf.wait_for_load_state()
    assert "dikembalikan ke penyedia" in staf.content()
    assert any("Perbaikan Dokumen" in m.subject for m in mail.outbox)

    # 6. The vendor sees exactly what to fix and replaces only that document.
    vendor.goto(f"/registrasi/pendaftaran/{p.pk}/")
    assert "Pindaian tidak terbaca atau buram" in vendor.content()
    tangkap_layar(vendor, "registrasi_07_perbaikan")
    vendor.click("text=Perbaiki dokumen")
    vendor.wait_for_url("**/dokumen/")
    assert vendor.locator("main input[type=file]").count() == 1
    _unggah(vendor, ktp.jenis)
    vendor.get_by_role("link", name="Tinjau dan ajukan").click()
    vendor.wait_for_url("**/tinjau/")
    vendor.click("main form button[type=submit]")
    vendor.wait_for_url(f"**/pendaftaran/{p.pk}/")
    assert "Pendaftaran diajukan" in vendor.content()

    # 7. The verifikator approves.
    staf.goto(f"/registrasi/verifikasi/{p.pk}/")
    staf.click("text=Ambil untuk diverifikasi")
    staf.wait_for_load_state()
    baru = Pendaftaran.objects.get(pk=p.pk).dokumen_terkini().get(jenis__kode="ktp")
    _nyatakan(staf, baru, "valid")
    staf.click("text=Setujui — aktifkan User ID")
    staf.wait_for_load_state()
    assert "User ID aktif" in staf.content()
    tangkap_layar(staf, "registrasi_08_disetujui")
    assert any(m.subject == "(LPSE) [lombokmaju] Selamat Bergabung" for m in mail.outbox)

    # 8. The vendor logs in with the active user ID.
    vendor.goto("/accounts/login/")
    vendor.fill("input[name=username]", "lombokmaju")
    vendor.fill("input[name=password]", KATA_SANDI)
    vendor.click("main form button[type=submit]")
    vendor.wait_for_load_state()
    vendor.goto("/registrasi/profil/")
    assert "CV Lombok Maju" in vendor.content() and "Aktif" in vendor.content()
    tangkap_layar(vendor, "registrasi_09_profil")
