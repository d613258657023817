"""Site-wide pages: home, health, and the error pages' views."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lpse_portal import health
from lpse_portal.halaman_tersimpan import simpan_untuk_anonim


@login_not_required
@require_GET
@simpan_untuk_anonim(60)  # short: the open-data figures of laporan show here
def beranda(request):
    return render(request, "beranda.html", {"statistik": _statistik_publik()})


def _statistik_publik():
    # The open-data figures (laporan/data_terbuka.py), cached there.
    from laporan.data_terbuka import statistik_beranda

    return statistik_beranda()


@login_not_required
@never_cache
@require_GET
def healthz(request):
    hasil = health.periksa_semua()
    gagal = [nama for nama, status, _ in hasil if status == health.GAGAL]
    body = {
        "status": "gagal" if gagal else "ok",
        "gagal": gagal,
        "komponen": {nama: {"status": status, "detail": detail} for nama, status, detail in hasil},
    }
    return JsonResponse(body, status=503 if gagal else 200, json_dumps_params={"ensure_ascii": False})


@login_not_required
def csrf_gagal(request, reason=""):
    return render(request, "403_csrf.html", status=403)


@login_not_required
def kosong(request):
    return HttpResponse("ok", content_type="text/plain")
