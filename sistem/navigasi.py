from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu

_PIMPINAN = ("admin_sistem", "pembina", "kepala_lpse", "sekretaris", "koordinator")
_KELOMPOK = _("Sistem")

MENU = [
    ItemMenu(_("Insiden"), "sistem:insiden_list", kelompok=_KELOMPOK, peran=_PIMPINAN, urutan=60),
    ItemMenu(_("Ketersediaan layanan"), "sistem:ketersediaan", kelompok=_KELOMPOK, peran=_PIMPINAN, urutan=61),
    ItemMenu(_("Aset"), "sistem:aset_list", kelompok=_KELOMPOK, peran=_PIMPINAN, urutan=62),
    ItemMenu(_("Instruksi LKPP"), "sistem:instruksi_list", kelompok=_KELOMPOK, peran=_PIMPINAN, urutan=63),
    ItemMenu(_("Cadangan"), "sistem:cadangan_list", kelompok=_KELOMPOK, peran=("admin_sistem",), urutan=64),
    ItemMenu(_("Kapasitas"), "sistem:kapasitas", kelompok=_KELOMPOK, peran=("admin_sistem",), urutan=65),
]
