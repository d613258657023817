"""E-reporting for PA/KPA/PPK/Pokja Pemilihan/Pejabat Pengadaan (Pergub Lampiran IV.1.c): the
figures that concern the signed-in official, on screen and as CSV. Only ever their own scope."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from laporan import statistik
from laporan.berkas import csv_bytes
from laporan.forms import FilterEReporting
from lpse_portal.akses import peran_diperlukan
from lpse_portal.audit import catat_akses


def _data(request):
    form = FilterEReporting(request.GET or None)
    periode = form.periode()
    return form, periode, statistik.ereporting(periode.mulai, periode.sampai, request.user)


@peran_diperlukan("pejabat_pengadaan")
@require_GET
def ereporting_detail(request):
    form, periode, tabel_list = _data(request)
    return render(
        request,
        "laporan/ereporting_detail.html",
        {"form": form, "periode": periode, "tabel_list": tabel_list, "query": request.GET.urlencode()},
    )


@peran_diperlukan("pejabat_pengadaan")
@require_GET
def ereporting_csv(request):
    _form, periode, tabel_list = _data(request)
    judul = [
        ["E-reporting LPSE", request.user.get_username()],
        ["Periode", periode.label, str(periode.mulai), str(periode.sampai)],
    ]
    catat_akses(request, jenis="unduh", label=f"E-reporting CSV {periode.label}")
    response = HttpResponse(csv_bytes(tabel_list, judul), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"e-reporting-{periode.kode}.csv")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response
