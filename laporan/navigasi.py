from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu

MENU = [
    # --- laporan periodik ---
    ItemMenu(
        _("Laporan periodik"),
        "laporan:laporan_list",
        kelompok=_("Laporan"),
        peran=("pembina", "kepala_lpse", "sekretaris", "koordinator"),
        urutan=80,
    ),
    ItemMenu(_("E-reporting"), "laporan:ereporting_detail", peran=("pejabat_pengadaan",), urutan=80),
    # --- end laporan periodik ---
]
