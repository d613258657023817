"""Drafting and the approval workflow. Thin: role, scope (404), form, service, message, redirect."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lpse_portal.akses import client_ip, peran_diperlukan
from lpse_portal.exceptions import TransisiTidakSah
from organisasi.models import Unit
from sop import aturan, services
from sop.forms import (
    FormCatatan,
    FormSetujui,
    FormSOP,
    FormUbahSOP,
    FormVersi,
    FormVersiBaru,
    LangkahFormSet,
    langkah_urut,
)
from sop.views._umum import get_sop_for_user, get_versi_for_user


@peran_diperlukan(*aturan.PENYUSUN)
@require_http_methods(["GET", "POST"])
def sop_create(request):
    form = FormSOP(request.POST or None)
    if not aturan.penyusun_semua_unit(request.user):
        form.fields["unit"].queryset = Unit.objects.filter(pk__in=aturan.unit_koordinator(request.user))
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            versi = services.buat_sop(
                kode=f["kode"],
                judul=f["judul"],
                kategori_id=f["kategori"].pk,
                unit_id=f["unit"].pk,
                publik=f["publik"],
                interval_tinjauan_bulan=f["interval_tinjauan_bulan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("SOP dibuat dengan draf versi 1.0. Lengkapi isinya."))
            return redirect("sop:versi_update", pk=versi.pk)
    return render(request, "sop/sop_form.html", {"form": form})


@peran_diperlukan(*aturan.PENYUSUN)
@require_http_methods(["GET", "POST"])
def sop_update(request, pk):
    sop = get_sop_for_user(request.user, pk)
    form = FormUbahSOP(request.POST or None, instance=sop)
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_sop(
                sop_id=sop.pk,
                data={k: form.cleaned_data[k] for k in form.changed_data},
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Data SOP diperbarui."))
            return redirect("sop:sop_detail", pk=sop.pk)
    return render(request, "sop/sop_form.html", {"form": form, "sop": sop})


@peran_diperlukan(*aturan.PENINJAU)
@require_http_methods(["GET", "POST"])
def sop_tinjau(request, pk):
    """Record a periodic review that found nothing to change."""
    sop = get_sop_for_user(request.user, pk)
    form = FormCatatan(request.POST or None)
    form.fields["catatan"].label = _("Hasil tinjauan")
    if request.method == "POST" and form.is_valid():
        try:
            services.catat_tinjauan(
                sop_id=sop.pk, catatan=form.cleaned_data["catatan"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Hasil tinjauan dicatat; tinjauan berikutnya dijadwalkan."))
            return redirect("sop:sop_detail", pk=sop.pk)
    return render(
        request,
        "sop/sop_aksi.html",
        {"form": form, "sop": sop, "judul": _("Catat tinjauan berkala"), "tombol": _("Catat tinjauan")},
    )


@peran_diperlukan(*aturan.PENYUSUN)
@require_http_methods(["GET", "POST"])
def versi_create(request, pk):
    sop = get_sop_for_user(request.user, pk)
    form = FormVersiBaru(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            versi = services.buat_versi_baru(
                sop_id=sop.pk,
                jenis=form.cleaned_data["jenis"],
                alasan_perubahan=form.cleaned_data["alasan_perubahan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request, _("Draf versi %(nomor)s dibuat dari versi yang berlaku.") % {"nomor": versi.nomor}
            )
            return redirect("sop:versi_update", pk=versi.pk)
    return render(
        request,
        "sop/sop_aksi.html",
        {"form": form, "sop": sop, "judul": _("Susun versi baru"), "tombol": _("Buat draf")},
    )


@peran_diperlukan(*aturan.PENYUSUN)
@require_http_methods(["GET", "POST"])
def versi_update(request, pk):
    versi = get_versi_for_user(request.user, pk)
    if not versi.dapat_diubah:
        if versi.terkunci:
            messages.error(
                request, _("Versi SOP yang sudah disetujui tidak dapat diubah; buat versi baru untuk perubahan.")
            )
        else:
            messages.error(request, _("Versi berstatus %(s)s tidak dapat diubah.") % {"s": versi.get_status_display()})
        return redirect("sop:versi_detail", pk=versi.pk)
    awal = [
        {k: getattr(s, k) for k in ("uraian", "pelaksana", "masukan", "keluaran", "waktu")} | {"ORDER": s.urutan}
        for s in versi.langkah.all()
    ]
    form = FormVersi(request.POST or None, request.FILES or None, instance=versi)
    formset = LangkahFormSet(request.POST or None, initial=awal, prefix="langkah")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = {k: form.cleaned_data[k] for k in FormVersi.Meta.fields}
        try:
            services.ubah_draf(
                versi_id=versi.pk,
                data=data,
                langkah=langkah_urut(formset),
                berkas_ttd=form.cleaned_data.get("berkas_ttd"),
                hapus_berkas=form.cleaned_data.get("hapus_berkas", False),
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Draf disimpan."))
            return redirect("sop:versi_detail", pk=versi.pk)
    return render(request, "sop/versi_form.html", {"form": form, "formset": formset, "versi": versi, "sop": versi.sop})


def _aksi_post(request, pk, fungsi, pesan_sukses, **kwargs):
    versi = get_versi_for_user(request.user, pk)
    try:
        fungsi(versi_id=versi.pk, oleh=request.user, ip=client_ip(request), **kwargs)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, pesan_sukses)
    return redirect("sop:versi_detail", pk=versi.pk)


@peran_diperlukan(*aturan.PENYUSUN)
@require_POST
def versi_ajukan(request, pk):
    return _aksi_post(request, pk, services.ajukan_tinjauan, _("Draf dikirim kepada Kepala LPSE untuk ditinjau."))


@peran_diperlukan(*aturan.PENINJAU)
@require_POST
def versi_teruskan(request, pk):
    return _aksi_post(
        request,
        pk,
        services.teruskan_ke_pembina,
        _("Versi diajukan kepada Pembina LPSE untuk disetujui."),
        catatan=request.POST.get("catatan", "")[:2000],
    )


def _aksi_form(request, pk, form, fungsi, judul, tombol, pesan_sukses, ambil):
    versi = get_versi_for_user(request.user, pk)
    if request.method == "POST" and form.is_valid():
        try:
            fungsi(versi_id=versi.pk, oleh=request.user, ip=client_ip(request), **ambil(form.cleaned_data))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, pesan_sukses)
            return redirect("sop:versi_detail", pk=versi.pk)
    return render(
        request,
        "sop/versi_aksi.html",
        {"form": form, "versi": versi, "sop": versi.sop, "judul": judul, "tombol": tombol},
    )


@peran_diperlukan(*aturan.PENINJAU, *aturan.PENGESAH)
@require_http_methods(["GET", "POST"])
def versi_kembalikan(request, pk):
    return _aksi_form(
        request,
        pk,
        FormCatatan(request.POST or None),
        services.kembalikan_versi,
        _("Kembalikan dengan catatan"),
        _("Kembalikan"),
        _("Versi dikembalikan kepada penyusun dengan catatan."),
        lambda f: {"catatan": f["catatan"]},
    )


@peran_diperlukan(*aturan.PENGESAH)
@require_http_methods(["GET", "POST"])
def versi_setujui(request, pk):
    return _aksi_form(
        request,
        pk,
        FormSetujui(request.POST or None),
        services.setujui_versi,
        _("Setujui versi SOP"),
        _("Setujui"),
        _("Versi SOP disetujui."),
        lambda f: {"tanggal_berlaku": f["tanggal_berlaku"], "catatan": f["catatan"]},
    )


@peran_diperlukan(*aturan.PENYUSUN)
@require_http_methods(["GET", "POST"])
def versi_batalkan(request, pk):
    form = FormCatatan(request.POST or None)
    form.fields["catatan"].label = _("Alasan pembatalan")
    return _aksi_form(
        request,
        pk,
        form,
        services.batalkan_draf,
        _("Batalkan draf"),
        _("Batalkan draf"),
        _("Draf dibatalkan."),
        lambda f: {"alasan": f["catatan"]},
    )
