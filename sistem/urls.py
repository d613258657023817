from django.urls import path

from sistem.views import aset, cadangan, insiden, instruksi

app_name = "sistem"

urlpatterns = [
    path("cadangan/", cadangan.cadangan_list, name="cadangan_list"),
    path("cadangan/jalankan/", cadangan.cadangan_jalankan, name="cadangan_jalankan"),
    path("cadangan/verifikasi/", cadangan.cadangan_verifikasi, name="cadangan_verifikasi"),
    path("cadangan/<int:pk>/", cadangan.cadangan_detail, name="cadangan_detail"),
    path("cadangan/<int:pk>/simpan/", cadangan.cadangan_simpan, name="cadangan_simpan"),
    path("kapasitas/", cadangan.kapasitas, name="kapasitas"),
    path("insiden/", insiden.insiden_list, name="insiden_list"),
    path("insiden/baru/", insiden.insiden_create, name="insiden_create"),
    path("insiden/<int:pk>/", insiden.insiden_detail, name="insiden_detail"),
    path("insiden/<int:pk>/ubah/", insiden.insiden_update, name="insiden_update"),
    path("insiden/<int:pk>/selesaikan/", insiden.insiden_selesaikan, name="insiden_selesaikan"),
    path("insiden/<int:pk>/lkpp/", insiden.insiden_lkpp, name="insiden_lkpp"),
    path("ketersediaan/", insiden.ketersediaan, name="ketersediaan"),
    path("aset/", aset.aset_list, name="aset_list"),
    path("aset/baru/", aset.aset_create, name="aset_create"),
    path("aset/<int:pk>/", aset.aset_detail, name="aset_detail"),
    path("aset/<int:pk>/ubah/", aset.aset_update, name="aset_update"),
    path("aset/<int:pk>/pemeliharaan/baru/", aset.pemeliharaan_create, name="pemeliharaan_create"),
    path("instruksi/", instruksi.instruksi_list, name="instruksi_list"),
    path("instruksi/baru/", instruksi.instruksi_create, name="instruksi_create"),
    path("instruksi/<int:pk>/", instruksi.instruksi_detail, name="instruksi_detail"),
    path("instruksi/<int:pk>/kerjakan/", instruksi.instruksi_kerjakan, name="instruksi_kerjakan"),
    path("instruksi/<int:pk>/selesaikan/", instruksi.instruksi_selesaikan, name="instruksi_selesaikan"),
]
