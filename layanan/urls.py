from django.urls import path

from layanan.views import bantuan, masukan, pelatihan, tiket_publik, tiket_staf

app_name = "layanan"

urlpatterns = [
    # Public (DESIGN.md): new ticket, training schedule, help centre.
    path("tiket/baru/", tiket_publik.tiket_create, name="tiket_create"),
    path("tiket/saya/", tiket_publik.tiket_saya, name="tiket_saya"),
    path("tiket/<str:nomor>/<str:token>/", tiket_publik.tiket_lacak, name="tiket_lacak"),
    path("tiket/<str:nomor>/<str:token>/kepuasan/", tiket_publik.tiket_kepuasan, name="tiket_kepuasan"),
    path(
        "tiket/<str:nomor>/<str:token>/lampiran/<int:pk>/",
        tiket_publik.tiket_lampiran_token,
        name="tiket_lampiran_token",
    ),
    path("bantuan/", bantuan.bantuan, name="bantuan"),
    path("bantuan/<slug:slug>/", bantuan.artikel_detail, name="artikel_detail"),
    path("pelatihan/", pelatihan.pelatihan_list, name="pelatihan_list"),
    path("pelatihan/<int:pk>/", pelatihan.pelatihan_detail, name="pelatihan_detail"),
    path("pelatihan/peserta/<str:token>/", pelatihan.peserta_detail, name="peserta_detail"),
    path("pelatihan/peserta/<str:token>/batal/", pelatihan.peserta_batal, name="peserta_batal"),
    path("pelatihan/peserta/<str:token>/umpan-balik/", pelatihan.peserta_umpan_balik, name="peserta_umpan_balik"),
    path("pelatihan/peserta/<str:token>/sertifikat.pdf", pelatihan.sertifikat_unduh, name="sertifikat_unduh"),
    path("sertifikat/", pelatihan.sertifikat_verifikasi, name="sertifikat_verifikasi"),
    path("masukan/", masukan.masukan_create, name="masukan_create"),
    # Staff.
    path("antrean/", tiket_staf.tiket_list, name="tiket_list"),
    path("antrean/catat/", tiket_staf.tiket_catat, name="tiket_catat"),
    path("antrean/<int:pk>/", tiket_staf.tiket_detail, name="tiket_detail"),
    path("antrean/<int:pk>/balas/", tiket_staf.tiket_balas, name="tiket_balas"),
    path("antrean/<int:pk>/ambil/", tiket_staf.tiket_ambil, name="tiket_ambil"),
    path("antrean/<int:pk>/tugaskan/", tiket_staf.tiket_tugaskan, name="tiket_tugaskan"),
    path("antrean/<int:pk>/selesai/", tiket_staf.tiket_selesai, name="tiket_selesai"),
    path("antrean/<int:pk>/buka/", tiket_staf.tiket_buka, name="tiket_buka"),
    path("antrean/<int:pk>/tutup/", tiket_staf.tiket_tutup, name="tiket_tutup"),
    path("antrean/<int:pk>/eskalasi/", tiket_staf.tiket_eskalasi, name="tiket_eskalasi"),
    path("antrean/<int:pk>/gabung/", tiket_staf.tiket_gabung, name="tiket_gabung"),
    path("antrean/<int:pk>/tautkan/", tiket_staf.tiket_tautkan, name="tiket_tautkan"),
    path("antrean/<int:pk>/artikel/", tiket_staf.tiket_tautkan_artikel, name="tiket_tautkan_artikel"),
    path(
        "antrean/<int:pk>/balasan/<int:balasan_pk>/artikel/",
        tiket_staf.tiket_jadikan_artikel,
        name="tiket_jadikan_artikel",
    ),
    path("eskalasi/<int:pk>/jawab/", tiket_staf.eskalasi_jawab, name="eskalasi_jawab"),
    path("lampiran/<int:pk>/", tiket_staf.lampiran_unduh, name="lampiran_unduh"),
    path("kepuasan/", tiket_staf.kepuasan_rekap, name="kepuasan_rekap"),
    path("artikel/", bantuan.artikel_list, name="artikel_list"),
    path("artikel/baru/", bantuan.artikel_create, name="artikel_create"),
    path("artikel/<int:pk>/ubah/", bantuan.artikel_update, name="artikel_update"),
    path("kelola/pelatihan/", pelatihan.pelatihan_kelola, name="pelatihan_kelola"),
    path("kelola/pelatihan/baru/", pelatihan.pelatihan_create, name="pelatihan_create"),
    path("kelola/pelatihan/<int:pk>/", pelatihan.pelatihan_peserta, name="pelatihan_peserta"),
    path("kelola/pelatihan/<int:pk>/ubah/", pelatihan.pelatihan_update, name="pelatihan_update"),
    path("kelola/pelatihan/<int:pk>/sertifikat/", pelatihan.pelatihan_sertifikat, name="pelatihan_sertifikat"),
    path("kelola/peserta/<int:pk>/hadir/", pelatihan.peserta_hadir, name="peserta_hadir"),
    path("hadir/<str:kode>/", pelatihan.peserta_hadir_qr, name="peserta_hadir_qr"),
    path("kelola/masukan/", masukan.masukan_list, name="masukan_list"),
    path("kelola/masukan/<int:pk>/", masukan.masukan_detail, name="masukan_detail"),
]
