"""LKPP technical instructions."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from sistem import services
from sistem.forms import FormInstruksi, FormSelesaikanInstruksi
from sistem.models import InstruksiLkpp

PER_HALAMAN = 25


def _get_instruksi_for_user(user, pk) -> InstruksiLkpp:
    return get_object_or_404(InstruksiLkpp.objects.visible_to(user), pk=pk)


@permission_required("sistem.view_instruksilkpp", raise_exception=True)
def instruksi_list(request):
    qs = InstruksiLkpp.objects.visible_to(request.user).prefetch_related("pelaksana")
    status = request.GET.get("status", "")
    if status in InstruksiLkpp.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-tanggal_diterima", "-pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "sistem/instruksi_list.html",
        {"page": page, "status": status, "status_list": InstruksiLkpp.Status.choices},
    )


@permission_required("sistem.view_instruksilkpp", raise_exception=True)
def instruksi_detail(request, pk):
    instruksi = _get_instruksi_for_user(request.user, pk)
    return render(
        request,
        "sistem/instruksi_detail.html",
        {"instruksi": instruksi, "pelaksana_list": instruksi.pelaksana.all(), "peristiwa_list": riwayat(instruksi)},
    )


@permission_required("sistem.add_instruksilkpp", raise_exception=True)
@require_http_methods(["GET", "POST"])
def instruksi_create(request):
    form = FormInstruksi(request.POST or None, initial={"tanggal_diterima": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            instruksi = services.catat_instruksi(data=form.cleaned_data, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Instruksi LKPP dicatat."))
            return redirect("sistem:instruksi_detail", pk=instruksi.pk)
    return render(request, "sistem/instruksi_form.html", {"form": form, "judul": _("Catat instruksi LKPP")})


@permission_required("sistem.change_instruksilkpp", raise_exception=True)
@require_POST
def instruksi_kerjakan(request, pk):
    instruksi = _get_instruksi_for_user(request.user, pk)
    try:
        services.kerjakan_instruksi(instruksi_id=instruksi.pk, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Instruksi mulai dikerjakan."))
    return redirect("sistem:instruksi_detail", pk=instruksi.pk)


@permission_required("sistem.change_instruksilkpp", raise_exception=True)
@require_http_methods(["GET", "POST"])
def instruksi_selesaikan(request, pk):
    instruksi = _get_instruksi_for_user(request.user, pk)
    form = FormSelesaikanInstruksi(
        request.POST or None, initial={"pelaksana": list(instruksi.pelaksana.values_list("pk", flat=True))}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.selesaikan_instruksi(
                instruksi_id=instruksi.pk,
                pelaksana=form.cleaned_data["pelaksana"],
                catatan=form.cleaned_data["catatan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Instruksi dinyatakan selesai."))
            return redirect("sistem:instruksi_detail", pk=instruksi.pk)
    return render(
        request,
        "sistem/instruksi_form.html",
        {"form": form, "instruksi": instruksi, "judul": _("Selesaikan instruksi")},
    )
