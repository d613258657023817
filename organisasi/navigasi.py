from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu
from organisasi.peran import PERAN_STAF

MENU = [
    ItemMenu(_("Bagan organisasi"), "organisasi:bagan", kelompok=_("Organisasi"), peran=PERAN_STAF, urutan=80),
    ItemMenu(_("Pegawai"), "organisasi:pegawai_list", kelompok=_("Organisasi"), peran=PERAN_STAF, urutan=81),
    ItemMenu(
        _("Angkat pegawai"),
        "organisasi:penugasan_create",
        kelompok=_("Organisasi"),
        peran=("sekretaris", "pembina"),
        urutan=82,
    ),
]
