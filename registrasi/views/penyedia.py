"""Vendors: the staff's list and file (archive, export), and the active vendor's own pages."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lpse_portal.akses import client_ip, peran_diperlukan
from lpse_portal.audit import catat_akses
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.identitas import format_npwp
from lpse_portal.paginasi import PaginatorTerbatas
from lpse_portal.peristiwa import riwayat_gabungan
from registrasi import baris as baris_tabel
from registrasi import services
from registrasi.arsip import tulis_arsip
from registrasi.forms import FilterPenyedia, FormAlasan, FormKontak, FormPeriksaDokumen, FormPerubahan
from registrasi.models import Dokumen, Penyedia, PermintaanPerubahan

PER_HALAMAN = 25


def _get_penyedia_for_user(user, pk) -> Penyedia:
    qs = Penyedia.objects.visible_to(user).select_related("bentuk_usaha", "user", "pendaftaran")
    return get_object_or_404(qs, pk=pk)


def _get_perubahan_for_user(user, pk) -> PermintaanPerubahan:
    qs = PermintaanPerubahan.objects.visible_to(user).select_related(
        "penyedia__user", "penyedia__bentuk_usaha", "bentuk_usaha_baru", "verifikator"
    )
    return get_object_or_404(qs, pk=pk)


# What a row of the vendor list shows (not the addresses, identity numbers and dates of five tables).
KOLOM_DAFTAR = [
    "nama", "npwp", "status", "dokumen_kedaluwarsa", "user__username", "bentuk_usaha__nama", "pendaftaran__status",
]  # fmt: skip


def _saring(request):
    """The vendor list's filters, shared by the page and its CSV export."""
    filter_form = FilterPenyedia(request.GET or None)
    qs = Penyedia.objects.visible_to(request.user)
    if filter_form.is_valid():
        f = filter_form.cleaned_data
        qs = qs.cari(f["q"])
        if f["status"]:
            qs = qs.filter(status=f["status"])
        if f["bentuk_usaha"]:
            qs = qs.filter(bentuk_usaha=f["bentuk_usaha"])
        if f["kedaluwarsa"]:
            qs = qs.filter(dokumen_kedaluwarsa=True)
    return filter_form, qs


@permission_required("registrasi.view_penyedia", raise_exception=True)
def penyedia_list(request):
    filter_form, qs = _saring(request)
    qs = qs.select_related("bentuk_usaha", "user", "pendaftaran").only(*KOLOM_DAFTAR)
    page = PaginatorTerbatas(qs.order_by("nama", "pk"), PER_HALAMAN, simpan_hitungan=True).get_page(
        request.GET.get("halaman")
    )
    return render(
        request,
        "registrasi/penyedia_list.html",
        {
            "page": page,
            "baris": baris_tabel.daftar_penyedia(page),
            "filter_form": filter_form,
            "query_ekspor": request.GET.urlencode(),
        },
    )


class _Gema:
    """csv.writer writes into this and gets the line back, so rows can be yielded one by one."""

    def write(self, nilai):
        return nilai


def _sel(nilai) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet: keep it text.
    teks = str(nilai or "")
    return "'" + teks if teks[:1] in ("=", "+", "-", "@") else teks


KOLOM_EKSPOR = [
    ("user__username", _("User ID")),
    ("nama", _("Nama penyedia")),
    ("bentuk_usaha__nama", _("Bentuk usaha")),
    ("npwp", _("NPWP")),
    ("nib", _("NIB")),
    ("kabupaten_kota", _("Kabupaten/kota")),
    ("email", _("E-mail")),
    ("telepon", _("Telepon")),
    ("status", _("Status User ID")),
    ("pendaftaran__status", _("Status pendaftaran")),
]


