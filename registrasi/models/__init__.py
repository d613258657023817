"""Models of the Unit Registrasi dan Verifikasi (Pergub NTB 6/2017 Lampiran II.5)."""

from registrasi.models.pejabat import PejabatPengadaan, PerangkatDaerah, PermohonanPejabat
from registrasi.models.penyedia import Dokumen, Pendaftaran, Penyedia
from registrasi.models.perubahan import PermintaanPerubahan
from registrasi.models.referensi import AlasanTidakValid, BentukUsaha, JenisDokumen, Persyaratan
from registrasi.models.sanksi import (
    DokumenSanksi,
    JenisPelanggaran,
    PermintaanPenonaktifan,
    PutusanPengadilan,
    SanksiDaftarHitam,
)

__all__ = [
    "AlasanTidakValid",
    "BentukUsaha",
    "Dokumen",
    "DokumenSanksi",
    "JenisDokumen",
    "JenisPelanggaran",
    "PejabatPengadaan",
    "Pendaftaran",
    "Penyedia",
    "PerangkatDaerah",
    "PermintaanPenonaktifan",
    "PermintaanPerubahan",
    "PermohonanPejabat",
    "Persyaratan",
    "PutusanPengadilan",
    "SanksiDaftarHitam",
]
