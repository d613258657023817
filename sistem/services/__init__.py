"""Every state change of the sistem app, split by topic; import from here."""

from sistem.services.aset import catat_pemeliharaan, simpan_aset
from sistem.services.cadangan import (
    alasan_penolakan,
    cadangan_baru_ada,
    daftarkan_folder_cadangan,
    jalankan_cadangan,
    minta_cadangan,
    minta_verifikasi,
    pulihkan_cadangan,
    status_backup,
    tandai_run_terhenti,
    tandai_simpan,
    terapkan_retensi,
    verifikasi_cadangan,
)
from sistem.services.insiden import (
    ketersediaan_bulanan,
    laporkan_ke_lkpp,
    selesaikan_insiden,
    simpan_insiden,
    tabel_ketersediaan,
    waktu_henti,
)
from sistem.services.instruksi import catat_instruksi, kerjakan_instruksi, selesaikan_instruksi

__all__ = [
    "alasan_penolakan",
    "cadangan_baru_ada",
    "catat_instruksi",
    "catat_pemeliharaan",
    "daftarkan_folder_cadangan",
    "jalankan_cadangan",
    "kerjakan_instruksi",
    "ketersediaan_bulanan",
    "laporkan_ke_lkpp",
    "minta_cadangan",
    "minta_verifikasi",
    "pulihkan_cadangan",
    "selesaikan_insiden",
    "selesaikan_instruksi",
    "simpan_aset",
    "simpan_insiden",
    "status_backup",
    "tabel_ketersediaan",
    "tandai_run_terhenti",
    "tandai_simpan",
    "terapkan_retensi",
    "verifikasi_cadangan",
    "waktu_henti",
]
