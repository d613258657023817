"""Access table of the laporan URLs (see lpse_portal/tests/akses.py)."""

from lpse_portal.tests.akses import HANYA_STAF, PUBLIK

AKSES: dict = {
    # --- dasbor dan data terbuka (fitur/laporan-dasbor) ---
    "laporan:dasbor": HANYA_STAF,
    "laporan:data_terbuka": PUBLIK,
    "laporan:data_terbuka_csv": PUBLIK,
    "laporan:data_terbuka_json": PUBLIK,
    # --- akhir dasbor dan data terbuka ---
}


def siapkan(cast: dict) -> dict:
    return {}
