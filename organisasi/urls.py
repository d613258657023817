from django.urls import path

from organisasi.views import struktur

app_name = "organisasi"

urlpatterns = [
    path("bagan/", struktur.bagan, name="bagan"),
    path("pegawai/", struktur.pegawai_list, name="pegawai_list"),
    path("pegawai/baru/", struktur.pegawai_create, name="pegawai_create"),
    path("pegawai/<int:pk>/", struktur.pegawai_detail, name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", struktur.pegawai_update, name="pegawai_update"),
    path("pegawai/<int:pk>/nik/", struktur.pegawai_nik, name="pegawai_nik"),
    path("pegawai/<int:pk>/akun/", struktur.pegawai_akun, name="pegawai_akun"),
    path("pegawai/<int:pk>/kualifikasi/baru/", struktur.kualifikasi_create, name="kualifikasi_create"),
    path("pegawai/<int:pk>/riwayat/baru/", struktur.riwayat_create, name="riwayat_create"),
    path("penugasan/baru/", struktur.penugasan_create, name="penugasan_create"),
    path("penugasan/<int:pk>/akhiri/", struktur.penugasan_akhiri, name="penugasan_akhiri"),
    path("penugasan/<int:pk>/berkas/<slug:jenis>/", struktur.penugasan_berkas, name="penugasan_berkas"),
]
