"""The staff dashboard (issue 7.1): role-aware panels with charts and their tables."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from laporan.dasbor import data_dasbor
from lpse_portal.akses import peran_diperlukan
from organisasi.peran import PERAN_STAF


@peran_diperlukan(*PERAN_STAF)
@require_GET
def dasbor(request):
    panel_list = data_dasbor(request.user)
    grafik = {b["id"]: b["grafik"] for p in panel_list for b in p["bagian"] if b["grafik"]}
    return render(
        request,
        "laporan/dasbor.html",
        {"panel_list": panel_list, "grafik": grafik, "hari_ini": timezone.localdate()},
    )
