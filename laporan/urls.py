from django.urls import path

from laporan.views import dasbor, data_terbuka, ereporting, periodik

app_name = "laporan"

urlpatterns = [
    # --- dasbor dan data terbuka ---
    path("", dasbor.dasbor, name="dasbor"),
    path("data-terbuka/", data_terbuka.data_terbuka, name="data_terbuka"),
    path("data-terbuka/statistik.csv", data_terbuka.data_terbuka_csv, name="data_terbuka_csv"),
    path("data-terbuka/statistik.json", data_terbuka.data_terbuka_json, name="data_terbuka_json"),
    # --- laporan periodik and e-reporting ---
    path("periodik/", periodik.laporan_list, name="laporan_list"),
    path("periodik/jalankan/", periodik.laporan_jalankan, name="laporan_jalankan"),
    path("periodik/<int:pk>/", periodik.laporan_detail, name="laporan_detail"),
    path("periodik/berkas/<int:pk>/", periodik.berkas_unduh, name="berkas_unduh"),
    path("e-reporting/", ereporting.ereporting_detail, name="ereporting_detail"),
    path("e-reporting/csv/", ereporting.ereporting_csv, name="ereporting_csv"),
]
