"""Periodic reports for the LPSE's leadership: list, detail, run now, file downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from laporan import services
from laporan.forms import JalankanLaporanForm
from laporan.models import ReportFile, ReportRun
from lpse_portal.akses import client_ip
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat

PER_HALAMAN = 25


def _get_run_for_user(user, pk) -> ReportRun:
    return get_object_or_404(ReportRun.objects.visible_to(user).select_related("oleh"), pk=pk)


@permission_required("laporan.view_reportrun", raise_exception=True)
@require_GET
def laporan_list(request):
    qs = (
        ReportRun.objects.visible_to(request.user)
        .terbaru()
        .prefetch_related(Prefetch("berkas", queryset=ReportFile.objects.order_by("format")))
    )
    jenis = request.GET.get("jenis", "")
    if jenis in ReportRun.Jenis.values:
        qs = qs.filter(jenis=jenis)
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    boleh_jalankan = request.user.has_perm(services.IZIN_JALANKAN)
    return render(
        request,
        "laporan/laporan_list.html",
        {
            "page": page,
            "form": JalankanLaporanForm() if boleh_jalankan else None,
            "jenis_list": ReportRun.Jenis.choices,
            "jenis": jenis,
        },
    )


@permission_required("laporan.view_reportrun", raise_exception=True)
@require_GET
def laporan_detail(request, pk):
    run = _get_run_for_user(request.user, pk)
    boleh_jalankan = request.user.has_perm(services.IZIN_JALANKAN)
    ulang = None
    if boleh_jalankan and run.status in (ReportRun.Status.GAGAL, ReportRun.Status.BERHASIL):
        ulang = JalankanLaporanForm(initial={"jenis": run.jenis, "periode": run.periode.kode})
    return render(
        request,
        "laporan/laporan_detail.html",
        {
            "run": run,
            "berkas_list": run.berkas.order_by("format"),
            "riwayat": riwayat(run),
            "form_ulang": ulang,
        },
    )


@permission_required("laporan.jalankan_laporan", raise_exception=True)
@require_POST
def laporan_jalankan(request):
    form = JalankanLaporanForm(request.POST)
    if not form.is_valid():
        for galat in form.errors.values():
            for pesan in galat:
                messages.error(request, pesan)
        return redirect("laporan:laporan_list")
    data = form.cleaned_data
    try:
        run, dibuat = services.minta_laporan(
            jenis=data["jenis"],
            periode=data["periode_obj"],
            oleh=request.user,
            kunci_permintaan=data["kunci"] or None,
            ip=client_ip(request),
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
        return redirect("laporan:laporan_list")
    if dibuat:
        messages.success(
            request, _("Laporan %(p)s diantrekan; halaman ini menampilkan statusnya.") % {"p": run.periode.label}
        )
    else:
        messages.info(
            request,
            _("Laporan %(p)s sudah diminta dan sedang diproses (#%(n)s).") % {"p": run.periode.label, "n": run.pk},
        )
    return redirect("laporan:laporan_detail", pk=run.pk)


@permission_required("laporan.view_reportrun", raise_exception=True)
@require_GET
def berkas_unduh(request, pk):
    berkas = get_object_or_404(
        ReportFile.objects.filter(run__in=ReportRun.objects.visible_to(request.user)).select_related("run"), pk=pk
    )
    response = kirim_berkas(request, berkas.berkas, nama_unduhan=berkas.nama, objek=berkas.run, label=berkas.nama)
    response["Content-Type"] = berkas.mime
    return response
