from django.urls import path

from laporan import views

app_name = "laporan"

urlpatterns = [
    # --- dasbor dan data terbuka (fitur/laporan-dasbor) ---
    path("", views.dasbor, name="dasbor"),
    # --- akhir dasbor dan data terbuka ---
]
