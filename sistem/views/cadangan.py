"""Backups and capacity: admin_sistem only."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from sistem import services
from sistem.kapasitas import baca_kapasitas
from sistem.models import BackupRun, Cadangan

IZIN = "sistem.kelola_cadangan"


def _get_cadangan_for_user(user, pk) -> Cadangan:
    # Backups hold every document of the portal: only their keepers see them.
    return get_object_or_404(Cadangan, pk=pk)


@permission_required(IZIN, raise_exception=True)
def cadangan_list(request):
    cadangan = Cadangan.objects.tersedia().terbaru()
    runs = Paginator(BackupRun.objects.terbaru(), 20).get_page(request.GET.get("halaman"))
    return render(
        request,
        "sistem/cadangan_list.html",
        {"cadangan_list": cadangan, "page": runs, "status": services.status_backup()},
    )


@permission_required(IZIN, raise_exception=True)
def cadangan_detail(request, pk):
    cadangan = _get_cadangan_for_user(request.user, pk)
    return render(
        request,
        "sistem/cadangan_detail.html",
        {
            "cadangan": cadangan,
            "run_list": cadangan.runs.select_related("oleh").order_by("-started_at"),
            "peristiwa_list": riwayat(cadangan),
            "tabel": sorted(cadangan.manifest.get("basis_data", {}).get("tabel", {}).items()),
        },
    )


@permission_required(IZIN, raise_exception=True)
@require_POST
def cadangan_jalankan(request):
    services.minta_cadangan(oleh=request.user, ip=client_ip(request))
    messages.success(request, _("Pencadangan dijadwalkan; hasilnya muncul di riwayat dalam beberapa menit."))
    return redirect("sistem:cadangan_list")


@permission_required(IZIN, raise_exception=True)
@require_POST
def cadangan_verifikasi(request):
    try:
        services.minta_verifikasi(oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Verifikasi cadangan terbaru dijadwalkan."))
    return redirect("sistem:cadangan_list")


@permission_required(IZIN, raise_exception=True)
@require_POST
def cadangan_simpan(request, pk):
    cadangan = _get_cadangan_for_user(request.user, pk)
    simpan = request.POST.get("simpan") == "1"
    try:
        services.tandai_simpan(cadangan_id=cadangan.pk, simpan=simpan, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            _("Cadangan ditandai simpan permanen.") if simpan else _("Tanda simpan permanen dilepas."),
        )
    return redirect("sistem:cadangan_detail", pk=cadangan.pk)


@permission_required("sistem.lihat_kapasitas", raise_exception=True)
def kapasitas(request):
    return render(
        request, "sistem/kapasitas.html", {"bacaan_list": baca_kapasitas(), "status": services.status_backup()}
    )
