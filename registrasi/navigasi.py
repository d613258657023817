from django.utils.translation import gettext_lazy as _

from lpse_portal.navigasi import ItemMenu

_K = _("Registrasi")

MENU = [
    ItemMenu(_("Daftar sebagai penyedia"), "registrasi:daftar", publik=True, hanya_tamu=True, urutan=10),
    ItemMenu(_("Persyaratan"), "registrasi:persyaratan", kelompok=_K, publik=True, urutan=11),
    ItemMenu(_("Lanjutkan pendaftaran"), "registrasi:lanjutkan", kelompok=_K, hanya_tamu=True, publik=True, urutan=12),
    ItemMenu(_("Permohonan akun pejabat"), "registrasi:pejabat_daftar", kelompok=_K, publik=True, urutan=13),
    ItemMenu(_("Data penyedia saya"), "registrasi:profil", kelompok=_K, peran=("penyedia",), urutan=14),
    ItemMenu(_("Antrean verifikasi"), "registrasi:antrean", kelompok=_K, peran=("verifikator",), urutan=15),
    ItemMenu(_("Perubahan data"), "registrasi:perubahan_antrean", kelompok=_K, peran=("verifikator",), urutan=16),
    ItemMenu(_("Permohonan pejabat"), "registrasi:pejabat_antrean", kelompok=_K, peran=("verifikator",), urutan=17),
    ItemMenu(_("Daftar hitam"), "registrasi:daftar_hitam", kelompok=_K, publik=True, urutan=19),
    ItemMenu(
        _("Permintaan penonaktifan"),
        "registrasi:penonaktifan_list",
        kelompok=_K,
        peran=("verifikator", "pejabat_pengadaan"),
        urutan=20,
    ),
    ItemMenu(
        _("Sanksi daftar hitam"),
        "registrasi:sanksi_list",
        kelompok=_K,
        peran=("verifikator", "kepala_lpse", "sekretaris"),
        urutan=21,
    ),
    ItemMenu(
        _("Penyedia"),
        "registrasi:penyedia_list",
        kelompok=_K,
        peran=("verifikator", "kepala_lpse", "sekretaris"),
        urutan=18,
    ),
]
