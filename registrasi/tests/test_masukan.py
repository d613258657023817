"""Bad input on the registration pages: a clear Indonesian message, nothing half-saved."""

import datetime
import os

import pytest
import time_machine
from django.core.files.base import ContentFile

from conftest import KATA_SANDI
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import Peristiwa
from lpse_portal.tests import berkas_uji as b
from organisasi.models import User
from registrasi import services
from registrasi.models import Dokumen, Pendaftaran, Penyedia
from registrasi.tests import pabrik


def _berkas_tersimpan(settings) -> list[str]:
    akar = settings.MEDIA_ROOT
    return [os.path.join(d, f) for d, _, fs in os.walk(akar) for f in fs] if os.path.exists(akar) else []


@pytest.fixture
def pendaftar(client):
    """A test client working on an applicant's draft through "lanjutkan pendaftaran"."""

    def masuk(pendaftaran):
        response = client.post(
            "/registrasi/lanjutkan/", {"user_id": pendaftaran.penyedia.user.username, "kata_sandi": KATA_SANDI}
        )
        assert response.status_code == 302
        return client

    return masuk


def _unggah(c, p, jenis, berkas, **extra):
    data = {"jenis": jenis.pk, f"j{jenis.pk}-berkas": berkas, **{f"j{jenis.pk}-{k}": v for k, v in extra.items()}}
    return c.post(f"/registrasi/pendaftaran/{p.pk}/dokumen/", data, follow=True)


@pytest.mark.parametrize(
    "nama, isi, pesan",
    [
        ("nib.pdf", b.png_sah(), "bukan PDF yang sah"),
        ("nib.pdf", b"MZ\x90\x00 program", "bukan PDF yang sah"),
        ("nib.pdf", b"", "kosong"),
        ("nib.pdf", b.pdf_sah() + b"0" * (6 * 1024 * 1024), "melebihi batas"),
        ("nib.pdf", b.pdf_terenkripsi(), "terenkripsi"),
        ("nib.pdf", b.pdf_rusak(), "rusak"),
        ("nib.pdf", b.pdf_terpotong(), "terpotong"),
        ("nib.pdf", b.pdf_javascript(), "JavaScript"),
        # Django's upload parser already drops bidi characters; the name then shows its true ending.
        ("nib\u202efdp.exe", b.pdf_sah(), "berakhiran"),
    ],
)
def test_it_refuses_a_bad_file_and_keeps_nothing(nama, isi, pesan, draf, jenis, pendaftar, settings):
    c = pendaftar(draf)
    response = _unggah(c, draf, jenis("nib"), b.unggahan(nama, isi), nomor="9120000000001")
    assert pesan in response.content.decode()
    assert not Dokumen.objects.exists()
    assert _berkas_tersimpan(settings) == []


@pytest.mark.parametrize(
    "nama, pesan",
    [
        ("../../etc/nib.pdf", "bagian jalur"),
        ("C:\\data\\nib.pdf", "bagian jalur"),
        ("nib\x1b.pdf", "karakter kendali"),
        ("nib\u202efdp.exe", "pengubah arah"),
    ],
)
def test_it_refuses_a_file_name_with_path_control_or_bidi_characters(nama, pesan, draf, jenis, settings):
    with pytest.raises(TransisiTidakSah, match=pesan):
        services.unggah_dokumen(
            pendaftaran_id=draf.pk,
            jenis_id=jenis("nib").pk,
            berkas=ContentFile(b.pdf_sah(), name=nama),
            nomor="9120000000001",
            oleh=draf.penyedia.user,
        )
    assert _berkas_tersimpan(settings) == []


def test_it_strips_path_parts_a_browser_sends_and_stores_under_a_random_name(draf, jenis, pendaftar):
    c = pendaftar(draf)
    _unggah(c, draf, jenis("nib"), b.unggahan("../../nib.pdf", b.pdf_sah()), nomor="9120000000001")
    dok = Dokumen.objects.get()
    assert dok.nama_berkas == "nib.pdf"
    assert ".." not in dok.berkas.name and dok.berkas.name.startswith("registrasi/dokumen/")