@permission_required("registrasi.view_penyedia", raise_exception=True)
def penyedia_ekspor(request):
    """Every vendor the filters select, as CSV streamed in chunks of 2,000 rows: memory stays
    flat at 50,000 vendors (bench/load.py measures it). No NIK: the export is company data."""
    _, qs = _saring(request)
    catat_akses(request, jenis="ekspor", label="Ekspor CSV daftar penyedia")
    baris = qs.order_by("nama", "pk").values_list(*[k for k, _ in KOLOM_EKSPOR]).iterator(chunk_size=2000)
    tulis = csv.writer(_Gema())

    def isi():
        yield "\ufeff" + tulis.writerow([str(label) for _, label in KOLOM_EKSPOR])
        for b in baris:
            nilai = dict(zip([k for k, _ in KOLOM_EKSPOR], b, strict=True))
            nilai["npwp"] = format_npwp(nilai["npwp"])
            yield tulis.writerow([_sel(v) for v in nilai.values()])

    response = StreamingHttpResponse(isi(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="penyedia-{timezone.localdate():%Y%m%d}.csv"'
    response["Cache-Control"] = "no-store, private"
    return response


@permission_required("registrasi.view_penyedia", raise_exception=True)
def penyedia_detail(request, pk):
    penyedia = _get_penyedia_for_user(request.user, pk)
    dokumen = penyedia.dokumen.select_related("jenis", "diunggah_oleh", "diperiksa_oleh", "alasan").order_by(
        "jenis__urutan", "-versi"
    )
    perubahan = penyedia.perubahan.all()
    return render(
        request,
        "registrasi/penyedia_detail.html",
        {
            "penyedia": penyedia,
            "dokumen_list": dokumen,
            "perubahan_list": perubahan,
            "peristiwa_list": riwayat_gabungan(penyedia, [penyedia.pendaftaran], perubahan),
        },
    )


@permission_required("registrasi.lihat_nik_penyedia", raise_exception=True)
def penyedia_identitas(request, pk):
    """The full NIK and NPWP, shown on request and recorded (UU 27/2022)."""
    penyedia = _get_penyedia_for_user(request.user, pk)
    catat_akses(request, jenis="lihat", objek=penyedia, label=f"NIK/NPWP penyedia {penyedia.pk}")
    return render(request, "registrasi/penyedia_identitas.html", {"penyedia": penyedia})


@permission_required("registrasi.ekspor_arsip_penyedia", raise_exception=True)
def penyedia_arsip(request, pk):
    """The vendor's whole file, every version, as a ZIP with an index PDF (II.5.b.4)."""
    penyedia = _get_penyedia_for_user(request.user, pk)
    berkas = tulis_arsip(penyedia, oleh=request.user)
    catat_akses(request, jenis="ekspor", objek=penyedia, label=f"Arsip dokumen penyedia {penyedia.pk}")
    nama = f"arsip-{penyedia.user.username}-{timezone.localdate():%Y%m%d}.zip"
    response = FileResponse(berkas, as_attachment=True, filename=nama, content_type="application/zip")
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- the active vendor's own pages -------------------------------------------------------------


def _penyedia_saya(request) -> Penyedia:
    return get_object_or_404(Penyedia.objects.select_related("bentuk_usaha", "user", "pendaftaran"), user=request.user)


@peran_diperlukan("penyedia")
def profil(request):
    penyedia = _penyedia_saya(request)
    return render(
        request,
        "registrasi/profil.html",
        {
            "penyedia": penyedia,
            "dokumen_list": penyedia.dokumen.berlaku().select_related("jenis"),
            "perubahan_list": penyedia.perubahan.select_related("bentuk_usaha_baru"),
            "hari_ini": timezone.localdate(),
        },
    )


@peran_diperlukan("penyedia")
@require_http_methods(["GET", "POST"])
def profil_kontak(request):
    penyedia = _penyedia_saya(request)
    form = FormKontak(request.POST or None, instance=penyedia)
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_kontak_penyedia(
                penyedia_id=penyedia.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Alamat dan telepon diperbarui."))
            return redirect("registrasi:profil")
    return render(request, "registrasi/profil_kontak.html", {"form": form})


@peran_diperlukan("penyedia")
@require_http_methods(["GET", "POST"])
def perubahan_create(request):
    """NPWP, NIB, name, form of business, e-mail or documents: verified before they apply."""
    penyedia = _penyedia_saya(request)
    form = FormPerubahan(request.POST or None, request.FILES or None, penyedia=penyedia)
    if request.method == "POST" and form.is_valid():
        try:
            perubahan = services.ajukan_perubahan(
                penyedia_id=penyedia.pk,
                data=form.cleaned_data,
                dokumen=form.dokumen,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Permintaan perubahan diajukan; data lama tetap berlaku sampai disetujui."))
            return redirect("registrasi:perubahan_detail", pk=perubahan.pk)
    return render(request, "registrasi/perubahan_form.html", {"form": form, "penyedia": penyedia})


# --- change requests: queue and decision ---------------------------------------------------------


@permission_required("registrasi.verifikasi_pendaftaran", raise_exception=True)
def perubahan_antrean(request):
    qs = PermintaanPerubahan.objects.visible_to(request.user).antrean_verifikasi()
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "registrasi/perubahan_antrean.html", {"page": page})


def perubahan_detail(request, pk):
    perubahan = _get_perubahan_for_user(request.user, pk)
    verifikator = request.user.has_perm("registrasi.verifikasi_pendaftaran")
    dokumen = perubahan.dokumen.select_related("jenis", "alasan")
    baris = [
        {
            "dokumen": d,
            "form": FormPeriksaDokumen(dokumen=d)
            if verifikator and perubahan.terbuka and d.keadaan == Dokumen.Keadaan.USULAN
            else None,
        }
        for d in dokumen
    ]
    return render(
        request,
        "registrasi/perubahan_detail.html",
        {
            "perubahan": perubahan,
            "penyedia": perubahan.penyedia,
            "baris_list": baris,
            "verifikator": verifikator,
            "form_tolak": FormAlasan(),
        },
    )


@permission_required("registrasi.verifikasi_pendaftaran", raise_exception=True)
@require_POST
def perubahan_setujui(request, pk):
    perubahan = _get_perubahan_for_user(request.user, pk)
    try:
        services.setujui_perubahan(perubahan_id=perubahan.pk, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Perubahan data disetujui dan berlaku."))
    return redirect("registrasi:perubahan_detail", pk=perubahan.pk)


@permission_required("registrasi.verifikasi_pendaftaran", raise_exception=True)
@require_POST
def perubahan_tolak(request, pk):
    perubahan = _get_perubahan_for_user(request.user, pk)
    form = FormAlasan(request.POST)
    if not form.is_valid():
        messages.error(request, _("Alasan penolakan wajib diisi."))
        return redirect("registrasi:perubahan_detail", pk=perubahan.pk)
    try:
        services.tolak_perubahan(
            perubahan_id=perubahan.pk, alasan=form.cleaned_data["alasan"], oleh=request.user, ip=client_ip(request)
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Perubahan data ditolak; data lama tetap berlaku."))
    return redirect("registrasi:perubahan_detail", pk=perubahan.pk)
