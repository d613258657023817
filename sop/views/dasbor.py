"""Staff lists: the SOP register, the approval queue, coverage of the mandatory subjects, reviews."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lpse_portal.akses import peran_diperlukan
from organisasi.kalender import Kalender
from organisasi.peran import PERAN_STAF
from sop import aturan
from sop import baris as baris_tabel
from sop.cakupan import cakupan_html
from sop.forms import FilterSOP
from sop.models import SOP, VersiSOP

PER_HALAMAN = 25
PER_KELOMPOK = 25
# What a queue row shows (not the versions' texts).
KOLOM_ANTREAN = [
    "status",
    "mayor",
    "minor",
    "judul",
    "diajukan_pada",
    "tanggal_berlaku",
    "sop__kode",
    "sop__unit__nama",
    "sop__kategori__nama",
    "disusun_oleh__nama",
    "disusun_oleh__first_name",
    "disusun_oleh__last_name",
    "disusun_oleh__username",
]


@peran_diperlukan(*PERAN_STAF)
@require_GET
def sop_list(request):
    filter_form = FilterSOP(request.GET or None)
    qs = (
        SOP.objects.visible_to(request.user)
        .select_related("kategori", "unit")
        .only("kode", "judul", "publik", "tinjau_berikutnya", "kategori__nama", "unit__nama")
        .dengan_versi()
    )
    if filter_form.is_valid():
        f = filter_form.cleaned_data
        if f["q"]:
            qs = qs.filter(Q(kode__icontains=f["q"]) | Q(judul__icontains=f["q"]))
        if f["kategori"]:
            qs = qs.filter(kategori=f["kategori"])
        if f["unit"]:
            qs = qs.filter(unit=f["unit"])
    page = Paginator(qs.order_by("kategori__urutan", "kode", "pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    # Readers are not told that a new version is in progress (DESIGN: readers never see a draft).
    lihat_proses = aturan.penyusun(request.user) or aturan.boleh_setujui(request.user)
    baris = baris_tabel.register_sop(page, lihat_proses=lihat_proses, hari_ini=timezone.localdate())
    return render(
        request,
        "sop/sop_list.html",
        {
            "page": page,
            "baris": baris,
            "filter_form": filter_form,
            "boleh_buat": aturan.penyusun(request.user),
            "lihat_proses": lihat_proses,
        },
    )


@peran_diperlukan(*aturan.PENYUSUN, *aturan.PENGESAH)
@require_GET
def antrean(request):
    """Versions in progress that the user may see; submissions show how long the Pembina has had them.

    Each group shows its PER_KELOMPOK oldest versions and how many there are in all: at
    provincial scale the approved-and-waiting group alone held 150 versions, a page of 21 ms
    (issue 10). The register lists every SOP."""
    hari_ini = timezone.localdate()
    kalender = Kalender.dari_database()
    batas = aturan.batas_hari_kerja_persetujuan()
    urutan = ["diajukan", "ditinjau", "dikembalikan", "draf", "disetujui"]
    dalam_proses = VersiSOP.objects.visible_to(request.user).filter(status__in=urutan)
    jumlah = dict(dalam_proses.values("status").annotate(n=Count("pk")).values_list("status", "n").order_by())
    versi_list = list(
        dalam_proses.annotate(
            ke=Window(RowNumber(), partition_by=[F("status")], order_by=[F("diajukan_pada").asc(), "sop__kode", "pk"])
        )
        .filter(ke__lte=PER_KELOMPOK)
        .select_related("sop__kategori", "sop__unit", "disusun_oleh")
        .only(*KOLOM_ANTREAN)
        .order_by("diajukan_pada", "sop__kode", "pk")
    )
    for v in versi_list:
        v.menunggu = (
            kalender.hari_kerja_antara(timezone.localdate(v.diajukan_pada), hari_ini) if v.diajukan_pada else None
        )
        v.terlambat = v.menunggu is not None and v.menunggu > batas
    kelompok = [
        (status, VersiSOP.Status(status).label, [v for v in versi_list if v.status == status], jumlah.get(status, 0))
        for status in urutan
    ]
    return render(request, "sop/antrean.html", {"kelompok": kelompok, "batas": batas, "per_kelompok": PER_KELOMPOK})


@peran_diperlukan(*PERAN_STAF)
@require_GET
def cakupan(request):
    hari_ini = timezone.localdate()
    return render(
        request,
        "sop/cakupan.html",
        {"isi": cakupan_html(request.user, hari_ini), "hari_pengingat": aturan.hari_pengingat_tinjauan()},
    )


@peran_diperlukan(*PERAN_STAF)
@require_GET
def tinjauan_list(request):
    """Overdue reviews, and those due within the next 90 days."""
    hari_ini = timezone.localdate()
    qs = (
        SOP.objects.visible_to(request.user)
        .select_related("kategori", "unit")
        .dengan_versi()
        .order_by("tinjau_berikutnya", "kode")
    )
    return render(
        request,
        "sop/tinjauan_list.html",
        {
            "lewat_list": qs.lewat_tinjauan(hari_ini),
            "segera_list": qs.segera_ditinjau(hari_ini, hari_ini + datetime.timedelta(days=90)),
            "hari_ini": hari_ini,
            "hari_pengingat": aturan.hari_pengingat_tinjauan(),
        },
    )
