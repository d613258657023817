"""Incidents and the availability they add up to."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from sistem import services
from sistem.forms import FilterInsiden, FormInsiden, FormLaporanLkpp, FormSelesaikanInsiden
from sistem.models import Insiden

PER_HALAMAN = 25


def _get_insiden_for_user(user, pk) -> Insiden:
    return get_object_or_404(Insiden.objects.visible_to(user), pk=pk)


@permission_required("sistem.view_insiden", raise_exception=True)
def insiden_list(request):
    filter_form = FilterInsiden(request.GET or None)
    qs = Insiden.objects.visible_to(request.user).prefetch_related("tiket_terkait")
    if filter_form.is_valid():
        f = filter_form.cleaned_data
        if f["status"] == "terbuka":
            qs = qs.terbuka()
        elif f["status"] == "selesai":
            qs = qs.filter(selesai__isnull=False)
        if f["layanan"]:
            qs = qs.filter(layanan=f["layanan"])
        if f["tingkat"]:
            qs = qs.filter(tingkat=f["tingkat"])
    page = Paginator(qs.order_by("-mulai", "-pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "sistem/insiden_list.html", {"page": page, "filter_form": filter_form})


@permission_required("sistem.view_insiden", raise_exception=True)
def insiden_detail(request, pk):
    insiden = _get_insiden_for_user(request.user, pk)
    return render(
        request,
        "sistem/insiden_detail.html",
        {"insiden": insiden, "tiket_list": insiden.tiket_terkait.all(), "peristiwa_list": riwayat(insiden)},
    )


@permission_required("sistem.add_insiden", raise_exception=True)
@require_http_methods(["GET", "POST"])
def insiden_create(request):
    form = FormInsiden(request.POST or None, initial={"mulai": timezone.localtime().replace(second=0, microsecond=0)})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "tiket"}
        try:
            insiden = services.simpan_insiden(
                data=data, tiket=form.cleaned_data["tiket"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Insiden dicatat."))
            return redirect("sistem:insiden_detail", pk=insiden.pk)
    return render(request, "sistem/insiden_form.html", {"form": form})


@permission_required("sistem.change_insiden", raise_exception=True)
@require_http_methods(["GET", "POST"])
def insiden_update(request, pk):
    insiden = _get_insiden_for_user(request.user, pk)
    tiket = ", ".join(insiden.tiket_terkait.values_list("nomor_tiket", flat=True))
    form = FormInsiden(request.POST or None, instance=insiden, initial={"tiket": tiket})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "tiket"}
        try:
            services.simpan_insiden(
                data=data,
                tiket=form.cleaned_data["tiket"],
                insiden_id=insiden.pk,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Insiden diperbarui."))
            return redirect("sistem:insiden_detail", pk=insiden.pk)
    return render(request, "sistem/insiden_form.html", {"form": form, "insiden": insiden})


@permission_required("sistem.change_insiden", raise_exception=True)
@require_http_methods(["GET", "POST"])
def insiden_selesaikan(request, pk):
    insiden = _get_insiden_for_user(request.user, pk)
    form = FormSelesaikanInsiden(
        request.POST or None,
        initial={
            "selesai": timezone.localtime().replace(second=0, microsecond=0),
            "penyebab": insiden.penyebab,
            "tindakan": insiden.tindakan,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.selesaikan_insiden(
                insiden_id=insiden.pk, oleh=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Insiden dinyatakan selesai."))
            return redirect("sistem:insiden_detail", pk=insiden.pk)
    judul = _("Selesaikan insiden")
    return render(request, "sistem/insiden_aksi.html", {"form": form, "insiden": insiden, "judul": judul})


@permission_required("sistem.change_insiden", raise_exception=True)
@require_http_methods(["GET", "POST"])
def insiden_lkpp(request, pk):
    insiden = _get_insiden_for_user(request.user, pk)
    form = FormLaporanLkpp(
        request.POST or None,
        initial={
            "nomor": insiden.nomor_laporan_lkpp,
            "tanggal": insiden.tanggal_laporan_lkpp or timezone.localdate(),
            "jawaban": insiden.jawaban_lkpp,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.laporkan_ke_lkpp(
                insiden_id=insiden.pk, oleh=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Laporan ke LKPP dicatat."))
            return redirect("sistem:insiden_detail", pk=insiden.pk)
    judul = _("Laporan ke LKPP")
    return render(request, "sistem/insiden_aksi.html", {"form": form, "insiden": insiden, "judul": judul})


@permission_required("sistem.view_insiden", raise_exception=True)
def ketersediaan(request):
    return render(
        request,
        "sistem/ketersediaan.html",
        {"baris_list": services.tabel_ketersediaan(), "layanan_list": Insiden.Layanan.choices},
    )
