"""TOTP second factor (django-otp): set up once with an authenticator app, then verify at
every login. Required for pembina, kepala_lpse, verifikator, admin_sistem and the admin site."""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lpse_portal.ratelimit import batasi_laju


class FormKode(forms.Form):
    kode = forms.CharField(
        label=_l("Kode dari aplikasi autentikator"),
        max_length=16,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


def _tujuan(request):
    tujuan = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
        return "/"
    return tujuan


def _verifikasi(user, kode: str):
    kode = "".join(kode.split())
    for device in [*TOTPDevice.objects.devices_for_user(user), *StaticDevice.objects.devices_for_user(user)]:
        if device.verify_token(kode):
            return device
    return None


@batasi_laju("dua_faktor", "10/m", kunci=lambda r: f"{r.user.pk}")
@require_http_methods(["GET", "POST"])
def dua_faktor(request):
    """Verify this session with a TOTP code (or a one-time backup code)."""
    if not TOTPDevice.objects.devices_for_user(request.user).exists():
        return redirect(f"/accounts/dua-faktor/pasang/?next={_tujuan(request)}")
    form = FormKode(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _verifikasi(request.user, form.cleaned_data["kode"])
        if device is not None:
            otp_login(request, device)
            return redirect(_tujuan(request))
        form.add_error("kode", _("Kode tidak cocok atau sudah dipakai. Coba kode berikutnya."))
    return render(request, "akun/dua_faktor.html", {"form": form, "next": _tujuan(request)})


def _qr_svg(uri: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@batasi_laju("dua_faktor_pasang", "10/m", kunci=lambda r: f"{r.user.pk}")
@require_http_methods(["GET", "POST"])
def dua_faktor_pasang(request):
    """First-time setup: scan the QR, confirm with one code, receive backup codes once."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect("dua_faktor")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Aplikasi autentikator"}
    )
    form = FormKode(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token("".join(form.cleaned_data["kode"].split())):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            cadangan, _ = StaticDevice.objects.get_or_create(user=request.user, name="Kode cadangan")
            cadangan.token_set.all().delete()
            kode_cadangan = [StaticToken.random_token() for _ in range(10)]
            for kode in kode_cadangan:
                cadangan.token_set.create(token=kode)
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif."))
            return render(
                request, "akun/dua_faktor_cadangan.html", {"kode_cadangan": kode_cadangan, "next": _tujuan(request)}
            )
        form.add_error("kode", _("Kode tidak cocok. Pastikan jam ponsel Anda tepat, lalu coba lagi."))
    return render(
        request,
        "akun/dua_faktor_pasang.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "rahasia": base64.b32encode(device.bin_key).decode(),
            "next": _tujuan(request),
        },
    )
