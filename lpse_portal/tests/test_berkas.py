"""Upload checks by content, size and name, and no orphan file after a refused change."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from lpse_portal.berkas import periksa_berkas, periksa_nama, transaksi_berkas
from lpse_portal.tests import berkas_uji as b


def _periksa(nama, isi, **kw):
    return periksa_berkas(b.unggahan(nama, isi), **kw)


def test_it_accepts_a_plain_pdf():
    assert _periksa("sk.pdf", b.pdf_sah()).kode == "pdf"


def test_it_accepts_png_and_jpeg_where_images_are_allowed():
    assert _periksa("ktp.png", b.png_sah(), jenis=("pdf", "png", "jpeg")).kode == "png"
    assert _periksa("ktp.JPG", b.jpeg_sah(), jenis=("pdf", "png", "jpeg")).kode == "jpeg"


@pytest.mark.parametrize(
    "nama, isi, pesan",
    [
        ("kosong.pdf", b"", "kosong"),
        ("bukan.pdf", b"MZ\x90\x00 this is an exe", "bukan PDF yang sah"),
        ("gambar.pdf", b.png_sah(), "bukan PDF yang sah"),
        ("dokumen.png", b.pdf_sah(), "berakhiran"),
        ("terkunci.pdf", b.pdf_terenkripsi(), "terenkripsi"),
        ("potong.pdf", b.pdf_terpotong(), "terpotong"),
        ("rusak.pdf", b.pdf_rusak(), "rusak"),
        ("skrip.pdf", b.pdf_javascript(), "JavaScript"),
        ("lampiran.pdf", b.pdf_berkas_tersemat(), "tersemat"),
        ("launch.pdf", b.pdf_launch(), "ditolak"),
        ("sk\x07.pdf", b.pdf_sah(), "karakter kendali"),
        ("sk\u202efdp.exe", b.pdf_sah(), "pengubah arah"),
        ("x" * 200 + ".pdf", b.pdf_sah(), "terlalu panjang"),
    ],
)
def test_it_refuses_a_bad_pdf_upload(nama, isi, pesan):
    with pytest.raises(ValidationError, match=pesan):
        _periksa(nama, isi)


@pytest.mark.parametrize("nama", ["../../etc/passwd.pdf", "a\\b.pdf", "..", "/sk.pdf"])
def test_it_refuses_a_name_with_path_parts(nama):
    # Django's multipart parser already drops path parts from browser uploads; this guards
    # every other way a name reaches the portal.
    with pytest.raises(ValidationError, match="bagian jalur"):
        periksa_nama(nama)


def test_it_never_lets_path_parts_of_an_upload_reach_the_disk(db, sekretaris, masuk, settings, tmp_path):
    from organisasi.models import Jabatan, Pegawai, Penugasan

    pegawai = Pegawai.objects.create(nama="Uji Jalur", status_kepegawaian="pns", nip="199201012018012001")
    jabatan = Jabatan.objects.get(kode="pelaksana-layanan")
    berkas = b.unggahan("../../../../tmp/jahat.pdf", b.pdf_sah())
    data = {
        "pegawai": pegawai.pk,
        "jabatan": jabatan.pk,
        "nomor_sk": "800/1/2026",
        "tanggal_sk": "2026-01-05",
        "penetap": "kepala_dinas",
        "tmt_mulai": "2026-01-05",
        "berkas_sk": berkas,
    }
    masuk(sekretaris).post("/organisasi/penugasan/baru/", data)
    penugasan = Penugasan.objects.get(pegawai=pegawai)
    assert ".." not in penugasan.berkas_sk.name
    assert str(tmp_path / "media") in penugasan.berkas_sk.path


def test_it_refuses_a_file_over_the_size_limit():
    with pytest.raises(ValidationError, match="melebihi batas"):
        _periksa("besar.pdf", b.pdf_sah(), maks_bytes=100)


def test_it_refuses_a_pixel_bomb():
    with pytest.raises(ValidationError, match="terlalu besar"):
        _periksa("bom.png", b.png_bom_piksel(), jenis=("png",))


def test_it_refuses_a_damaged_image():
    with pytest.raises(ValidationError, match="rusak"):
        _periksa("rusak.png", b.png_sah()[:40], jenis=("png",))


def test_it_removes_the_files_a_failed_transaction_wrote(db):
    with pytest.raises(RuntimeError), transaksi_berkas():
        nama = default_storage.save("uji/a.pdf", ContentFile(b.pdf_sah()))
        assert default_storage.exists(nama)
        raise RuntimeError("ditolak")
    assert not default_storage.exists(nama)


def test_it_keeps_the_files_of_a_committed_transaction(db):
    with transaksi_berkas():
        nama = default_storage.save("uji/b.pdf", ContentFile(b.pdf_sah()))
    assert default_storage.exists(nama)
