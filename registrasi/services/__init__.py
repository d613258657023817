"""Every state change of the registrasi app. Each function takes the acting user (`oleh`),
runs in one transaction, locks what it changes, checks the rule, records an event and
schedules its e-mails after commit."""

from registrasi.services.masa_berlaku import periksa_masa_berlaku_harian
from registrasi.services.pejabat import (
    ajukan_permohonan_pejabat,
    proses_permohonan_pejabat,
    setujui_permohonan_pejabat,
    tolak_permohonan_pejabat,
)
from registrasi.services.pendaftaran import (
    ajukan_pendaftaran,
    ambil_pendaftaran,
    baca_token_konfirmasi,
    buat_pendaftaran,
    buat_token_konfirmasi,
    jadwalkan_verifikasi,
    kembalikan_pendaftaran,
    lepas_pendaftaran,
    minta_konfirmasi_email,
    periksa_dokumen,
    setujui_pendaftaran,
    tolak_pendaftaran,
    unggah_dokumen,
)
from registrasi.services.perubahan import ajukan_perubahan, setujui_perubahan, tolak_perubahan, ubah_kontak_penyedia
from registrasi.services.sanksi import (
    ajukan_penonaktifan,
    proses_penonaktifan,
    setujui_penonaktifan,
    terapkan_sanksi_harian,
    tolak_penonaktifan,
    ubah_akhir_sanksi,
    ubah_status_sanksi,
)

__all__ = [
    "ajukan_penonaktifan",
    "proses_penonaktifan",
    "setujui_penonaktifan",
    "terapkan_sanksi_harian",
    "tolak_penonaktifan",
    "ubah_akhir_sanksi",
    "ubah_status_sanksi",
    "ajukan_pendaftaran",
    "ajukan_permohonan_pejabat",
    "ajukan_perubahan",
    "ambil_pendaftaran",
    "baca_token_konfirmasi",
    "buat_pendaftaran",
    "buat_token_konfirmasi",
    "jadwalkan_verifikasi",
    "kembalikan_pendaftaran",
    "lepas_pendaftaran",
    "minta_konfirmasi_email",
    "periksa_dokumen",
    "periksa_masa_berlaku_harian",
    "proses_permohonan_pejabat",
    "setujui_pendaftaran",
    "setujui_permohonan_pejabat",
    "setujui_perubahan",
    "tolak_pendaftaran",
    "tolak_permohonan_pejabat",
    "tolak_perubahan",
    "ubah_kontak_penyedia",
    "unggah_dokumen",
]