def test_it_accepts_an_image_where_the_type_allows_it(draf, jenis, pendaftar):
    c = pendaftar(draf)
    response = _unggah(c, draf, jenis("ktp"), b.unggahan("ktp.png", b.png_sah(), "image/png"))
    assert "tersimpan" in response.content.decode()
    assert Dokumen.objects.get().tipe == "png"


def test_it_refuses_an_image_where_only_pdf_is_accepted(draf, jenis, pendaftar):
    c = pendaftar(draf)
    response = _unggah(c, draf, jenis("nib"), b.unggahan("nib.png", b.png_sah(), "image/png"), nomor="1")
    assert "bukan PDF yang sah" in response.content.decode()


def test_it_refuses_an_expired_document_at_upload(draf, jenis, pendaftar):
    c = pendaftar(draf)
    response = _unggah(
        c, draf, jenis("kswp"), b.unggahan("kswp.pdf", b.pdf_sah()), nomor="K-1", berlaku_sampai="01-01-2020"
    )
    assert "sudah tidak berlaku sejak 1 Januari 2020" in response.content.decode()
    assert not Dokumen.objects.exists()


# --- the registration form ----------------------------------------------------------------------


def _form(**ubah):
    data = {
        "user_id": "cv.baru",
        "kata_sandi": KATA_SANDI,
        "kata_sandi_ulang": KATA_SANDI,
        "nama": "CV Baru Jaya",
        "bentuk_usaha": 2,
        "npwp": pabrik.npwp_uji(900),
        "nib": pabrik.nib_uji(900),
        "alamat": "Jl. Udayana 1",
        "provinsi": "Nusa Tenggara Barat",
        "kabupaten_kota": "Kota Mataram",
        "kode_pos": "83122",
        "telepon": "0370-1",
        "pj_nama": "Baiq Direktur",
        "pj_nik": pabrik.nik_uji(900),
        "pj_jabatan": "Direktur",
        "pj_adalah_pimpinan": "on",
    }
    data.update(ubah)
    return data


@pytest.fixture
def tautan(db):
    from registrasi.models import BentukUsaha

    cv = BentukUsaha.objects.get(kode="cv").pk

    def buat(email="cv.baru@usaha.contoh.id"):
        return f"/registrasi/daftar/{services.buat_token_konfirmasi(email)}/", cv

    return buat


def test_it_creates_the_draft_from_a_valid_form(client, tautan):
    url, cv = tautan()
    response = client.post(url, _form(bentuk_usaha=cv))
    p = Pendaftaran.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/registrasi/pendaftaran/{p.pk}/dokumen/"
    assert p.penyedia.email == "cv.baru@usaha.contoh.id"


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"npwp": "01234567412300"}, "NPWP harus 15 atau 16 digit (tertulis 14 digit)"),
        ({"npwp": "012345675123000"}, "digit pemeriksa"),
        ({"nib": "912000000001"}, "NIB harus 13 digit (tertulis 12 digit)"),
        ({"pj_nik": "5271013202900001"}, "tanggal lahir"),
        ({"pj_nik": "5271017213900001"}, "tanggal lahir"),
        ({"kode_pos": "831"}, "Kode pos harus 5 digit"),
        ({"user_id": "ab"}, "User ID 4–30 karakter"),
        ({"kata_sandi_ulang": "lain-sama-sekali-99"}, "Kedua kata sandi tidak sama"),
        ({"kata_sandi": "12345678", "kata_sandi_ulang": "12345678"}, "terlalu pendek"),
    ],
)
def test_it_refuses_bad_registration_data_and_creates_no_account(ubah, pesan, client, tautan):
    url, cv = tautan()
    response = client.post(url, _form(bentuk_usaha=cv, **ubah))
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert not User.objects.filter(username=ubah.get("user_id", "cv.baru")).exists()
    assert not Penyedia.objects.exists()


def test_it_refuses_a_user_id_already_taken(client, tautan, verifikator):
    url, cv = tautan()
    response = client.post(url, _form(bentuk_usaha=cv, user_id="VERIFIKATOR"))
    assert "User ID ini sudah dipakai" in response.content.decode()
    assert not Penyedia.objects.exists()


