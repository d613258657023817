from django.urls import path

from laporan import views

app_name = "laporan"

urlpatterns = [
    # --- dasbor dan data terbuka (fitur/laporan-dasbor) ---
    path("", views.dasbor, name="dasbor"),
    path("data-terbuka/", views.data_terbuka, name="data_terbuka"),
    path("data-terbuka/statistik.csv", views.data_terbuka_csv, name="data_terbuka_csv"),
    path("data-terbuka/statistik.json", views.data_terbuka_json, name="data_terbuka_json"),
    # --- akhir dasbor dan data terbuka ---
]
