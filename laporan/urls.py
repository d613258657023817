from django.urls import path

from laporan.views import ereporting, periodik

app_name = "laporan"

urlpatterns: list = [
    # --- laporan periodik and e-reporting (fitur/laporan-periodik) ---
    path("periodik/", periodik.laporan_list, name="laporan_list"),
    path("periodik/jalankan/", periodik.laporan_jalankan, name="laporan_jalankan"),
    path("periodik/<int:pk>/", periodik.laporan_detail, name="laporan_detail"),
    path("periodik/berkas/<int:pk>/", periodik.berkas_unduh, name="berkas_unduh"),
    path("e-reporting/", ereporting.ereporting_detail, name="ereporting_detail"),
    path("e-reporting/csv/", ereporting.ereporting_csv, name="ereporting_csv"),
    # --- end laporan periodik ---
]
