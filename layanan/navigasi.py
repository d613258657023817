from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu

_STAF = ("layanan", "kepala_lpse", "sekretaris")
_K = _("Layanan")

MENU = [
    ItemMenu(_("Antrean tiket"), "layanan:tiket_list", kelompok=_K, peran=_STAF, urutan=40),
    ItemMenu(_("Catat tiket telepon/tatap muka"), "layanan:tiket_catat", kelompok=_K, peran=("layanan",), urutan=41),
    ItemMenu(_("Pelatihan"), "layanan:pelatihan_kelola", kelompok=_K, peran=_STAF, urutan=42),
    ItemMenu(_("Artikel bantuan"), "layanan:artikel_list", kelompok=_K, peran=("layanan",), urutan=43),
    ItemMenu(_("Masukan"), "layanan:masukan_list", kelompok=_K, peran=(*_STAF, "pembina"), urutan=44),
    ItemMenu(_("Rekap kepuasan"), "layanan:kepuasan_rekap", kelompok=_K, peran=(*_STAF, "pembina"), urutan=45),
    ItemMenu(_("Tiket saya"), "layanan:tiket_saya", peran=("penyedia", "pejabat_pengadaan"), urutan=30),
    ItemMenu(_("Bantuan"), "layanan:bantuan", publik=True, urutan=90),
]
