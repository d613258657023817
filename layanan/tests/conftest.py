import datetime

import pytest
from django.utils import timezone

from layanan import services
from layanan.models import KategoriTiket, Pelatihan, Tiket
from lpse_portal.tests import berkas_uji as b


def data_tiket(**ubah):
    data = {
        "jenis": Tiket.Jenis.PERMASALAHAN_TEKNIS,
        "tingkat": "",
        "kategori": KategoriTiket.objects.get(kode="login"),
        "judul": "Tidak bisa masuk SPSE",
        "uraian": "Setelah ganti kata sandi, login SPSE selalu gagal.",
        "aplikasi": Tiket.Aplikasi.SPSE,
        "kode_paket": "",
        "kode_error": "ERR-401",
        "nama_pelapor": "Budi Pelapor",
        "email_pelapor": "budi@contoh.co.id",
        "telepon_pelapor": "081234567890",
        "instansi_pelapor": "CV Maju",
        "peran_pelapor": "penyedia",
    }
    data.update(ubah)
    return data


@pytest.fixture
def buat_tiket(db):
    """A ticket through the public service; keyword overrides for the form fields."""

    def buat(oleh=None, lampiran=(), **ubah):
        return services.buat_tiket(data=data_tiket(**ubah), oleh=oleh, lampiran=lampiran)

    return buat


@pytest.fixture
def pdf_lampiran():
    return lambda nama="bukti.pdf": b.unggahan(nama, b.pdf_sah())


@pytest.fixture
def buat_pelatihan(petugas_layanan):
    def buat(mulai=None, jam=3, kapasitas=20, **ubah):
        mulai = mulai or timezone.now() + datetime.timedelta(days=7)
        data = {
            "judul": "Pelatihan SPSE untuk Penyedia",
            "deskripsi": "Pendaftaran, SIKaP dan penawaran.",
            "sasaran": Pelatihan.Sasaran.PENYEDIA,
            "mulai": mulai,
            "selesai": mulai + datetime.timedelta(hours=jam),
            "moda": Pelatihan.Moda.LURING,
            "tempat": "Ruang Pelatihan LPSE, Mataram",
            "tautan": "",
            "kapasitas": kapasitas,
            "pelatih": "Rizki Pratama",
            "terbit": True,
        }
        data.update(ubah)
        return services.simpan_pelatihan(data=data, oleh=petugas_layanan)

    return buat


def peserta_data(n=1, **ubah):
    return {"nama": f"Peserta {n}", "email": f"peserta{n}@contoh.co.id", "telepon": "", "instansi": "CV Uji", **ubah}
