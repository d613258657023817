"""The admin site of the portal: staff only, and only after the second factor."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


class SitusAdmin(admin.AdminSite):
    site_header = "Administrasi Portal LPSE Provinsi NTB"
    site_title = "Portal LPSE"
    index_title = "Administrasi"

    def has_permission(self, request):
        terverifikasi = settings.DEMO_MODE or request.user.is_verified()
        return super().has_permission(request) and terverifikasi

    def login(self, request, extra_context=None):
        # One login for the whole portal, with its second-factor step.
        tujuan = request.GET.get("next") or reverse("admin:index")
        if request.user.is_authenticated and request.user.is_staff:
            return redirect(f"{reverse('dua_faktor')}?{urlencode({'next': tujuan})}")
        return redirect_to_login(tujuan, reverse("login"))
