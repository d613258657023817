"""The officials' requests: queue with the two-working-day target, and the decision."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lpse_portal.akses import client_ip
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from organisasi.kalender import Kalender
from registrasi import services
from registrasi.forms import FormAlasan
from registrasi.models import PermohonanPejabat

IZIN = "registrasi.verifikasi_pejabat"


def _get_permohonan_for_user(user, pk) -> PermohonanPejabat:
    qs = PermohonanPejabat.objects.visible_to(user).select_related("perangkat_daerah", "verifikator", "pejabat")
    return get_object_or_404(qs, pk=pk)


@permission_required(IZIN, raise_exception=True)
def pejabat_antrean(request):
    qs = PermohonanPejabat.objects.visible_to(request.user).antrean_verifikasi()
    page = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    kalender = Kalender.dari_database()
    hari_ini = timezone.localdate()
    for p in page:
        # Working days left to the target (negative: late), from the LPSE calendar.
        if p.tenggat >= hari_ini:
            p.sisa_hari_kerja = kalender.hari_kerja_antara(hari_ini, p.tenggat)
        else:
            p.sisa_hari_kerja = -kalender.hari_kerja_antara(p.tenggat, hari_ini)
    return render(request, "registrasi/pejabat_antrean.html", {"page": page})


@permission_required(IZIN, raise_exception=True)
def pejabat_detail(request, pk):
    permohonan = _get_permohonan_for_user(request.user, pk)
    return render(
        request,
        "registrasi/pejabat_detail.html",
        {"permohonan": permohonan, "form_tolak": FormAlasan(), "peristiwa_list": riwayat(permohonan)},
    )


@permission_required(IZIN, raise_exception=True)
def pejabat_berkas(request, pk):
    permohonan = _get_permohonan_for_user(request.user, pk)
    return kirim_berkas(
        request,
        permohonan.berkas_sk,
        nama_unduhan=f"sk-permohonan-{permohonan.pk}.pdf",
        objek=permohonan,
        inline=request.GET.get("lihat") == "1",
        label=f"SK permohonan pejabat {permohonan.pk}",
    )


def _jalankan(request, permohonan, fungsi, berhasil, **kwargs):
    try:
        fungsi(permohonan_id=permohonan.pk, oleh=request.user, ip=client_ip(request), **kwargs)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, berhasil)
    return redirect("registrasi:pejabat_detail", pk=permohonan.pk)


@permission_required(IZIN, raise_exception=True)
@require_POST
def pejabat_proses(request, pk):
    permohonan = _get_permohonan_for_user(request.user, pk)
    return _jalankan(request, permohonan, services.proses_permohonan_pejabat, _("Permohonan diproses."))


@permission_required(IZIN, raise_exception=True)
@require_POST
def pejabat_setujui(request, pk):
    permohonan = _get_permohonan_for_user(request.user, pk)
    return _jalankan(
        request,
        permohonan,
        services.setujui_permohonan_pejabat,
        _("Permohonan disetujui; akun dibuat dan tautan kata sandi dikirim."),
    )


@permission_required(IZIN, raise_exception=True)
@require_POST
def pejabat_tolak(request, pk):
    permohonan = _get_permohonan_for_user(request.user, pk)
    form = FormAlasan(request.POST)
    if not form.is_valid():
        messages.error(request, _("Alasan penolakan wajib diisi."))
        return redirect("registrasi:pejabat_detail", pk=permohonan.pk)
    return _jalankan(
        request,
        permohonan,
        services.tolak_permohonan_pejabat,
        _("Permohonan ditolak."),
        alasan=form.cleaned_data["alasan"],
    )