def test_it_refuses_an_npwp_already_registered(client, tautan, penyedia_a):
    url, cv = tautan()
    npwp = Penyedia.objects.get(user=penyedia_a).npwp
    response = client.post(url, _form(bentuk_usaha=cv, npwp=npwp), follow=True)
    assert "NPWP ini sudah terdaftar atau sedang dalam proses pendaftaran" in response.content.decode()
    assert not User.objects.filter(username="cv.baru").exists()


def test_it_refuses_an_email_already_registered(client, penyedia_a):
    email = Penyedia.objects.get(user=penyedia_a).email
    response = client.post("/registrasi/daftar/", {"email": email})
    assert "E-mail ini sudah terdaftar" in response.content.decode()


def test_it_sends_a_signed_confirmation_link(client, db, django_capture_on_commit_callbacks):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/registrasi/daftar/", {"email": "Baru@Usaha.Contoh.id"})
    assert response.status_code == 200
    pesan = mail.outbox[-1]
    assert pesan.subject == "(LPSE) Konfirmasi Pendaftaran"
    tautan = next(b for b in pesan.body.split() if "/registrasi/daftar/" in b)
    assert services.baca_token_konfirmasi(tautan.rstrip("/").rsplit("/", 1)[1]) == "baru@usaha.contoh.id"


def test_it_refuses_an_expired_confirmation_link(client, tautan):
    url, _ = tautan()
    with time_machine.travel(datetime.timedelta(hours=49)):
        response = client.get(url)
    assert response.status_code == 400
    assert "sudah kedaluwarsa" in response.content.decode()


def test_it_refuses_a_tampered_confirmation_link(client, tautan):
    url, _ = tautan()
    palsu = url.replace("/registrasi/daftar/", "/registrasi/daftar/x")
    response = client.get(palsu)
    assert response.status_code == 400
    assert "tidak sah" in response.content.decode()
    token = services.buat_token_konfirmasi("a@b.id")
    isi, tanda = token.rsplit(":", 1)
    response = client.get(f"/registrasi/daftar/{isi}:{tanda[::-1]}/")
    assert response.status_code == 400


def test_it_sends_a_double_clicked_form_to_the_same_draft(client, tautan):
    url, cv = tautan()
    pertama = client.post(url, _form(bentuk_usaha=cv))
    kedua = client.post(url, _form(bentuk_usaha=cv))
    assert pertama["Location"] == kedua["Location"]
    assert Penyedia.objects.count() == 1


def test_it_answers_a_double_clicked_submission_once(lengkap, pendaftar):
    c = pendaftar(lengkap)
    url = f"/registrasi/pendaftaran/{lengkap.pk}/tinjau/"
    c.post(url)
    response = c.post(url, follow=True)
    assert "sudah diajukan dan menunggu verifikasi" in response.content.decode()
    assert Peristiwa.objects.filter(aksi="ajukan").count() == 1


def test_it_tells_a_second_verifikator_the_file_is_taken(penyedia_factory, verifikator, buat_staf, masuk):
    p = penyedia_factory("cv.rebutan", status="diverifikasi", verifikator=verifikator)
    kedua = buat_staf("verifikator.dua", "pelaksana-registrasi")
    response = masuk(kedua).post(f"/registrasi/verifikasi/{p.pk}/ambil/", follow=True)
    assert "sudah diambil oleh Verifikator" in response.content.decode()


def test_it_tells_the_verifikator_why_approval_is_refused(diverifikasi, verifikator, masuk):
    response = masuk(verifikator).post(f"/registrasi/verifikasi/{diverifikasi.pk}/setujui/", follow=True)
    assert "Masih ada dokumen yang belum dinyatakan valid" in response.content.decode()
    assert Pendaftaran.objects.get(pk=diverifikasi.pk).status == "diverifikasi"


def test_it_ignores_what_a_bot_puts_in_the_honeypot(client, db, django_capture_on_commit_callbacks):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/registrasi/daftar/", {"email": "bot@spam.id", "situs_web": "http://spam"})
    assert response.status_code == 200
    assert "Periksa e-mail Anda" in response.content.decode()
    assert mail.outbox == []


def test_it_limits_the_registration_form_per_address(client, db):
    for _ in range(10):
        client.post("/registrasi/daftar/", {"email": "x"})
    response = client.post("/registrasi/daftar/", {"email": "x"})
    assert response.status_code == 429
