"""The verifikator's work: the queue, one file with its documents, and the decisions (II.5.b.3, 5)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.paginasi import PaginatorTerbatas
from lpse_portal.peristiwa import riwayat
from registrasi import baris as baris_tabel
from registrasi import services
from registrasi.forms import FilterAntrean, FormAlasan, FormCatatan, FormJadwal, FormPeriksaDokumen
from registrasi.models import Dokumen, Pendaftaran
from registrasi.models.penyedia import lampirkan_ringkasan_dokumen

IZIN = "registrasi.verifikasi_pendaftaran"
PER_HALAMAN = 25


def _get_pendaftaran_for_user(user, pk) -> Pendaftaran:
    qs = Pendaftaran.objects.visible_to(user).select_related("penyedia__bentuk_usaha", "penyedia__user", "verifikator")
    return get_object_or_404(qs, pk=pk)


def _saring_antrean(qs, f: dict):
    if f.get("status"):
        qs = qs.filter(status=f["status"])
    if f.get("umur"):
        qs = qs.filter(antre_sejak__lt=timezone.now() - datetime.timedelta(days=int(f["umur"])))
    if f.get("bentuk_usaha"):
        qs = qs.filter(penyedia__bentuk_usaha=f["bentuk_usaha"])
    temuan = f.get("temuan")
    if temuan == "ada":
        qs = qs.filter(Q(pra_format=True) | Q(pra_duplikat=True) | Q(pra_daftar_hitam=True))
    elif temuan == "bersih":
        qs = qs.filter(pra_format=False, pra_duplikat=False, pra_daftar_hitam=False)
    elif temuan in ("format", "duplikat", "daftar_hitam"):
        qs = qs.filter(**{f"pra_{temuan}": True})
    return qs


@permission_required(IZIN, raise_exception=True)
def antrean(request):
    """Files waiting for verification, oldest first, with their pre-check flags."""
    filter_form = FilterAntrean(request.GET or None)
    qs = Pendaftaran.objects.visible_to(request.user).antrean_verifikasi()
    if filter_form.is_valid():
        qs = _saring_antrean(qs, filter_form.cleaned_data)
    page = PaginatorTerbatas(qs, PER_HALAMAN, simpan_hitungan=True).get_page(request.GET.get("halaman"))
    baris = baris_tabel.antrean_verifikasi(lampirkan_ringkasan_dokumen(list(page.object_list)))
    return render(request, "registrasi/antrean.html", {"page": page, "baris": baris, "filter_form": filter_form})


@permission_required(IZIN, raise_exception=True)
def pendaftaran_detail(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    dokumen = list(p.dokumen_terkini().select_related("diperiksa_oleh"))
    pemegang = p.status == Pendaftaran.Status.DIVERIFIKASI and p.verifikator_id == request.user.pk
    baris = [
        {
            "dokumen": d,
            "form": FormPeriksaDokumen(dokumen=d) if pemegang and d.keadaan == Dokumen.Keadaan.USULAN else None,
        }
        for d in dokumen
    ]
    versi_lama = p.penyedia.dokumen.exclude(pk__in=[d.pk for d in dokumen]).select_related("jenis", "diunggah_oleh")
    return render(
        request,
        "registrasi/pendaftaran_detail.html",
        {
            "pendaftaran": p,
            "penyedia": p.penyedia,
            "baris_list": baris,
            "versi_lama": versi_lama,
            "pemegang": pemegang,
            "semua_valid": bool(dokumen) and all(d.hasil == Dokumen.Hasil.VALID for d in dokumen),
            "form_jadwal": FormJadwal(
                initial={
                    "mode": p.mode_verifikasi or Pendaftaran.Mode.DARING,
                    "waktu": p.jadwal_verifikasi,
                    "tempat": p.tempat_verifikasi,
                    "tautan": p.tautan_verifikasi,
                }
            ),
            "form_catatan": FormCatatan(initial={"catatan": p.catatan_perbaikan}),
            "form_tolak": FormAlasan(),
            "peristiwa_list": riwayat(p),
        },
    )


def _jalankan(request, p, fungsi, berhasil: str, **kwargs):
    try:
        fungsi(oleh=request.user, ip=client_ip(request), **kwargs)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, berhasil)
    return redirect("registrasi:pendaftaran_detail", pk=p.pk)


@permission_required(IZIN, raise_exception=True)
@require_POST
def pendaftaran_ambil(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    return _jalankan(
        request, p, services.ambil_pendaftaran, _("Berkas diambil untuk diverifikasi."), pendaftaran_id=p.pk
    )


@permission_required(IZIN, raise_exception=True)
@require_POST
def pendaftaran_lepas(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    return _jalankan(request, p, services.lepas_pendaftaran, _("Berkas dikembalikan ke antrean."), pendaftaran_id=p.pk)


@permission_required(IZIN, raise_exception=True)
@require_POST
def dokumen_periksa(request, pk):
    dok = get_object_or_404(Dokumen.objects.visible_to(request.user).select_related("jenis"), pk=pk)
    form = FormPeriksaDokumen(request.POST, dokumen=dok)
    tujuan = (
        redirect("registrasi:perubahan_detail", pk=dok.perubahan_id)
        if dok.perubahan_id
        else redirect("registrasi:pendaftaran_detail", pk=dok.pendaftaran_id)
    )
    if not form.is_valid():
        for kesalahan in form.errors.values():
            messages.error(request, f"{dok.jenis.nama}: {kesalahan[0]}")
        return tujuan
    f = form.cleaned_data
    try:
        services.periksa_dokumen(
            dokumen_id=dok.pk,
            hasil=f["hasil"],
            alasan_id=f["alasan"].pk if f.get("alasan") else None,
            catatan=f.get("catatan", ""),
            nomor=f.get("nomor") if "nomor" in form.fields else None,
            berlaku_sampai=f.get("berlaku_sampai") if "berlaku_sampai" in form.fields else None,
            oleh=request.user,
            ip=client_ip(request),
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("%(j)s: %(h)s.") % {"j": dok.jenis.nama, "h": Dokumen.Hasil(f["hasil"]).label})
    return tujuan


@permission_required(IZIN, raise_exception=True)
@require_POST
def pendaftaran_jadwal(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    form = FormJadwal(request.POST)
    if not form.is_valid():
        messages.error(request, _("Jadwal belum tersimpan: periksa mode, tanggal dan jam."))
        return redirect("registrasi:pendaftaran_detail", pk=p.pk)
    f = form.cleaned_data
    return _jalankan(
        request,
        p,
        services.jadwalkan_verifikasi,
        _("Jadwal verifikasi tersimpan dan dikirim ke penyedia."),
        pendaftaran_id=p.pk,
        mode=f["mode"],
        waktu=f["waktu"],
        tempat=f["tempat"],
        tautan=f["tautan"],
    )


@permission_required(IZIN, raise_exception=True)
@require_POST
def pendaftaran_kembalikan(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    form = FormCatatan(request.POST)
    catatan = form.cleaned_data["catatan"] if form.is_valid() else ""
    return _jalankan(
        request,
        p,
        services.kembalikan_pendaftaran,
        _("Berkas dikembalikan ke penyedia untuk diperbaiki."),
        pendaftaran_id=p.pk,
        catatan=catatan,
    )


@permission_required(IZIN, raise_exception=True)
@require_POST
def pendaftaran_setujui(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    return _jalankan(
        request, p, services.setujui_pendaftaran, _("Pendaftaran disetujui; User ID aktif."), pendaftaran_id=p.pk
    )


@permission_required(IZIN, raise_exception=True)
@require_POST
def pendaftaran_tolak(request, pk):
    p = _get_pendaftaran_for_user(request.user, pk)
    form = FormAlasan(request.POST)
    if not form.is_valid():
        messages.error(request, _("Alasan penolakan wajib diisi."))
        return redirect("registrasi:pendaftaran_detail", pk=p.pk)
    return _jalankan(
        request,
        p,
        services.tolak_pendaftaran,
        _("Pendaftaran ditolak."),
        pendaftaran_id=p.pk,
        alasan=form.cleaned_data["alasan"],
    )
