"""Public pages kept rendered in the shared cache for anonymous visitors (issue 10).

The home page and the public forms do no database work, yet rendering base.html, its menus
and URL reversals cost several times the bare middleware stack (bench/load.py measured 0.12-0.2
of the bare view's throughput against the target of 0.6). The rendered HTML is the same for
every anonymous visitor but for one thing: the CSRF token of a form, which must be fresh per
visitor. So the cached copy holds a marker where the token was, and each response gets a newly
masked token for this visitor's secret (get_token, as {% csrf_token %} would).

Only plain anonymous GETs are served from the cache: no query string, no session or messages
cookie (a flash message, a half-finished form or a logged-in user always gets a fresh render).
Entries expire after `detik`; the key carries the language and the static files' version.
Each process also keeps the copies it has read for a few seconds (SALINAN_LOKAL_DETIK), which
saves the Redis round trip of a 30 kB page on a busy public page; a version bump still changes
the key at once.

A page that shows rows (the ticket form's categories, the requirements) names its models in
`bergantung_pada`: every save or delete of one of them bumps a version counter in the cache
that is part of the key, so an edit shows on the next request, not after `detik`. Those models
are only ever changed through save() or the admin (no queryset.update), which fires the signals.
"""

import contextlib
import hashlib
import logging
import re
import threading
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

PENANDA = "__TOKEN_CSRF_HALAMAN_TERSIMPAN__"
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)(")')
_KUKI_BIASA = {settings.CSRF_COOKIE_NAME}
SALINAN_LOKAL_DETIK = 5
_lokal: dict[str, tuple[float, tuple]] = {}
# Headers the middleware adds to every response anyway; the view's own are kept.
_HEADER_LEWAT = {"set-cookie", "content-length"}


def _boleh(request) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and not set(request.COOKIES) - _KUKI_BIASA
    )


def _kunci_versi(model) -> str:
    return f"versi-model:{model._meta.label_lower}"


# Versions read once per request. A staff list page asked the cache for the versions of its
# reference tables three or four times (calendar, SLA targets, filter choices, page count), a
# round trip each; within one request they are now read in two round trips at most and kept
# until the request ends or this process bumps a version. Outside a request (tasks, commands)
# every read goes to the cache, as before.
_dipantau: set[str] = set()
_permintaan = threading.local()


def _mulai_permintaan(**kwargs):
    _permintaan.versi = {}


def _akhiri_permintaan(**kwargs):
    _permintaan.versi = None


request_started.connect(_mulai_permintaan, dispatch_uid="halaman-tersimpan-versi-mulai")
request_finished.connect(_akhiri_permintaan, dispatch_uid="halaman-tersimpan-versi-akhir")


def _baca_versi(kunci: list[str]) -> dict:
    versi = getattr(_permintaan, "versi", None)
    if versi is None:
        return cache.get_many(kunci)
    if not versi.keys() >= set(kunci):
        # The first read takes only what it asks for (a cached public page needs one or two
        # versions); a second one takes every watched version still unread, so a staff page
        # pays two round trips whatever it reads after that.
        baca = sorted(set(kunci) if not versi else (_dipantau | set(kunci)) - versi.keys())
        dibaca = cache.get_many(baca)
        versi.update({k: dibaca.get(k, 0) for k in baca})
    return versi


def naikkan_versi(kunci: str, umur: int | None = None) -> None:
    """Bump the version counter `kunci` in the cache now, and again once the transaction
    commits: another process that read the old rows in between must not keep them under the new
    version. A cache outage must not fail the write: what the cache holds expires on its own."""

    def naik():
        if getattr(_permintaan, "versi", None):
            _permintaan.versi = {}  # this request reads the new versions
        try:
            cache.add(kunci, 0, timeout=umur)
            cache.incr(kunci)
        except Exception:  # noqa: BLE001
            logger.warning("Cache tidak tersedia: versi %s tidak dinaikkan; simpanan berakhir sendiri.", kunci)

    naik()
    transaction.on_commit(naik)


def _naikkan_versi(sender, **kwargs):
    naikkan_versi(_kunci_versi(sender))


def naikkan_versi_model(model) -> None:
    """For a bulk write (queryset.update) to a watched model, which sends no signal."""
    naikkan_versi(_kunci_versi(model))


def pantau_model(model, *, tanpa_m2m: bool = False) -> None:
    """Bump `model`'s version in the cache on every save or delete of one of its rows.
    `tanpa_m2m`: what depends on the version never reads the model's many-to-many links."""
    uid = f"halaman-tersimpan:{model._meta.label_lower}"
    _dipantau.add(_kunci_versi(model))
    post_save.connect(_naikkan_versi, sender=model, dispatch_uid=uid + ":simpan", weak=False)
    post_delete.connect(_naikkan_versi, sender=model, dispatch_uid=uid + ":hapus", weak=False)
    # No many-to-many here: a model that has one needs m2m_changed as well.
    assert tanpa_m2m or not model._meta.many_to_many, f"{model} punya many-to-many: tambahkan m2m_changed"


def dipantau(model) -> bool:
    return _kunci_versi(model) in _dipantau


def versi_data(model_list) -> str:
    """The versions of `model_list` as one string, for a cache key (at most one round trip,
    none when this request has read them already)."""
    if not model_list:
        return ""
    kunci = [_kunci_versi(m) for m in model_list]
    nilai = _baca_versi(kunci)
    return ",".join(str(nilai.get(k, 0)) for k in kunci)


def _kunci(request, model_list=()) -> str:
    versi = getattr(settings, "VERSI_HALAMAN_TERSIMPAN", "1")
    mentah = f"{request.path}|{get_language()}|{versi}|{versi_data(model_list)}"
    return "halaman:" + hashlib.sha256(mentah.encode()).hexdigest()[:32]


def _baca(kunci: str):
    sekarang = time.monotonic()
    lokal = _lokal.get(kunci)
    if lokal and lokal[0] > sekarang:
        return lokal[1]
    tersimpan = cache.get(kunci)
    if tersimpan is not None:
        if len(_lokal) > 200:  # a handful of public pages; never let it grow
            _lokal.clear()
        _lokal[kunci] = (sekarang + SALINAN_LOKAL_DETIK, tersimpan)
    return tersimpan


def simpan_untuk_anonim(detik: int, *, bergantung_pada=()):
    for model in bergantung_pada:
        pantau_model(model)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _boleh(request):
                return view(request, *args, **kwargs)
            try:
                kunci = _kunci(request, bergantung_pada)
                tersimpan = _baca(kunci)
            except Exception:  # noqa: BLE001 - a cache outage renders the page as before
                return view(request, *args, **kwargs)
            if tersimpan is not None:
                isi, header = tersimpan
                if PENANDA in isi:
                    isi = isi.replace(PENANDA, get_token(request))
                response = HttpResponse(isi)
                for nama, nilai in header.items():
                    response[nama] = nilai
                return response
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:

                def simpan(r):
                    isi = _TOKEN.sub(rf"\g<1>{PENANDA}\g<3>", r.content.decode(r.charset))
                    header = {k: v for k, v in r.headers.items() if k.lower() not in _HEADER_LEWAT}
                    # A cache outage: not kept this time, the page is served all the same.
                    with contextlib.suppress(Exception):
                        cache.set(kunci, (isi, header), detik)

                if getattr(response, "is_rendered", True):
                    simpan(response)
                else:  # a TemplateResponse (LoginView) renders after the view returns
                    response.add_post_render_callback(simpan)
            return response

        return wrapper

    return decorator
