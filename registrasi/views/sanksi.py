"""The blacklist: the published list, the staff's sanctions, and deactivation requests."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lpse_portal.akses import client_ip
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.identitas import hanya_digit
from lpse_portal.paginasi import PaginatorTerbatas
from lpse_portal.peristiwa import riwayat, riwayat_gabungan
from registrasi.forms import FilterDaftarHitam, FormAkhirSanksi, FormAlasan, FormPenonaktifan, FormStatusSanksi
from registrasi.models.sanksi import DokumenSanksi, PermintaanPenonaktifan, PutusanPengadilan, SanksiDaftarHitam
from registrasi.services import sanksi as layanan

PER_HALAMAN = 25


def _cari(qs, teks: str):
    teks = (teks or "").strip()
    if not teks:
        return qs
    angka = hanya_digit(teks)
    syarat = Q(nama_penyedia__icontains=teks) | Q(nomor_sk__icontains=teks)
    if angka.isdigit() and len(angka) >= 4:
        syarat |= Q(npwp__endswith=angka) | Q(nib=angka) | Q(npwp=angka.rjust(16, "0"))
    return qs.filter(syarat)


def _tayang(request):
    form = FilterDaftarHitam(request.GET or None)
    qs = SanksiDaftarHitam.objects.tayang().order_by("-mulai", "-pk")
    if form.is_valid():
        qs = _cari(qs, form.cleaned_data["q"])
    return form, qs


@login_not_required
@require_GET
def daftar_hitam(request):
    """The published blacklist: sanctions in `tayang` (Lampiran II.5.b.6)."""
    form, qs = _tayang(request)
    page = PaginatorTerbatas(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request, "registrasi/daftar_hitam.html", {"page": page, "filter_form": form, "hari_ini": timezone.localdate()}
    )


@login_not_required
@require_GET
def daftar_hitam_csv(request):
    _, qs = _tayang(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="daftar-hitam-{timezone.localdate():%Y%m%d}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    tulis = csv.writer(response)
    tulis.writerow(["Nama penyedia", "NPWP", "Pelanggaran", "Dasar hukum", "Mulai", "Sampai", "Nomor SK", "Tanggal SK"])
    for s in qs.iterator(chunk_size=1000):
        tulis.writerow(
            [
                s.nama_penyedia,
                s.npwp_publik,
                s.jenis_pelanggaran.nama,
                s.jenis_pelanggaran.dasar_hukum,
                f"{s.mulai:%d-%m-%Y}",
                f"{s.selesai:%d-%m-%Y}",
                s.nomor_sk,
                f"{s.tanggal_sk:%d-%m-%Y}",
            ]
        )
    return response


# --- staff ---------------------------------------------------------------------------------------------


def _get_sanksi_for_user(user, pk) -> SanksiDaftarHitam:
    qs = SanksiDaftarHitam.objects.visible_to(user).select_related("jenis_pelanggaran", "penyedia__user", "permintaan")
    return get_object_or_404(qs, pk=pk)


@permission_required("registrasi.view_sanksidaftarhitam", raise_exception=True)
def sanksi_list(request):
    form = FilterDaftarHitam(request.GET or None)
    qs = SanksiDaftarHitam.objects.visible_to(request.user).select_related("jenis_pelanggaran")
    status = request.GET.get("status", "")
    if status in SanksiDaftarHitam.Status.values:
        qs = qs.filter(status=status)
    if form.is_valid():
        qs = _cari(qs, form.cleaned_data["q"])
    page = PaginatorTerbatas(qs.order_by("-created_at", "-pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "registrasi/sanksi_list.html",
        {"page": page, "filter_form": form, "status": status, "status_list": SanksiDaftarHitam.Status.choices},
    )


@permission_required("registrasi.view_sanksidaftarhitam", raise_exception=True)
def sanksi_detail(request, pk):
    sanksi = _get_sanksi_for_user(request.user, pk)
    putusan = sanksi.putusan.select_related("oleh")
    return render(
        request,
        "registrasi/sanksi_detail.html",
        {
            "sanksi": sanksi,
            "dokumen_list": sanksi.dokumen.all(),
            "putusan_list": putusan,
            "form_status": FormStatusSanksi(sanksi=sanksi),
            "form_akhir": FormAkhirSanksi(initial={"selesai": sanksi.selesai}),
            "peristiwa_list": riwayat_gabungan(sanksi, [sanksi.penyedia] if sanksi.penyedia else []),
            "berlaku": sanksi.berlaku_pada(timezone.localdate()),
        },
    )


@permission_required("registrasi.kelola_sanksi", raise_exception=True)
@require_POST
def sanksi_status(request, pk):
    sanksi = _get_sanksi_for_user(request.user, pk)
    form = FormStatusSanksi(request.POST, request.FILES, sanksi=sanksi)
    if not form.is_valid():
        for kesalahan in form.errors.values():
            messages.error(request, kesalahan[0])
        return redirect("registrasi:sanksi_detail", pk=sanksi.pk)
    f = form.cleaned_data
    try:
        layanan.ubah_status_sanksi(
            sanksi_id=sanksi.pk,
            ke=f["ke"],
            nomor_sk_baru=f["nomor_sk_baru"],
            putusan={
                "nomor": f["nomor_putusan"],
                "tanggal": f["tanggal_putusan"],
                "pengadilan": f["pengadilan"],
                "ringkasan": f["ringkasan"],
                "berkas": f["berkas_putusan"],
            },
            oleh=request.user,
            ip=client_ip(request),
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Status sanksi diubah."))
    return redirect("registrasi:sanksi_detail", pk=sanksi.pk)


@permission_required("registrasi.kelola_sanksi", raise_exception=True)
@require_POST
def sanksi_akhir(request, pk):
    sanksi = _get_sanksi_for_user(request.user, pk)
    form = FormAkhirSanksi(request.POST)
    if not form.is_valid():
        for kesalahan in form.errors.values():
            messages.error(request, kesalahan[0])
        return redirect("registrasi:sanksi_detail", pk=sanksi.pk)
    try:
        layanan.ubah_akhir_sanksi(
            sanksi_id=sanksi.pk,
            selesai=form.cleaned_data["selesai"],
            alasan=form.cleaned_data["alasan"],
            oleh=request.user,
            ip=client_ip(request),
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Tanggal akhir sanksi diubah."))
    return redirect("registrasi:sanksi_detail", pk=sanksi.pk)


def sanksi_dokumen(request, pk):
    """An SK scan or evidence: the Unit, or the official who filed the request."""
    dok = get_object_or_404(DokumenSanksi.objects.select_related("permintaan", "sanksi"), pk=pk)
    boleh = request.user.has_perm("registrasi.view_sanksidaftarhitam") or (
        dok.permintaan_id and dok.permintaan.pemohon_id == request.user.pk
    )
    if not boleh:
        raise Http404
    return kirim_berkas(
        request,
        dok.berkas,
        nama_unduhan=f"{dok.jenis}-{dok.pk}{dok.berkas.name[dok.berkas.name.rfind('.') :]}",
        objek=dok,
        inline=request.GET.get("lihat") == "1",
        label=f"Dokumen sanksi {dok.pk}",
    )


@permission_required("registrasi.view_sanksidaftarhitam", raise_exception=True)
def putusan_berkas(request, pk):
    putusan = get_object_or_404(PutusanPengadilan.objects.exclude(berkas=""), pk=pk)
    return kirim_berkas(request, putusan.berkas, nama_unduhan=f"putusan-{putusan.pk}.pdf", objek=putusan)


# --- deactivation requests --------------------------------------------------------------------------------


def _get_permintaan_for_user(user, pk) -> PermintaanPenonaktifan:
    qs = PermintaanPenonaktifan.objects.visible_to(user).select_related("jenis_pelanggaran", "pemohon", "verifikator")
    return get_object_or_404(qs, pk=pk)


def _boleh_daftar(user) -> bool:
    return user.has_perm("registrasi.ajukan_penonaktifan") or user.has_perm("registrasi.proses_penonaktifan")


def penonaktifan_list(request):
    """The Unit's queue (open requests first), or an official's own requests."""
    if not _boleh_daftar(request.user):
        raise PermissionDenied
    qs = PermintaanPenonaktifan.objects.visible_to(request.user).select_related("jenis_pelanggaran", "pemohon")
    if request.user.has_perm("registrasi.proses_penonaktifan") and request.GET.get("semua") != "1":
        qs = qs.antrean_verifikasi()
    else:
        qs = qs.order_by("-created_at", "-pk")
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "registrasi/penonaktifan_list.html", {"page": page})


@permission_required("registrasi.ajukan_penonaktifan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def penonaktifan_create(request):
    form = FormPenonaktifan(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            permintaan = layanan.ajukan_penonaktifan(
                data=form.data_permintaan(),
                berkas_sk=form.cleaned_data["berkas_sk"],
                bukti=[b for b in (form.cleaned_data.get("bukti"),) if b],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Permintaan penonaktifan diajukan ke Unit Registrasi dan Verifikasi."))
            return redirect("registrasi:penonaktifan_detail", pk=permintaan.pk)
    return render(request, "registrasi/penonaktifan_form.html", {"form": form})


def penonaktifan_detail(request, pk):
    permintaan = _get_permintaan_for_user(request.user, pk)
    sanksi = SanksiDaftarHitam.objects.filter(permintaan=permintaan).first()
    return render(
        request,
        "registrasi/penonaktifan_detail.html",
        {
            "permintaan": permintaan,
            "sanksi": sanksi,
            "dokumen_list": permintaan.dokumen.all(),
            "form_tolak": FormAlasan(),
            "peristiwa_list": riwayat(permintaan),
            "pemroses": request.user.has_perm("registrasi.proses_penonaktifan"),
        },
    )


def _jalankan(request, permintaan, fungsi, berhasil, **kwargs):
    try:
        fungsi(permintaan_id=permintaan.pk, oleh=request.user, ip=client_ip(request), **kwargs)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, berhasil)
    return redirect("registrasi:penonaktifan_detail", pk=permintaan.pk)


@permission_required("registrasi.proses_penonaktifan", raise_exception=True)
@require_POST
def penonaktifan_proses(request, pk):
    permintaan = _get_permintaan_for_user(request.user, pk)
    return _jalankan(request, permintaan, layanan.proses_penonaktifan, _("Permintaan diproses."))


@permission_required("registrasi.proses_penonaktifan", raise_exception=True)
@require_POST
def penonaktifan_setujui(request, pk):
    permintaan = _get_permintaan_for_user(request.user, pk)
    return _jalankan(
        request,
        permintaan,
        layanan.setujui_penonaktifan,
        _("Sanksi dicatat; User ID penyedia dinonaktifkan sejak tanggal mulai sanksi."),
    )


@permission_required("registrasi.proses_penonaktifan", raise_exception=True)
@require_POST
def penonaktifan_tolak(request, pk):
    permintaan = _get_permintaan_for_user(request.user, pk)
    form = FormAlasan(request.POST)
    if not form.is_valid():
        messages.error(request, _("Alasan penolakan wajib diisi."))
        return redirect("registrasi:penonaktifan_detail", pk=permintaan.pk)
    return _jalankan(
        request, permintaan, layanan.tolak_penonaktifan, _("Permintaan ditolak."), alasan=form.cleaned_data["alasan"]
    )
