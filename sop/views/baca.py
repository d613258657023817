"""Reading SOPs: the public and every staff member see the current version, its history and a
comparison of two versions, never a draft (Pergub Lampiran VI; DESIGN: readers never see a draft)."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from lpse_portal.akses import peran_diperlukan
from lpse_portal.berkas import kirim_berkas
from lpse_portal.halaman_tersimpan import simpan_untuk_anonim
from lpse_portal.peristiwa import riwayat
from organisasi.peran import PERAN_STAF
from sop import aturan
from sop.forms import FilterSOP
from sop.models import SOP, Kategori, VersiSOP
from sop.pdf import pdf_versi
from sop.teks import banding, baris_kanonik
from sop.views._umum import get_sop_for_user, get_versi_for_user

PER_HALAMAN = 25


@login_not_required
@require_GET
# The first page as anonymous visitors see it, kept rendered: a new version, SOP or category
# shows on the next request (their saves bump the key); 60 s bounds anything else.
@simpan_untuk_anonim(60, bergantung_pada=(SOP, VersiSOP, Kategori))
def publik_list(request):
    """The SOPs in force, by category. The public sees those marked public."""
    filter_form = FilterSOP(request.GET or None)
    qs = SOP.objects.visible_to(request.user).berlaku().select_related("kategori", "unit").dengan_versi()
    if filter_form.is_valid():
        f = filter_form.cleaned_data
        if f["q"]:
            qs = qs.filter(Q(kode__icontains=f["q"]) | Q(judul__icontains=f["q"]))
        if f["kategori"]:
            qs = qs.filter(kategori=f["kategori"])
        if f["unit"]:
            qs = qs.filter(unit=f["unit"])
    page = Paginator(qs.order_by("kategori__urutan", "kategori__nama", "kode", "pk"), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    return render(
        request,
        "sop/publik_list.html",
        {"page": page, "filter_form": filter_form, "staf": aturan.staf(request.user)},
    )


@login_not_required
@require_GET
def sop_detail(request, pk):
    """An SOP: its current version in full, the version history, and for drafters the pending version."""
    sop = get_sop_for_user(request.user, pk)
    versi_list = list(
        VersiSOP.objects.visible_to(request.user)
        .filter(sop=sop)
        .select_related("disetujui_oleh")
        .order_by("-mayor", "-minor", "-pk")
    )
    berlaku = next((v for v in versi_list if v.status == VersiSOP.Status.BERLAKU), None)
    tertunda = next((v for v in versi_list if v.status in VersiSOP.STATUS_TERTUNDA), None)
    terbit = [v for v in versi_list if v.status in VersiSOP.STATUS_TERBIT]
    staf = aturan.staf(request.user)
    return render(
        request,
        "sop/sop_detail.html",
        {
            "sop": sop,
            "berlaku": berlaku,
            "langkah_list": berlaku.langkah.all() if berlaku else [],
            "tertunda": tertunda,
            "versi_list": versi_list,
            "bisa_banding": len(terbit) >= 2,
            "staf": staf,
            "boleh_susun": aturan.penyusun(request.user) and aturan.boleh_susun_sop(request.user, sop),
            "boleh_tinjau": aturan.peninjau(request.user) and berlaku is not None,
            "peristiwa_list": riwayat(sop) if staf else [],
            "hari_ini": timezone.localdate(),
        },
    )


@login_not_required
@require_GET
def versi_detail(request, pk):
    versi = get_versi_for_user(request.user, pk)
    staf = aturan.staf(request.user)
    user = request.user
    susun = aturan.penyusun(user) and aturan.boleh_susun_sop(user, versi.sop)
    return render(
        request,
        "sop/versi_detail.html",
        {
            "versi": versi,
            "sop": versi.sop,
            "langkah_list": versi.langkah.all(),
            "staf": staf,
            "peristiwa_list": riwayat(versi) if staf else [],
            "boleh": {
                "ubah": susun and versi.dapat_diubah,
                "ajukan": susun and versi.dapat_diubah,
                "batalkan": susun and versi.dapat_diubah,
                "teruskan": aturan.peninjau(user) and versi.status == VersiSOP.Status.DITINJAU,
                "kembalikan": (aturan.peninjau(user) and versi.status == VersiSOP.Status.DITINJAU)
                or (aturan.boleh_setujui(user) and versi.status == VersiSOP.Status.DIAJUKAN),
                "setujui": aturan.boleh_setujui(user) and versi.status == VersiSOP.Status.DIAJUKAN,
            },
        },
    )


@login_not_required
@require_GET
def versi_banding(request, pk):
    """Two versions side by side (difflib); every line is escaped by the template."""
    sop = get_sop_for_user(request.user, pk)
    versi_list = list(VersiSOP.objects.visible_to(request.user).filter(sop=sop).order_by("-mayor", "-minor", "-pk"))
    if len(versi_list) < 2:
        raise Http404
    per_pk = {str(v.pk): v for v in versi_list}
    kanan = per_pk.get(request.GET.get("b", "")) or versi_list[0]
    kiri = per_pk.get(request.GET.get("a", "")) or next(v for v in versi_list if v.pk != kanan.pk)
    return render(
        request,
        "sop/versi_banding.html",
        {
            "sop": sop,
            "kiri": kiri,
            "kanan": kanan,
            "versi_list": versi_list,
            "baris_list": banding(baris_kanonik(kiri), baris_kanonik(kanan)),
        },
    )


@login_not_required
@require_GET
def versi_pdf(request, pk):
    versi = get_versi_for_user(request.user, pk)
    response = HttpResponse(pdf_versi(versi), content_type="application/pdf")
    nama = f"{versi.sop.kode}-v{versi.nomor}.pdf".replace("/", "-")
    response["Content-Disposition"] = content_disposition_header(False, nama)
    response["X-Content-Type-Options"] = "nosniff"
    if versi.status not in VersiSOP.STATUS_TERBIT:
        response["Cache-Control"] = "no-store, private"
    return response


@peran_diperlukan(*PERAN_STAF)
@require_GET
def versi_berkas(request, pk):
    """The signed scan, to staff who may see the version."""
    versi = get_versi_for_user(request.user, pk)
    if not versi.berkas_ttd:
        raise Http404
    return kirim_berkas(
        request,
        versi.berkas_ttd,
        nama_unduhan=f"{versi.sop.kode}-v{versi.nomor}-ttd.pdf".replace("/", "-"),
        objek=versi,
        label=f"Pindaian SOP {versi.sop.kode} v{versi.nomor}",
    )
