from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu
from organisasi.peran import PERAN_STAF

_TUNJANGAN = ("sekretaris", "kepala_lpse", "pembina")

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
    # The Sekretariat's administration (Pergub Lampiran II.3.b).
    ItemMenu(_("Disposisi"), "organisasi:disposisi_list", kelompok=_("Sekretariat"), peran=PERAN_STAF, urutan=70),
    ItemMenu(_("Surat masuk"), "organisasi:surat_masuk_list", kelompok=_("Sekretariat"), peran=PERAN_STAF, urutan=71),
    ItemMenu(_("Surat keluar"), "organisasi:surat_keluar_list", kelompok=_("Sekretariat"), peran=PERAN_STAF, urutan=72),
    ItemMenu(
        _("Penomoran surat"), "organisasi:penomoran_list", kelompok=_("Sekretariat"), peran=("sekretaris",), urutan=76
    ),
    ItemMenu(_("Program kegiatan"), "organisasi:program_list", kelompok=_("Sekretariat"), peran=PERAN_STAF, urutan=73),
    ItemMenu(
        _("Tunjangan dan honorarium"),
        "organisasi:daftar_list",
        kelompok=_("Sekretariat"),
        peran=_TUNJANGAN,
        urutan=74,
    ),
    ItemMenu(
        _("Tarif dan dasar hukum"), "organisasi:tarif_list", kelompok=_("Sekretariat"), peran=_TUNJANGAN, urutan=75
    ),
    # Staff periodic reports (Lampiran V.5–6): everyone on the staff may owe one; the holders of
    # superior positions review; the Pembina, Kepala LPSE and Sekretariat read the roll-up.
    ItemMenu(
        _("Laporan berkala saya"),
        "organisasi:laporan_berkala_saya",
        kelompok=_("Organisasi"),
        peran=PERAN_STAF,
        urutan=83,
    ),
    ItemMenu(
        _("Tinjau laporan berkala"),
        "organisasi:laporan_berkala_tinjau",
        kelompok=_("Organisasi"),
        peran=("koordinator", "sekretaris", "kepala_lpse", "pembina"),
        urutan=84,
    ),
    ItemMenu(
        _("Rekap laporan berkala"),
        "organisasi:laporan_berkala_rekap",
        kelompok=_("Organisasi"),
        peran=("pembina", "kepala_lpse", "sekretaris"),
        urutan=85,
    ),
]
