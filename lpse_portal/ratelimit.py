"""Fixed-window rate limits on public forms, counted in the shared cache (Redis).

A request over the limit gets a 429 page in Indonesian. When the cache is down the limit
is not enforced rather than taking the form down with it.
"""

import hashlib
import logging
import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

from lpse_portal.akses import client_ip

log = logging.getLogger(__name__)

_SATUAN = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _parse(rate: str) -> tuple[int, int]:
    jumlah, per = rate.split("/")
    angka = "".join(c for c in per if c.isdigit()) or "1"
    return int(jumlah), int(angka) * _SATUAN[per[-1]]


def melebihi_batas(kunci: str, rate: str) -> bool:
    """Count one hit for `kunci`; True when the window's limit is already used up."""
    batas, jendela = _parse(rate)
    bucket = int(time.time() // jendela)
    key = "rl:" + hashlib.sha256(f"{kunci}:{bucket}".encode()).hexdigest()[:32]
    try:
        cache.add(key, 0, timeout=jendela + 5)
        hitungan = cache.incr(key)
    except Exception:  # noqa: BLE001 - a cache outage must not block the public
        log.warning("Cache tidak tersedia; batas laju %s tidak diterapkan", kunci.split(":")[0])
        return False
    return hitungan > batas


def batasi_laju(nama: str, rate: str, *, methods=("POST",), kunci=None):
    """Limit a view per client IP (or per `kunci(request)`), e.g. @batasi_laju("tiket", "10/h")."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                ident = kunci(request) if kunci else client_ip(request)
                if melebihi_batas(f"{nama}:{ident}", rate):
                    return halaman_terlalu_banyak(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def halaman_terlalu_banyak(request):
    response = render(
        request,
        "429.html",
        {"pesan": _("Terlalu banyak permintaan dari alamat Anda. Silakan coba lagi beberapa saat lagi.")},
        status=429,
    )
    response["Retry-After"] = "60"
    return response
