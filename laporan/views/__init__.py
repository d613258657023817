# --- dasbor dan data terbuka (fitur/laporan-dasbor) ---
from laporan.views.dasbor import dasbor
from laporan.views.data_terbuka import data_terbuka, data_terbuka_csv, data_terbuka_json

# --- akhir dasbor dan data terbuka ---

__all__ = ["dasbor", "data_terbuka", "data_terbuka_csv", "data_terbuka_json"]
