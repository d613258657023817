"""The applicant's session: an applicant has no active login before approval, so the draft is
reached through the confirmation link or the user ID and password ("lanjutkan pendaftaran"),
and the session remembers which one registration it may touch."""

from functools import wraps
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare

from registrasi.models import Pendaftaran

KUNCI = "registrasi_pendaftar"


def masukkan(request, pendaftaran: Pendaftaran) -> None:
    """Let this browser work on this registration (a new session key: no fixation)."""
    request.session.cycle_key()
    request.session[KUNCI] = {"p": pendaftaran.pk, "h": pendaftaran.penyedia.user.get_session_auth_hash()}


def keluarkan(request) -> None:
    request.session.pop(KUNCI, None)


def pendaftaran_sesi(request) -> int | None:
    data = request.session.get(KUNCI)
    return data.get("p") if isinstance(data, dict) else None


def pendaftar_diperlukan(view):
    """A logged-in user, or an applicant with a session; others go to "lanjutkan pendaftaran"."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and pendaftaran_sesi(request) is None:
            return redirect(f"{reverse('registrasi:lanjutkan')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    wrapper.login_required = False
    return wrapper


def get_pendaftaran_for_pendaftar(request, pk: int) -> Pendaftaran:
    """The applicant's own registration; 404 for any other (vendor A never sees vendor B's)."""
    qs = Pendaftaran.objects.select_related("penyedia__bentuk_usaha", "penyedia__user", "verifikator")
    if request.user.is_authenticated:
        return get_object_or_404(qs, pk=pk, penyedia__user=request.user)
    data = request.session.get(KUNCI) or {}
    if data.get("p") != pk:
        raise Http404
    p = get_object_or_404(qs, pk=pk)
    # A changed password ends the applicant's other sessions, as it does for a login.
    if not constant_time_compare(data.get("h", ""), p.penyedia.user.get_session_auth_hash()):
        keluarkan(request)
        raise Http404
    return p


def pelaku(request, pendaftaran: Pendaftaran):
    """The acting user for the services: the login, or the applicant's inactive account."""
    return request.user if request.user.is_authenticated else pendaftaran.penyedia.user
