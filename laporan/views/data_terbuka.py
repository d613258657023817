"""Open data (issue 7.5): a public page and the same figures as CSV and JSON."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from laporan import data_terbuka as dt

# Public aggregates, recomputed at most every few minutes: proxies may keep them as long.
_SIMPAN = cache_control(public=True, max_age=300)


@login_not_required
@require_GET
def data_terbuka(request):
    return render(request, "laporan/data_terbuka.html", {"data": dt.statistik(), "kolom": dt.KOLOM})


@login_not_required
@require_GET
@_SIMPAN
def data_terbuka_csv(request):
    respons = HttpResponse(dt.sebagai_csv(dt.statistik()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    respons["Content-Disposition"] = 'attachment; filename="statistik-lpse-ntb.csv"'
    return respons


@login_not_required
@require_GET
@_SIMPAN
def data_terbuka_json(request):
    return HttpResponse(dt.sebagai_json(dt.statistik()).encode("utf-8"), content_type="application/json; charset=utf-8")
