from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu
from organisasi.peran import PERAN_STAF

_K = _("Laporan")

MENU = [
    # --- dasbor dan data terbuka ---
    ItemMenu(_("Dasbor"), "laporan:dasbor", kelompok=_K, peran=PERAN_STAF, urutan=80),
    ItemMenu(_("Data terbuka"), "laporan:data_terbuka", kelompok=_K, peran=PERAN_STAF, urutan=89),
    # --- laporan periodik ---
    ItemMenu(
        _("Laporan periodik"),
        "laporan:laporan_list",
        kelompok=_K,
        peran=("pembina", "kepala_lpse", "sekretaris", "koordinator"),
        urutan=81,
    ),
    ItemMenu(_("E-reporting"), "laporan:ereporting_detail", peran=("pejabat_pengadaan",), urutan=80),
]
