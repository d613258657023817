from django.urls import path

from organisasi import views

app_name = "organisasi"

urlpatterns = [
    path("bagan/", views.bagan, name="bagan"),
    path("pegawai/", views.pegawai_list, name="pegawai_list"),
    path("pegawai/baru/", views.pegawai_create, name="pegawai_create"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", views.pegawai_update, name="pegawai_update"),
    path("pegawai/<int:pk>/nik/", views.pegawai_nik, name="pegawai_nik"),
    path("pegawai/<int:pk>/akun/", views.pegawai_akun, name="pegawai_akun"),
    path("pegawai/<int:pk>/kualifikasi/baru/", views.kualifikasi_create, name="kualifikasi_create"),
    path("pegawai/<int:pk>/riwayat/baru/", views.riwayat_create, name="riwayat_create"),
    path("penugasan/baru/", views.penugasan_create, name="penugasan_create"),
    path("penugasan/<int:pk>/akhiri/", views.penugasan_akhiri, name="penugasan_akhiri"),
    path("penugasan/<int:pk>/berkas/<slug:jenis>/", views.penugasan_berkas, name="penugasan_berkas"),
]
