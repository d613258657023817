from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu
from organisasi.peran import PERAN_LUAR, PERAN_STAF
from sop.aturan import PENGESAH, PENYUSUN

MENU = [
    ItemMenu(_("SOP"), "sop:publik_list", publik=True, hanya_tamu=True, urutan=60),
    ItemMenu(_("SOP"), "sop:publik_list", peran=PERAN_LUAR, urutan=60),
    ItemMenu(_("SOP berlaku"), "sop:publik_list", kelompok=_("SOP"), peran=PERAN_STAF, urutan=60),
    ItemMenu(_("Daftar SOP"), "sop:sop_list", kelompok=_("SOP"), peran=PERAN_STAF, urutan=61),
    ItemMenu(_("Antrean SOP"), "sop:antrean", kelompok=_("SOP"), peran=PENYUSUN + PENGESAH, urutan=62),
    ItemMenu(_("Cakupan SOP wajib"), "sop:cakupan", kelompok=_("SOP"), peran=PERAN_STAF, urutan=63),
    ItemMenu(_("Jadwal tinjauan SOP"), "sop:tinjauan_list", kelompok=_("SOP"), peran=PERAN_STAF, urutan=64),
]
