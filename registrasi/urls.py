from django.urls import path

from registrasi.views import dokumen, pejabat, pendaftar, penyedia, publik, sanksi, verifikasi

app_name = "registrasi"

urlpatterns = [
    # public (paths fixed by DESIGN.md)
    path("daftar/", publik.daftar, name="daftar"),
    path("daftar/<str:token>/", publik.konfirmasi, name="konfirmasi"),
    path("persyaratan/", publik.persyaratan, name="persyaratan"),
    path("lanjutkan/", publik.lanjutkan, name="lanjutkan"),
    path("pejabat/daftar/", publik.pejabat_daftar, name="pejabat_daftar"),
    path("daftar-hitam/", sanksi.daftar_hitam, name="daftar_hitam"),
    path("daftar-hitam/unduh.csv", sanksi.daftar_hitam_csv, name="daftar_hitam_csv"),
    # the applicant
    path("pendaftaran/<int:pk>/", pendaftar.pendaftaran_status, name="pendaftaran_status"),
    path("pendaftaran/<int:pk>/dokumen/", pendaftar.pendaftaran_dokumen, name="pendaftaran_dokumen"),
    path("pendaftaran/<int:pk>/tinjau/", pendaftar.pendaftaran_tinjau, name="pendaftaran_tinjau"),
    path("dokumen/<int:pk>/berkas/", dokumen.dokumen_berkas, name="dokumen_berkas"),
    # the verifikator
    path("verifikasi/", verifikasi.antrean, name="antrean"),
    path("verifikasi/<int:pk>/", verifikasi.pendaftaran_detail, name="pendaftaran_detail"),
    path("verifikasi/<int:pk>/ambil/", verifikasi.pendaftaran_ambil, name="pendaftaran_ambil"),
    path("verifikasi/<int:pk>/lepas/", verifikasi.pendaftaran_lepas, name="pendaftaran_lepas"),
    path("verifikasi/<int:pk>/jadwal/", verifikasi.pendaftaran_jadwal, name="pendaftaran_jadwal"),
    path("verifikasi/<int:pk>/kembalikan/", verifikasi.pendaftaran_kembalikan, name="pendaftaran_kembalikan"),
    path("verifikasi/<int:pk>/setujui/", verifikasi.pendaftaran_setujui, name="pendaftaran_setujui"),
    path("verifikasi/<int:pk>/tolak/", verifikasi.pendaftaran_tolak, name="pendaftaran_tolak"),
    path("verifikasi/dokumen/<int:pk>/periksa/", verifikasi.dokumen_periksa, name="dokumen_periksa"),
    # vendors
    path("penyedia/", penyedia.penyedia_list, name="penyedia_list"),
    path("penyedia/ekspor.csv", penyedia.penyedia_ekspor, name="penyedia_ekspor"),
    path("penyedia/<int:pk>/", penyedia.penyedia_detail, name="penyedia_detail"),
    path("penyedia/<int:pk>/identitas/", penyedia.penyedia_identitas, name="penyedia_identitas"),
    path("penyedia/<int:pk>/arsip/", penyedia.penyedia_arsip, name="penyedia_arsip"),
    path("profil/", penyedia.profil, name="profil"),
    path("profil/kontak/", penyedia.profil_kontak, name="profil_kontak"),
    path("perubahan/baru/", penyedia.perubahan_create, name="perubahan_create"),
    path("perubahan/", penyedia.perubahan_antrean, name="perubahan_antrean"),
    path("perubahan/<int:pk>/", penyedia.perubahan_detail, name="perubahan_detail"),
    path("perubahan/<int:pk>/setujui/", penyedia.perubahan_setujui, name="perubahan_setujui"),
    path("perubahan/<int:pk>/tolak/", penyedia.perubahan_tolak, name="perubahan_tolak"),
    # officials
    path("pejabat/", pejabat.pejabat_antrean, name="pejabat_antrean"),
    path("pejabat/<int:pk>/", pejabat.pejabat_detail, name="pejabat_detail"),
    path("pejabat/<int:pk>/berkas/", pejabat.pejabat_berkas, name="pejabat_berkas"),
    path("pejabat/<int:pk>/proses/", pejabat.pejabat_proses, name="pejabat_proses"),
    path("pejabat/<int:pk>/setujui/", pejabat.pejabat_setujui, name="pejabat_setujui"),
    path("pejabat/<int:pk>/tolak/", pejabat.pejabat_tolak, name="pejabat_tolak"),
    # blacklist sanctions and deactivation requests
    path("sanksi/", sanksi.sanksi_list, name="sanksi_list"),
    path("sanksi/<int:pk>/", sanksi.sanksi_detail, name="sanksi_detail"),
    path("sanksi/<int:pk>/status/", sanksi.sanksi_status, name="sanksi_status"),
    path("sanksi/<int:pk>/akhir/", sanksi.sanksi_akhir, name="sanksi_akhir"),
    path("sanksi/dokumen/<int:pk>/", sanksi.sanksi_dokumen, name="sanksi_dokumen"),
    path("sanksi/putusan/<int:pk>/", sanksi.putusan_berkas, name="putusan_berkas"),
    path("penonaktifan/", sanksi.penonaktifan_list, name="penonaktifan_list"),
    path("penonaktifan/baru/", sanksi.penonaktifan_create, name="penonaktifan_create"),
    path("penonaktifan/<int:pk>/", sanksi.penonaktifan_detail, name="penonaktifan_detail"),
    path("penonaktifan/<int:pk>/proses/", sanksi.penonaktifan_proses, name="penonaktifan_proses"),
    path("penonaktifan/<int:pk>/setujui/", sanksi.penonaktifan_setujui, name="penonaktifan_setujui"),
    path("penonaktifan/<int:pk>/tolak/", sanksi.penonaktifan_tolak, name="penonaktifan_tolak"),
]
