"""The correspondence register: incoming letters and dispositions, outgoing letters, links."""

import datetime
import os

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lpse_portal.akses import client_ip, peran_diperlukan
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat_gabungan
from organisasi import services, tautan_surat
from organisasi.forms.surat import (
    FormBerkas,
    FormCatatan,
    FormDisposisi,
    FormKlasifikasi,
    FormPenomoran,
    FormSuratKeluar,
    FormSuratMasuk,
    FormTautan,
    FormTindakLanjut,
)
from organisasi.models import (
    Disposisi,
    KlasifikasiSurat,
    PenomoranSurat,
    SuratKeluar,
    SuratMasuk,
    TautanSurat,
    TindakLanjut,
)
from organisasi.peran import PERAN_STAF

PER_HALAMAN = 25


def _get_surat_masuk_for_user(user, pk) -> SuratMasuk:
    """404 for a confidential letter the user does not handle, as for one that does not exist."""
    return get_object_or_404(SuratMasuk.objects.visible_to(user).select_related("klasifikasi"), pk=pk)


def _get_surat_keluar_for_user(user, pk) -> SuratKeluar:
    return get_object_or_404(SuratKeluar.objects.visible_to(user).select_related("klasifikasi", "balasan_atas"), pk=pk)


def _get_disposisi_for_user(user, pk) -> Disposisi:
    return get_object_or_404(Disposisi.objects.visible_to(user).select_related("surat", "unit", "pegawai"), pk=pk)


def _tautan(surat) -> list[dict]:
    hasil = []
    for t in surat.tautan.select_related("content_type"):
        jenis = tautan_surat.jenis_dari_content_type(t.content_type)
        objek = t.objek
        hasil.append(
            {
                "tautan": t,
                "jenis": jenis.label if jenis else t.content_type.name,
                "objek": objek if objek is not None else _("(sudah tidak ada)"),
                "url": jenis.url_objek(objek) if jenis and objek is not None else "",
            }
        )
    return hasil


def _cari(qs, q: str, *fields):
    if not q:
        return qs
    syarat = Q()
    for f in fields:
        syarat |= Q(**{f"{f}__icontains": q})
    return qs.filter(syarat)


# --- incoming letters -------------------------------------------------------------------------


@peran_diperlukan(*PERAN_STAF)
def surat_masuk_list(request):
    status = request.GET.get("status", "")
    qs = _cari(
        SuratMasuk.objects.visible_to(request.user).select_related("klasifikasi"),
        request.GET.get("q", "").strip(),
        "perihal",
        "pengirim",
        "nomor_surat",
    ).annotate(disposisi_terbuka=Count("disposisi", filter=~Q(disposisi__status=Disposisi.Status.SELESAI)))
    if status in SuratMasuk.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-tahun_agenda", "-nomor_agenda"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "organisasi/surat_masuk_list.html",
        {"page": page, "status_pilihan": SuratMasuk.Status.choices, "status": status, "q": request.GET.get("q", "")},
    )


