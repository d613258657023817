"""Browser journeys of layanan: a public ticket to its satisfaction answer, and a training from
registration to the public verification of its certificate."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from layanan import services
from layanan.models import JawabanKepuasan, PesertaPelatihan, Tiket

pytestmark = pytest.mark.browser


@pytest.fixture
def halaman_lain(halaman, live_server):
    """A second browser, for the requester who has no login."""
    context = halaman.context.browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Makassar")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_it_takes_a_public_ticket_through_replies_and_resolution_to_a_satisfaction_answer(
    halaman, halaman_lain, petugas_layanan, masuk_browser, tangkap_layar
):
    pelapor = halaman_lain
    pelapor.goto("/layanan/tiket/baru/")
    pelapor.fill("input[name=nama_pelapor]", "Budi Santoso")
    pelapor.fill("input[name=email_pelapor]", "budi@contoh.co.id")
    pelapor.fill("input[name=instansi_pelapor]", "CV Maju Jaya")
    pelapor.select_option("select[name=jenis]", value="permasalahan_teknis")
    pelapor.select_option("select[name=kategori]", label="Login dan akun SPSE")
    pelapor.fill("input[name=kode_error]", "ERR-401")
    pelapor.fill("input[name=judul]", "Tidak bisa masuk SPSE setelah ganti kata sandi")
    pelapor.fill("textarea[name=uraian]", "Setiap masuk muncul pesan User ID atau kata sandi salah.")
    tangkap_layar(pelapor, "layanan_tiket_baru")
    pelapor.click("main form button[type=submit]")
    pelapor.wait_for_url("**/layanan/tiket/TK*/**")
    tiket = Tiket.objects.get()
    assert tiket.nomor in pelapor.content()
    tautan_pelapor = pelapor.url

    staf = halaman
    masuk_browser(staf, petugas_layanan)
    staf.goto("/layanan/antrean/")
    assert tiket.nomor in staf.content()
    tangkap_layar(staf, "layanan_antrean")
    staf.click(f"text={tiket.nomor}")
    staf.fill("form[action$='/balas/'] textarea[name=isi]", "Mohon kirim tangkapan layar pesan galatnya.")
    staf.check("input[name=tunggu_pengguna]")
    staf.click("form[action$='/balas/'] button[type=submit]")
    staf.wait_for_load_state()
    assert Tiket.objects.get(pk=tiket.pk).status == "menunggu_pengguna"
    tangkap_layar(staf, "layanan_tiket_staf")

    pelapor.goto(tautan_pelapor)
    assert "Mohon kirim tangkapan layar" in pelapor.content()
    pelapor.fill("textarea[name=isi]", "Pesannya: User ID atau kata sandi salah (ERR-401).")
    pelapor.click("main form button[type=submit]")
    pelapor.wait_for_load_state()
    assert Tiket.objects.get(pk=tiket.pk).status == "ditangani"
    tangkap_layar(pelapor, "layanan_tiket_lacak")

    staf.reload()
    staf.fill("form[action$='/balas/'] textarea[name=isi]", "Kata sandi sudah kami atur ulang; cek e-mail Anda.")
    staf.click("form[action$='/balas/'] button[type=submit]")
    staf.wait_for_load_state()
    staf.fill("textarea[name=catatan]", "Kata sandi diatur ulang.")
    staf.click("form[action$='/selesai/'] button[type=submit]")
    staf.wait_for_load_state()
    assert Tiket.objects.get(pk=tiket.pk).status == "selesai"

    pelapor.reload()
    pelapor.click("text=Beri penilaian layanan")
    pelapor.check("input[name=nilai][value='5']")
    pelapor.fill("textarea[name=komentar]", "Cepat dan jelas.")
    tangkap_layar(pelapor, "layanan_kepuasan")
    pelapor.click("main form button[type=submit]")
    pelapor.wait_for_load_state()
    assert "Terima kasih atas penilaian Anda" in pelapor.content()
    assert JawabanKepuasan.objects.get(tiket=tiket).nilai == 5


def test_it_takes_a_training_from_registration_through_check_in_to_a_verified_certificate(
    halaman, halaman_lain, petugas_layanan, masuk_browser, tangkap_layar
):
    mulai = timezone.now() + dt.timedelta(hours=3)
    pelatihan = services.simpan_pelatihan(
        data={
            "judul": "Pelatihan SPSE untuk Penyedia Pemula",
            "deskripsi": "Pendaftaran, SIKaP dan penawaran.",
            "sasaran": "penyedia",
            "mulai": mulai,
            "selesai": mulai + dt.timedelta(hours=3),
            "moda": "luring",
            "tempat": "Ruang Pelatihan LPSE, Mataram",
            "kapasitas": 20,
            "pelatih": "Rizki Pratama, S.Kom.",
            "terbit": True,
        },
        oleh=petugas_layanan,
    )
    peserta_page = halaman_lain
    peserta_page.goto("/layanan/pelatihan/")
    tangkap_layar(peserta_page, "layanan_pelatihan_jadwal")
    peserta_page.click(f"text={pelatihan.judul}")
    peserta_page.fill("input[name=nama]", "Siti Aminah")
    peserta_page.fill("input[name=email]", "siti@contoh.co.id")
    peserta_page.fill("input[name=instansi]", "CV Sumber Rejeki")
    peserta_page.click("main form button[type=submit]")
    peserta_page.wait_for_url("**/layanan/pelatihan/peserta/**")
    assert peserta_page.locator(".qr svg").count() == 1
    tangkap_layar(peserta_page, "layanan_peserta_qr")
    peserta = PesertaPelatihan.objects.get()
    tautan_peserta = peserta_page.url

    with time_machine.travel(mulai - dt.timedelta(minutes=30)):
        masuk_browser(halaman, petugas_layanan)
        halaman.goto(f"/layanan/hadir/{peserta.kode_hadir}/")  # where the QR leads
        halaman.click("main form button[type=submit]")
        halaman.wait_for_url(f"**/layanan/kelola/pelatihan/{pelatihan.pk}/")
        assert "Siti Aminah tercatat hadir" in halaman.content()
    with time_machine.travel(mulai + dt.timedelta(hours=4)):
        masuk_browser(halaman, petugas_layanan)  # hours later: the idle timeout ended the staff session
        halaman.goto(f"/layanan/kelola/pelatihan/{pelatihan.pk}/")
        halaman.click("text=Terbitkan sertifikat")
        halaman.wait_for_load_state()
        tangkap_layar(halaman, "layanan_pelatihan_hadir")
        peserta.refresh_from_db()
        assert peserta.kode_sertifikat

        peserta_page.goto(tautan_peserta)
        assert peserta.kode_sertifikat in peserta_page.content()
        pdf = peserta_page.request.get(peserta_page.locator("text=Unduh sertifikat (PDF)").get_attribute("href"))
        assert pdf.body().startswith(b"%PDF-")

        peserta_page.goto(f"/layanan/sertifikat/?kode={peserta.kode_sertifikat}")
        assert peserta_page.locator("[data-sah]").is_visible()
        assert "Siti Aminah" in peserta_page.content()
        tangkap_layar(peserta_page, "layanan_sertifikat_verifikasi")
