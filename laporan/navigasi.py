from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu
from organisasi.peran import PERAN_STAF

_K = _("Laporan")

MENU = [
    # --- dasbor dan data terbuka (fitur/laporan-dasbor) ---
    ItemMenu(_("Dasbor"), "laporan:dasbor", kelompok=_K, peran=PERAN_STAF, urutan=80),
    ItemMenu(_("Data terbuka"), "laporan:data_terbuka", kelompok=_K, peran=PERAN_STAF, urutan=89),
    # --- akhir dasbor dan data terbuka ---
]