@permission_required("organisasi.add_suratmasuk", raise_exception=True)
@require_http_methods(["GET", "POST"])
def surat_masuk_create(request):
    form = FormSuratMasuk(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "berkas"}
        try:
            surat = services.catat_surat_masuk(
                data=data, berkas=form.cleaned_data["berkas"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Surat masuk dicatat dengan nomor agenda %(a)s.") % {"a": surat.agenda})
            return redirect("organisasi:surat_masuk_detail", pk=surat.pk)
    return render(request, "organisasi/surat_masuk_form.html", {"form": form})


@peran_diperlukan(*PERAN_STAF)
def surat_masuk_detail(request, pk):
    surat = _get_surat_masuk_for_user(request.user, pk)
    disposisi = list(
        surat.disposisi.select_related("unit", "pegawai", "dibuat_oleh", "diselesaikan_oleh").prefetch_related(
            Prefetch("tindak_lanjut", queryset=TindakLanjut.objects.select_related("oleh"))
        )
    )
    milik_saya = set(Disposisi.objects.untuk(request.user).filter(surat=surat).values_list("pk", flat=True))
    return render(
        request,
        "organisasi/surat_masuk_detail.html",
        {
            "surat": surat,
            "disposisi_list": disposisi,
            "milik_saya": milik_saya,
            "tautan_list": _tautan(surat),
            "balasan_list": surat.balasan.visible_to(request.user),
            "peristiwa_list": riwayat_gabungan(surat, disposisi),
            "hari_ini": timezone.localdate(),
        },
    )


@peran_diperlukan(*PERAN_STAF)
def surat_masuk_berkas(request, pk):
    surat = _get_surat_masuk_for_user(request.user, pk)
    return kirim_berkas(
        request,
        surat.berkas,
        nama_unduhan=f"surat-masuk-{surat.tahun_agenda}-{surat.nomor_agenda:04d}{os.path.splitext(surat.berkas.name)[1]}",
        objek=surat,
        label=f"Surat masuk {surat.agenda}",
    )


@permission_required("organisasi.tutup_disposisi", raise_exception=True)
@require_http_methods(["GET", "POST"])
def surat_masuk_arsipkan(request, pk):
    surat = _get_surat_masuk_for_user(request.user, pk)
    form = FormCatatan(request.POST or None, label=_("Catatan pengarsipan"))
    if request.method == "POST" and form.is_valid():
        try:
            services.arsipkan_surat_masuk(
                surat_id=surat.pk, catatan=form.cleaned_data["catatan"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Surat diarsipkan tanpa disposisi."))
            return redirect("organisasi:surat_masuk_detail", pk=surat.pk)
    judul = _("Arsipkan surat tanpa disposisi")
    return render(request, "organisasi/surat_aksi.html", {"form": form, "surat": surat, "judul": judul})


@permission_required("organisasi.add_disposisi", raise_exception=True)
@require_http_methods(["GET", "POST"])
def disposisi_create(request, pk):
    surat = _get_surat_masuk_for_user(request.user, pk)
    form = FormDisposisi(request.POST or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            dibuat = services.buat_disposisi(
                surat_id=surat.pk,
                unit_ids=[u.pk for u in f["unit"]],
                pegawai_ids=[p.pk for p in f["pegawai"]],
                instruksi=f["instruksi"],
                batas_waktu=f["batas_waktu"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _("Surat didisposisikan kepada %(penerima)s.") % {"penerima": ", ".join(d.penerima for d in dibuat)},
            )
            return redirect("organisasi:surat_masuk_detail", pk=surat.pk)
    return render(request, "organisasi/disposisi_form.html", {"form": form, "surat": surat})


@peran_diperlukan(*PERAN_STAF)
def disposisi_list(request):
    """Dispositions to me or my unit; the Kepala LPSE and the Sekretaris see them all."""
    status = request.GET.get("status", "terbuka")
    qs = Disposisi.objects.visible_to(request.user).select_related("surat", "unit", "pegawai")
    # A confidential letter's subject shows only where the letter itself is visible.
    qs = qs.filter(surat__in=SuratMasuk.objects.visible_to(request.user))
    if status == "terbuka":
        qs = qs.terbuka()
    elif status in Disposisi.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("batas_waktu", "pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "organisasi/disposisi_list.html",
        {
            "page": page,
            "status": status,
            "status_pilihan": [("terbuka", _("Belum selesai")), *Disposisi.Status.choices],
            "hari_ini": timezone.localdate(),
        },
    )


@peran_diperlukan(*PERAN_STAF)
@require_http_methods(["GET", "POST"])
def disposisi_tindaklanjut(request, pk):
    # Only the recipients report follow-up: 404 for everyone else, handlers included.
    disposisi = get_object_or_404(
        Disposisi.objects.untuk(request.user).select_related("surat", "unit", "pegawai"), pk=pk
    )
    form = FormTindakLanjut(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.tindak_lanjuti_disposisi(
                disposisi_id=disposisi.pk,
                isi=form.cleaned_data["isi"],
                berkas=form.cleaned_data["berkas"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Tindak lanjut dilaporkan."))
            return redirect("organisasi:surat_masuk_detail", pk=disposisi.surat_id)
    return render(request, "organisasi/disposisi_tindaklanjut.html", {"form": form, "disposisi": disposisi})


@permission_required("organisasi.tutup_disposisi", raise_exception=True)
@require_http_methods(["GET", "POST"])
def disposisi_selesai(request, pk):
    disposisi = _get_disposisi_for_user(request.user, pk)
    form = FormCatatan(request.POST or None, wajib=False, label=_("Catatan penutupan (opsional)"))
    if request.method == "POST" and form.is_valid():
        try:
            services.selesaikan_disposisi(
                disposisi_id=disposisi.pk,
                catatan=form.cleaned_data["catatan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Disposisi ditutup."))
            return redirect("organisasi:surat_masuk_detail", pk=disposisi.surat_id)
    judul = _("Tutup disposisi kepada %(p)s") % {"p": disposisi.penerima}
    return render(
        request,
        "organisasi/surat_aksi.html",
        {"form": form, "surat": disposisi.surat, "judul": judul, "tombol": _("Tutup")},
    )


@peran_diperlukan(*PERAN_STAF)
def tindaklanjut_berkas(request, pk):
    tl = get_object_or_404(TindakLanjut.objects.select_related("disposisi__surat"), pk=pk)
    surat_terlihat = SuratMasuk.objects.visible_to(request.user).filter(pk=tl.disposisi.surat_id).exists()
    if not tl.berkas or not surat_terlihat:
        raise Http404
    return kirim_berkas(
        request,
        tl.berkas,
        nama_unduhan=f"tindak-lanjut-{tl.pk}{os.path.splitext(tl.berkas.name)[1]}",
        objek=tl,
        label=f"Lampiran tindak lanjut {tl.pk}",
    )


# --- outgoing letters -------------------------------------------------------------------------


@peran_diperlukan(*PERAN_STAF)
def surat_keluar_list(request):
    status = request.GET.get("status", "")
    qs = _cari(
        SuratKeluar.objects.visible_to(request.user).select_related("klasifikasi"),
        request.GET.get("q", "").strip(),
        "perihal",
        "tujuan",
        "nomor",
    )
    if status in SuratKeluar.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-tanggal_surat", "-pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "organisasi/surat_keluar_list.html",
        {"page": page, "status_pilihan": SuratKeluar.Status.choices, "status": status, "q": request.GET.get("q", "")},
    )


@permission_required("organisasi.add_suratkeluar", raise_exception=True)
@require_http_methods(["GET", "POST"])
def surat_keluar_create(request):
    initial = {}
    if request.GET.get("balasan", "").isdigit():
        initial["balasan_atas"] = request.GET["balasan"]
    form = FormSuratKeluar(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        data = {k: f[k] for k in ("tanggal_surat", "klasifikasi", "tujuan", "perihal", "kerahasiaan", "balasan_atas")}
        try:
            surat = services.buat_surat_keluar(
                data=data,
                nomor_manual=f["nomor_manual"],
                berkas_ttd=f["berkas_ttd"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Surat keluar bernomor %(n)s.") % {"n": surat.nomor})
            return redirect("organisasi:surat_keluar_detail", pk=surat.pk)
    return render(request, "organisasi/surat_keluar_form.html", {"form": form})


@peran_diperlukan(*PERAN_STAF)
def surat_keluar_detail(request, pk):
    surat = _get_surat_keluar_for_user(request.user, pk)
    balasan_atas = (
        SuratMasuk.objects.visible_to(request.user).filter(pk=surat.balasan_atas_id).first()
        if surat.balasan_atas_id
        else None
    )
    return render(
        request,
        "organisasi/surat_keluar_detail.html",
        {
            "surat": surat,
            "balasan_atas": balasan_atas,
            "tautan_list": _tautan(surat),
            "peristiwa_list": riwayat_gabungan(surat),
            "form_berkas": FormBerkas(),
        },
    )


@peran_diperlukan(*PERAN_STAF)
def surat_keluar_berkas(request, pk):
    surat = _get_surat_keluar_for_user(request.user, pk)
    if not surat.berkas_ttd:
        raise Http404
    return kirim_berkas(
        request,
        surat.berkas_ttd,
        nama_unduhan=f"surat-keluar-{surat.pk}{os.path.splitext(surat.berkas_ttd.name)[1]}",
        objek=surat,
        label=f"Surat keluar {surat.nomor}",
    )


@permission_required("organisasi.add_suratkeluar", raise_exception=True)
@require_http_methods(["GET", "POST"])
def surat_keluar_unggah(request, pk):
    surat = _get_surat_keluar_for_user(request.user, pk)
    form = FormBerkas(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.unggah_surat_keluar_ttd(
                surat_id=surat.pk, berkas=form.cleaned_data["berkas"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Pindaian bertanda tangan diunggah."))
            return redirect("organisasi:surat_keluar_detail", pk=surat.pk)
    judul = _("Unggah pindaian bertanda tangan")
    return render(request, "organisasi/surat_aksi.html", {"form": form, "surat": surat, "judul": judul})


@permission_required("organisasi.add_suratkeluar", raise_exception=True)
@require_http_methods(["GET", "POST"])
def surat_keluar_batal(request, pk):
    surat = _get_surat_keluar_for_user(request.user, pk)
    form = FormCatatan(request.POST or None, label=_("Alasan pembatalan"))
    if request.method == "POST" and form.is_valid():
        try:
            services.batalkan_surat_keluar(
                surat_id=surat.pk, alasan=form.cleaned_data["catatan"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Surat dibatalkan; nomornya tidak akan dipakai lagi."))
            return redirect("organisasi:surat_keluar_detail", pk=surat.pk)
    judul = _("Batalkan surat %(n)s") % {"n": surat.nomor}
    return render(request, "organisasi/surat_aksi.html", {"form": form, "surat": surat, "judul": judul})


# --- links ------------------------------------------------------------------------------------


@permission_required("organisasi.add_tautansurat", raise_exception=True)
@require_http_methods(["GET", "POST"])
def tautan_create(request, arah, pk):
    if arah == "masuk":
        surat = _get_surat_masuk_for_user(request.user, pk)
    elif arah == "keluar":
        surat = _get_surat_keluar_for_user(request.user, pk)
    else:
        raise Http404
    jenis = request.POST.get("jenis") or request.GET.get("jenis", "")
    form = FormTautan(request.POST or None, user=request.user, jenis=jenis)
    if request.method == "POST" and form.jenis_terpilih and form.is_valid():
        try:
            services.tautkan_surat(
                surat_masuk_id=surat.pk if arah == "masuk" else None,
                surat_keluar_id=surat.pk if arah == "keluar" else None,
                jenis=form.cleaned_data["jenis"],
                object_id=int(form.cleaned_data["objek"]),
                keterangan=form.cleaned_data["keterangan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Tautan ditambahkan."))
            return redirect(surat.get_absolute_url())
    return render(request, "organisasi/tautan_form.html", {"form": form, "surat": surat, "arah": arah})


@permission_required("organisasi.delete_tautansurat", raise_exception=True)
@require_POST
def tautan_delete(request, pk):
    tautan = get_object_or_404(TautanSurat, pk=pk)
    surat = tautan.surat
    model = SuratMasuk if tautan.surat_masuk_id else SuratKeluar
    if not model.objects.visible_to(request.user).filter(pk=surat.pk).exists():
        raise Http404
    services.hapus_tautan(tautan_id=tautan.pk, oleh=request.user, ip=client_ip(request))
    messages.success(request, _("Tautan dihapus."))
    return redirect(surat.get_absolute_url())


# --- numbering configuration ------------------------------------------------------------------


@permission_required("organisasi.view_penomoransurat", raise_exception=True)
def penomoran_list(request):
    hari_ini = timezone.localdate()
    klasifikasi_list = list(KlasifikasiSurat.objects.order_by("kode"))
    contoh_kode = next((k for k in klasifikasi_list if k.aktif), None) or KlasifikasiSurat(kode="000")
    baris = []
    for row in PenomoranSurat.objects.select_related("klasifikasi").order_by("-tahun", "klasifikasi__kode"):
        contoh = row.bentuk(
            nomor=row.nomor_terakhir + 1,
            klasifikasi=row.klasifikasi or contoh_kode,
            tanggal=datetime.date(row.tahun, hari_ini.month, 1),
        )
        baris.append({"row": row, "contoh": contoh})
    return render(
        request, "organisasi/penomoran_list.html", {"baris_list": baris, "klasifikasi_list": klasifikasi_list}
    )


@permission_required("organisasi.add_penomoransurat", raise_exception=True)
@require_http_methods(["GET", "POST"])
def penomoran_create(request):
    form = FormPenomoran(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_penomoran(
                tahun=form.cleaned_data["tahun"],
                klasifikasi=form.cleaned_data["klasifikasi"],
                pola=form.cleaned_data["pola"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Penomoran disimpan."))
            return redirect("organisasi:penomoran_list")
    judul = _("Tambah penomoran surat keluar")
    batal = reverse("organisasi:penomoran_list")
    return render(request, "organisasi/sekretariat_form.html", {"form": form, "judul": judul, "batal": batal})


@permission_required("organisasi.change_penomoransurat", raise_exception=True)
@require_http_methods(["GET", "POST"])
def penomoran_update(request, pk):
    row = get_object_or_404(PenomoranSurat.objects.select_related("klasifikasi"), pk=pk)
    form = FormPenomoran(request.POST or None, ubah=True, initial={"pola": row.pola})
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_penomoran(
                penomoran_id=row.pk, pola=form.cleaned_data["pola"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Pola nomor diperbarui; urutan berlanjut dari nomor terakhir."))
            return redirect("organisasi:penomoran_list")
    judul = _("Ubah pola nomor %(row)s") % {"row": row}
    keterangan = _("Nomor urut terakhir %(n)s; surat berikutnya mendapat nomor urut sesudahnya.") % {
        "n": row.nomor_terakhir
    }
    batal = reverse("organisasi:penomoran_list")
    return render(
        request,
        "organisasi/sekretariat_form.html",
        {"form": form, "judul": judul, "keterangan": keterangan, "batal": batal},
    )


@permission_required("organisasi.add_klasifikasisurat", raise_exception=True)
@require_http_methods(["GET", "POST"])
def klasifikasi_create(request):
    form = FormKlasifikasi(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_klasifikasi(**form.cleaned_data, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Klasifikasi ditambahkan."))
            return redirect("organisasi:penomoran_list")
    judul = _("Tambah klasifikasi surat")
    batal = reverse("organisasi:penomoran_list")
    return render(request, "organisasi/sekretariat_form.html", {"form": form, "judul": judul, "batal": batal})
