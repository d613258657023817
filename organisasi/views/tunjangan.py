"""Allowances and honoraria: rates with their legal basis, monthly lists, approval, exports."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lpse_portal.akses import client_ip
from lpse_portal.audit import catat_akses
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from organisasi import ekspor, services
from organisasi.forms.surat import FormCatatan
from organisasi.forms.tunjangan import FormAkhiriTarif, FormDasarHukum, FormSusunDaftar, FormTarif
from organisasi.models import DaftarTunjangan, DasarHukum, TarifTunjangan

PER_HALAMAN = 24


def _get_daftar_for_user(user, pk) -> DaftarTunjangan:
    return get_object_or_404(DaftarTunjangan.objects.visible_to(user).select_related("disetujui_oleh"), pk=pk)


@permission_required("organisasi.view_tariftunjangan", raise_exception=True)
def tarif_list(request):
    tarif = TarifTunjangan.objects.select_related("jabatan__unit", "dasar_hukum").order_by(
        "jabatan__unit__urutan", "jabatan__urutan", "-berlaku_mulai", "pk"
    )
    dasar = DasarHukum.objects.annotate(jumlah_tarif=Count("tarif")).order_by("-tanggal", "pk")
    return render(request, "organisasi/tarif_list.html", {"tarif_list": tarif, "dasar_list": dasar})


@permission_required("organisasi.kelola_tarif_tunjangan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def tarif_create(request):
    form = FormTarif(request.POST or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            services.catat_tarif(
                jabatan_id=f["jabatan"].pk,
                jenis=f["jenis"],
                besaran=f["besaran"],
                berlaku_mulai=f["berlaku_mulai"],
                berlaku_sampai=f["berlaku_sampai"],
                dasar_hukum_id=f["dasar_hukum"].pk,
                keterangan=f["keterangan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Tarif dicatat."))
            return redirect("organisasi:tarif_list")
    return render(
        request,
        "organisasi/sekretariat_form.html",
        {"form": form, "judul": _("Catat tarif tunjangan/honorarium"), "batal": reverse("organisasi:tarif_list")},
    )


@permission_required("organisasi.kelola_tarif_tunjangan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def tarif_akhiri(request, pk):
    tarif = get_object_or_404(TarifTunjangan.objects.select_related("jabatan"), pk=pk)
    form = FormAkhiriTarif(request.POST or None, initial={"berlaku_sampai": tarif.berlaku_sampai})
    if request.method == "POST" and form.is_valid():
        try:
            services.akhiri_tarif(
                tarif_id=tarif.pk,
                berlaku_sampai=form.cleaned_data["berlaku_sampai"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Masa berlaku tarif diperbarui."))
            return redirect("organisasi:tarif_list")
    judul = _("Akhiri tarif %(t)s") % {"t": tarif}
    return render(
        request,
        "organisasi/sekretariat_form.html",
        {"form": form, "judul": judul, "batal": reverse("organisasi:tarif_list")},
    )


@permission_required("organisasi.kelola_tarif_tunjangan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def dasarhukum_create(request):
    form = FormDasarHukum(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "berkas"}
        try:
            services.catat_dasar_hukum(
                data=data, berkas=form.cleaned_data["berkas"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Dasar hukum dicatat."))
            return redirect("organisasi:tarif_list")
    return render(
        request,
        "organisasi/sekretariat_form.html",
        {"form": form, "judul": _("Catat dasar hukum"), "batal": reverse("organisasi:tarif_list")},
    )


@permission_required("organisasi.view_tariftunjangan", raise_exception=True)
def dasarhukum_berkas(request, pk):
    dasar = get_object_or_404(DasarHukum, pk=pk)
    if not dasar.berkas:
        raise Http404
    return kirim_berkas(
        request,
        dasar.berkas,
        nama_unduhan=f"dasar-hukum-{dasar.pk}{os.path.splitext(dasar.berkas.name)[1]}",
        objek=dasar,
        label=str(dasar)[:200],
    )


@permission_required("organisasi.view_daftartunjangan", raise_exception=True)
def daftar_list(request):
    qs = DaftarTunjangan.objects.visible_to(request.user).annotate(jumlah_baris=Count("rincian"))
    page = Paginator(qs.order_by("-tahun", "-bulan"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "organisasi/daftar_list.html", {"page": page, "form": FormSusunDaftar()})


@permission_required("organisasi.susun_daftar_tunjangan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def daftar_create(request):
    form = FormSusunDaftar(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            daftar = services.susun_daftar_tunjangan(
                tahun=form.cleaned_data["tahun"],
                bulan=form.cleaned_data["bulan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Daftar %(p)s dihitung dari penugasan dan tarif.") % {"p": daftar.periode})
            return redirect("organisasi:daftar_detail", pk=daftar.pk)
    return render(
        request,
        "organisasi/sekretariat_form.html",
        {"form": form, "judul": _("Susun daftar tunjangan bulanan"), "batal": reverse("organisasi:daftar_list")},
    )


@permission_required("organisasi.view_daftartunjangan", raise_exception=True)
def daftar_detail(request, pk):
    daftar = _get_daftar_for_user(request.user, pk)
    return render(
        request,
        "organisasi/daftar_detail.html",
        {
            "daftar": daftar,
            "rincian_list": daftar.rincian.all(),
            "peristiwa_list": riwayat(daftar),
            "form_kembalikan": FormCatatan(label=_("Catatan pengembalian")),
        },
    )


def _aksi_daftar(request, pk, layanan, pesan_berhasil, **extra):
    daftar = _get_daftar_for_user(request.user, pk)
    try:
        layanan(daftar_id=daftar.pk, oleh=request.user, ip=client_ip(request), **extra)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, pesan_berhasil)
    return redirect("organisasi:daftar_detail", pk=daftar.pk)


@permission_required("organisasi.susun_daftar_tunjangan", raise_exception=True)
@require_POST
def daftar_hitung(request, pk):
    daftar = _get_daftar_for_user(request.user, pk)
    try:
        services.susun_daftar_tunjangan(
            tahun=daftar.tahun, bulan=daftar.bulan, oleh=request.user, ip=client_ip(request)
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Daftar dihitung ulang."))
    return redirect("organisasi:daftar_detail", pk=daftar.pk)


@permission_required("organisasi.susun_daftar_tunjangan", raise_exception=True)
@require_POST
def daftar_ajukan(request, pk):
    return _aksi_daftar(request, pk, services.ajukan_daftar_tunjangan, _("Daftar diajukan ke Kepala LPSE."))


@permission_required("organisasi.setujui_daftar_tunjangan", raise_exception=True)
@require_POST
def daftar_setujui(request, pk):
    return _aksi_daftar(request, pk, services.setujui_daftar_tunjangan, _("Daftar disetujui."))


@permission_required("organisasi.setujui_daftar_tunjangan", raise_exception=True)
@require_POST
def daftar_kembalikan(request, pk):
    catatan = request.POST.get("catatan", "")[:2000]
    return _aksi_daftar(
        request, pk, services.kembalikan_daftar_tunjangan, _("Daftar dikembalikan ke Sekretariat."), catatan=catatan
    )


@permission_required("organisasi.view_daftartunjangan", raise_exception=True)
def daftar_ekspor(request, pk, format):
    daftar = _get_daftar_for_user(request.user, pk)
    if format not in ("xlsx", "pdf"):
        raise Http404
    rincian = list(daftar.rincian.all())
    # Names and NIPs leave the portal: recorded like any export of personal data.
    catat_akses(request, jenis="ekspor", objek=daftar, label=f"Daftar tunjangan {daftar.periode} ({format})")
    if format == "xlsx":
        return ekspor.daftar_tunjangan_xlsx(daftar, rincian)
    return ekspor.pdf(
        "organisasi/daftar_pdf.html",
        {"daftar": daftar, "rincian_list": rincian},
        f"tunjangan-{daftar.tahun}-{daftar.bulan:02d}.pdf",
    )
