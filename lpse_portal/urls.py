from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from lpse_portal import views
from lpse_portal.akun import dua_faktor
from lpse_portal.akun import views as akun_views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("healthz/", views.healthz, name="healthz"),
    path("accounts/login/", akun_views.masuk, name="login"),
    path("accounts/dua-faktor/", dua_faktor.dua_faktor, name="dua_faktor"),
    path("accounts/dua-faktor/pasang/", dua_faktor.dua_faktor_pasang, name="dua_faktor_pasang"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password_change/", akun_views.ubah_kata_sandi, name="password_change"),
    path("accounts/password_change/done/", akun_views.ubah_kata_sandi_selesai, name="password_change_done"),
    path("accounts/password_reset/", akun_views.reset_kata_sandi, name="password_reset"),
    path("accounts/password_reset/done/", akun_views.reset_kata_sandi_terkirim, name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", akun_views.reset_kata_sandi_konfirmasi, name="password_reset_confirm"),
    path("accounts/reset/done/", akun_views.reset_kata_sandi_selesai, name="password_reset_complete"),
    path("admin/", admin.site.urls),
    path("organisasi/", include("organisasi.urls")),
    path("registrasi/", include("registrasi.urls")),
    path("layanan/", include("layanan.urls")),
    path("sistem/", include("sistem.urls")),
    path("sop/", include("sop.urls")),
    path("laporan/", include("laporan.urls")),
]

handler400 = "lpse_portal.errors.bad_request"
handler403 = "lpse_portal.errors.permission_denied"
handler404 = "lpse_portal.errors.page_not_found"
handler500 = "lpse_portal.errors.server_error"

if settings.BENCH_ENDPOINT:
    # The yardstick of bench/load.py: the same middleware stack, no view work at all.
    urlpatterns.append(path("bench/kosong/", views.kosong))
