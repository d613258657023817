"""Request-level guards: second factor for sensitive roles, idle timeout of staff sessions."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

from lpse_portal.akses import punya_peran
from lpse_portal.kueri import satu_baris

# BSSN 4/2021 and the issue: these roles work with personal data or decide on accounts.
PERAN_WAJIB_DUA_FAKTOR = ("pembina", "kepala_lpse", "verifikator", "admin_sistem")
_JALUR_BEBAS = ("/accounts/dua-faktor/", "/accounts/logout/", "/static/", "/healthz/")


def butuh_dua_faktor(user) -> bool:
    if not user.is_authenticated or settings.DEMO_MODE:
        return False
    return user.is_superuser or punya_peran(user, *PERAN_WAJIB_DUA_FAKTOR)


class WajibDuaFaktorMiddleware:
    """Send a user of a sensitive role to the TOTP step until this session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_JALUR_BEBAS)
            and butuh_dua_faktor(user)
            and not user.is_verified()
        ):
            tujuan = request.get_full_path()
            if not url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
                tujuan = "/"
            return redirect(f"{reverse('dua_faktor')}?{urlencode({'next': tujuan})}")
        return self.get_response(request)


class OTPMiddlewarePortal(OTPMiddleware):
    """django_otp's middleware, reading the session's TOTP device with one prepared SELECT
    (lpse_portal/kueri.py) instead of a compiled queryset on every staff request. The checks
    after the read (the device belongs to the user, is confirmed) are django_otp's own."""

    _TOTP = TOTPDevice.model_label()

    def _device_from_persistent_id(self, persistent_id: str):
        label, _, pk = self._normalize_persistent_id(persistent_id).rpartition("/")
        if label == self._TOTP and pk.isdigit():
            return satu_baris(TOTPDevice, "id = %s", [int(pk)])
        return super()._device_from_persistent_id(persistent_id)


class BatasDiamSesiMiddleware:
    """Staff sessions end after SESSION_IDLE_SECONDS without a request (30 minutes)."""

    KUNCI = "terakhir_aktif"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff:
            sekarang = int(time.time())
            terakhir = request.session.get(self.KUNCI)
            if terakhir is not None and sekarang - terakhir > settings.SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("Sesi Anda berakhir karena tidak aktif selama 30 menit. Silakan masuk lagi."))
                return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
            # Written at most once a minute: a session save per request is needless load.
            if terakhir is None or sekarang - terakhir >= 60:
                request.session[self.KUNCI] = sekarang
        return self.get_response(request)
