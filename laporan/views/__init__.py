# --- dasbor dan data terbuka (fitur/laporan-dasbor) ---
from laporan.views.dasbor import dasbor

# --- akhir dasbor dan data terbuka ---

__all__ = ["dasbor"]
