"""The staff side of the helpdesk: the queue, a ticket's page and its workflow actions."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from layanan import baris as baris_tabel
from layanan import services
from layanan.forms import (
    FilterAntrean,
    FormBalasStaf,
    FormBukaKembali,
    FormEskalasi,
    FormGabung,
    FormJawabanLKPP,
    FormSelesai,
    FormTautan,
    FormTautArtikel,
    FormTiketStaf,
    FormTugaskan,
)
from layanan.models import BalasanSiap, EskalasiLKPP, JawabanKepuasan, LampiranTiket, Tiket
from layanan.sla import PenghitungSLA
from layanan.views._umum import get_tiket_for_user
from lpse_portal.akses import client_ip
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.paginasi import PaginatorTerbatas
from lpse_portal.peristiwa import riwayat

PER_HALAMAN = 25
NOMOR = re.compile(r"TK[A-Z]?\d{0,2}-\d+", re.IGNORECASE)
LIHAT = "layanan.view_tiket"
TANGANI = "layanan.tangani_tiket"


def _saring(qs, form, user):
    if not form.is_valid():
        return qs.terbuka()
    f = form.cleaned_data
    if f["status"] == "semua":
        qs = qs.order_by("-created_at", "-pk")  # everything: newest first
    elif f["status"]:
        qs = qs.filter(status=f["status"])
    else:
        qs = qs.terbuka()
    if f["q"]:
        q = f["q"].strip()
        if NOMOR.fullmatch(q):
            qs = qs.filter(nomor=q.upper())  # a ticket number: the unique index answers at once
        else:
            qs = qs.filter(Q(judul__icontains=q) | Q(nama_pelapor__icontains=q) | Q(email_pelapor__iexact=q))
    if f["jenis"]:
        qs = qs.filter(jenis=f["jenis"])
    if f["kategori"]:
        qs = qs.filter(kategori=f["kategori"])
    if f["petugas"] == "saya":
        qs = qs.filter(ditangani_oleh=user)
    elif f["petugas"] == "belum":
        qs = qs.filter(ditangani_oleh__isnull=True)
    return qs


@permission_required(LIHAT, raise_exception=True)
def tiket_list(request):
    """The queue: a fixed number of queries whatever the page size (events are prefetched and
    the SLA of each row is computed in memory)."""
    form = FilterAntrean(request.GET or None)
    qs = _saring(Tiket.objects.visible_to(request.user).antrean(), form, request.user)
    page = PaginatorTerbatas(qs, PER_HALAMAN, simpan_hitungan=True).get_page(request.GET.get("halaman"))
    baris = baris_tabel.antrean_tiket(PenghitungSLA().pasang(page.object_list))
    return render(request, "layanan/tiket_list.html", {"page": page, "baris": baris, "filter_form": form})


@permission_required(LIHAT, raise_exception=True)
def tiket_detail(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    peristiwa = list(riwayat(tiket))
    penghitung = PenghitungSLA()
    sla = penghitung.untuk(tiket, peristiwa)  # the clock reads the events the timeline shows
    boleh = request.user.has_perm(TANGANI)
    return render(
        request,
        "layanan/tiket_detail.html",
        {
            "tiket": tiket,
            "sla": sla,
            "target": penghitung.target_untuk(tiket),
            "peristiwa_list": peristiwa,
            "balasan_list": tiket.balasan.select_related("oleh").prefetch_related("lampiran"),
            "lampiran_awal": tiket.lampiran.filter(balasan__isnull=True),
            "eskalasi_list": tiket.eskalasi.select_related("oleh"),
            "duplikat_list": tiket.duplikat.all(),
            "artikel_list": tiket.artikel.all(),
            "boleh": boleh,
            "form_balas": FormBalasStaf() if boleh else None,
            "form_tugaskan": FormTugaskan() if boleh else None,
            "form_selesai": FormSelesai() if boleh else None,
            "form_buka": FormBukaKembali() if boleh else None,
            "form_gabung": FormGabung() if boleh else None,
            "form_tautan": FormTautan() if boleh else None,
            "form_artikel": FormTautArtikel() if boleh else None,
            "form_jawaban_lkpp": FormJawabanLKPP() if boleh else None,
            "balasan_siap": BalasanSiap.objects.filter(aktif=True) if boleh else [],
        },
    )


def _ke_detail(tiket):
    return redirect("layanan:tiket_detail", pk=tiket.pk)


def _jalankan(request, tiket, fungsi, berhasil, **kwargs):
    try:
        fungsi(oleh=request.user, ip=client_ip(request), **kwargs)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, berhasil)
    return _ke_detail(tiket)


def _galat_form(request, form):
    for galat in form.errors.values():
        for pesan in galat:
            messages.error(request, pesan)


@permission_required(TANGANI, raise_exception=True)
@require_http_methods(["GET", "POST"])
def tiket_catat(request):
    form = FormTiketStaf(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            tiket = services.catat_tiket_staf(
                data=form.cleaned_data, lampiran=form.cleaned_data["lampiran"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Tiket %(nomor)s dicatat.") % {"nomor": tiket.nomor})
            return _ke_detail(tiket)
    return render(request, "layanan/tiket_catat.html", {"form": form})


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_balas(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormBalasStaf(request.POST, request.FILES)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    f = form.cleaned_data
    pesan = _("Catatan internal disimpan.") if f["internal"] else _("Balasan terkirim ke pelapor.")
    return _jalankan(
        request,
        tiket,
        services.balas_tiket,
        pesan,
        tiket_id=tiket.pk,
        isi=f["isi"],
        internal=f["internal"],
        tunggu_pengguna=f["tunggu_pengguna"],
        lampiran=f["lampiran"],
    )


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_ambil(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    return _jalankan(request, tiket, services.ambil_tiket, _("Tiket kini Anda tangani."), tiket_id=tiket.pk)


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_tugaskan(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormTugaskan(request.POST)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    petugas = form.cleaned_data["petugas"]
    return _jalankan(
        request,
        tiket,
        services.tugaskan_tiket,
        _("Tiket ditugaskan kepada %(nama)s.") % {"nama": petugas},
        tiket_id=tiket.pk,
        petugas_id=petugas.pk,
    )


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_selesai(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormSelesai(request.POST)
    catatan = form.cleaned_data["catatan"] if form.is_valid() else ""
    return _jalankan(
        request, tiket, services.selesaikan_tiket, _("Tiket diselesaikan."), tiket_id=tiket.pk, catatan=catatan
    )


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_buka(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormBukaKembali(request.POST)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    return _jalankan(
        request,
        tiket,
        services.buka_kembali_tiket,
        _("Tiket dibuka kembali."),
        tiket_id=tiket.pk,
        alasan=form.cleaned_data["alasan"],
    )


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_tutup(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    return _jalankan(request, tiket, services.tutup_tiket, _("Tiket ditutup."), tiket_id=tiket.pk)


@permission_required(TANGANI, raise_exception=True)
@require_http_methods(["GET", "POST"])
def tiket_eskalasi(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormEskalasi(request.POST or None, initial={"uraian": tiket.uraian})
    if request.method == "POST" and form.is_valid():
        try:
            services.eskalasi_ke_lkpp(tiket_id=tiket.pk, oleh=request.user, ip=client_ip(request), **form.cleaned_data)
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Eskalasi ke LKPP dicatat; jam SLA dijeda selama di LKPP."))
            return _ke_detail(tiket)
    return render(request, "layanan/tiket_eskalasi.html", {"tiket": tiket, "form": form})


@permission_required(TANGANI, raise_exception=True)
@require_POST
def eskalasi_jawab(request, pk):
    eskalasi = get_object_or_404(EskalasiLKPP, pk=pk)
    tiket = get_tiket_for_user(request.user, eskalasi.tiket_id)
    form = FormJawabanLKPP(request.POST)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    return _jalankan(
        request,
        tiket,
        services.catat_jawaban_lkpp,
        _("Jawaban LKPP dicatat."),
        eskalasi_id=eskalasi.pk,
        **form.cleaned_data,
    )


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_gabung(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormGabung(request.POST)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    tujuan = form.cleaned_data["nomor"]
    try:
        services.gabungkan_tiket(tiket_id=tiket.pk, ke_tiket_id=tujuan.pk, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
        return _ke_detail(tiket)
    messages.success(request, _("Tiket %(a)s digabung ke %(b)s.") % {"a": tiket.nomor, "b": tujuan.nomor})
    return _ke_detail(tujuan)


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_tautkan(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormTautan(request.POST)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    return _jalankan(
        request, tiket, services.tautkan_tiket, _("Tautan disimpan."), tiket_id=tiket.pk, **form.cleaned_data
    )


@permission_required(TANGANI, raise_exception=True)
@require_POST
def tiket_tautkan_artikel(request, pk):
    tiket = get_tiket_for_user(request.user, pk)
    form = FormTautArtikel(request.POST)
    if not form.is_valid():
        _galat_form(request, form)
        return _ke_detail(tiket)
    return _jalankan(
        request,
        tiket,
        services.tautkan_artikel,
        _("Artikel ditautkan; pelapor melihatnya di halaman tiket."),
        tiket_id=tiket.pk,
        artikel_id=form.cleaned_data["artikel"].pk,
    )


@permission_required("layanan.kelola_artikel", raise_exception=True)
@require_POST
def tiket_jadikan_artikel(request, pk, balasan_pk):
    tiket = get_tiket_for_user(request.user, pk)
    try:
        artikel = services.jadikan_artikel(
            tiket_id=tiket.pk, balasan_id=balasan_pk, oleh=request.user, ip=client_ip(request)
        )
    except TransisiTidakSah as e:
        messages.error(request, str(e))
        return _ke_detail(tiket)
    messages.success(request, _("Draf artikel dibuat. Hapus data pribadi sebelum menerbitkannya."))
    return redirect("layanan:artikel_update", pk=artikel.pk)


@permission_required(LIHAT, raise_exception=True)
def lampiran_unduh(request, pk):
    lampiran = get_object_or_404(LampiranTiket, pk=pk)
    tiket = get_tiket_for_user(request.user, lampiran.tiket_id)
    return kirim_berkas(request, lampiran.berkas, nama_unduhan=lampiran.nama_asli, objek=tiket)


@permission_required("layanan.lihat_rekap_kepuasan", raise_exception=True)
def kepuasan_rekap(request):
    """Satisfaction per staff member and per category (issue 5 point 7)."""
    qs = JawabanKepuasan.objects.all()
    ringkas = qs.aggregate(rata=Avg("nilai"), jumlah=Count("pk"))
    per_petugas = (
        qs.values("petugas__nama", "petugas__username")
        .annotate(rata=Avg("nilai"), jumlah=Count("pk"))
        .order_by("-jumlah")
    )
    per_kategori = qs.values("kategori__nama").annotate(rata=Avg("nilai"), jumlah=Count("pk")).order_by("-jumlah")
    return render(
        request,
        "layanan/kepuasan_rekap.html",
        {"ringkas": ringkas, "per_petugas": per_petugas, "per_kategori": per_kategori},
    )
