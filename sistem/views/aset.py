"""Asset inventory and maintenance records."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from sistem import services
from sistem.forms import FilterAset, FormAset, FormPemeliharaan
from sistem.models import Aset

PER_HALAMAN = 25


def _get_aset_for_user(user, pk) -> Aset:
    return get_object_or_404(Aset.objects.visible_to(user), pk=pk)


@permission_required("sistem.view_aset", raise_exception=True)
def aset_list(request):
    filter_form = FilterAset(request.GET or None)
    qs = Aset.objects.visible_to(request.user).annotate(pemeliharaan_terakhir=Max("pemeliharaan__tanggal"))
    if filter_form.is_valid():
        f = filter_form.cleaned_data
        if f["q"]:
            qs = qs.filter(Q(kode__icontains=f["q"]) | Q(nama__icontains=f["q"]))
        if f["jenis"]:
            qs = qs.filter(jenis=f["jenis"])
        if f["status"]:
            qs = qs.filter(status=f["status"])
    page = Paginator(qs.order_by("jenis", "kode"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "sistem/aset_list.html",
        {"page": page, "filter_form": filter_form, "hari_ini": timezone.localdate()},
    )


@permission_required("sistem.view_aset", raise_exception=True)
def aset_detail(request, pk):
    aset = _get_aset_for_user(request.user, pk)
    return render(
        request,
        "sistem/aset_detail.html",
        {"aset": aset, "pemeliharaan_list": aset.pemeliharaan.select_related("dicatat_oleh")},
    )


@permission_required("sistem.add_aset", raise_exception=True)
@require_http_methods(["GET", "POST"])
def aset_create(request):
    form = FormAset(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            aset = services.simpan_aset(data=form.cleaned_data, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Aset dicatat."))
            return redirect("sistem:aset_detail", pk=aset.pk)
    return render(request, "sistem/aset_form.html", {"form": form})


@permission_required("sistem.change_aset", raise_exception=True)
@require_http_methods(["GET", "POST"])
def aset_update(request, pk):
    aset = _get_aset_for_user(request.user, pk)
    form = FormAset(request.POST or None, instance=aset)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_aset(
                data={k: form.cleaned_data[k] for k in form.changed_data},
                aset_id=aset.pk,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Aset diperbarui."))
            return redirect("sistem:aset_detail", pk=aset.pk)
    return render(request, "sistem/aset_form.html", {"form": form, "aset": aset})


@permission_required("sistem.add_pemeliharaan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pemeliharaan_create(request, pk):
    aset = _get_aset_for_user(request.user, pk)
    form = FormPemeliharaan(request.POST or None, initial={"tanggal": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.catat_pemeliharaan(
                aset_id=aset.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Pemeliharaan dicatat."))
            return redirect("sistem:aset_detail", pk=aset.pk)
    return render(request, "sistem/pemeliharaan_form.html", {"form": form, "aset": aset})
