"""Models of the Unit Registrasi dan Verifikasi (Pergub NTB 6/2017 Lampiran II.5)."""

from registrasi.models.pejabat import PejabatPengadaan, PerangkatDaerah, PermohonanPejabat
from registrasi.models.penyedia import Dokumen, Pendaftaran, Penyedia
from registrasi.models.perubahan import PermintaanPerubahan
from registrasi.models.referensi import AlasanTidakValid, BentukUsaha, JenisDokumen, Persyaratan

__all__ = [
    "AlasanTidakValid",
    "BentukUsaha",
    "Dokumen",
    "JenisDokumen",
    "PejabatPengadaan",
    "Pendaftaran",
    "Penyedia",
    "PerangkatDaerah",
    "PermintaanPerubahan",
    "PermohonanPejabat",
    "Persyaratan",
]
