"""Staff periodic reports: my reports, writing and submitting one, reviewing those of the
positions below mine, and the Kepala LPSE's roll-up per period (Lampiran V.5–6)."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lpse_portal.akses import client_ip
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from organisasi import ekspor, services
from organisasi.forms import FormCatatan, FormLaporanBerkala
from organisasi.kalender import Kalender
from organisasi.models import AturanLaporanBerkala, Jabatan, LaporanBerkala, Pegawai, Penugasan, Periode
from organisasi.models.laporan_berkala import jabatan_dipegang
from organisasi.services.laporan_berkala import (
    BAGIAN,
    awal_pengajuan,
    daftar_periode,
    hitung_kewajiban,
    laporan_terlambat,
    rekap_periode,
    tenggat,
)

PER_HALAMAN = 24


def _pegawai_saya(user) -> Pegawai:
    """Periodic reports are the staff's: an account without a staff record gets 403."""
    pegawai = Pegawai.objects.filter(user_id=user.pk).first()
    if pegawai is None:
        raise PermissionDenied
    return pegawai


def _get_laporan_for_user(user, pk) -> LaporanBerkala:
    _pegawai_saya(user)
    return get_object_or_404(
        LaporanBerkala.objects.visible_to(user).select_related(
            "pegawai__user", "jabatan__unit", "jabatan__atasan", "ditinjau_oleh"
        ),
        pk=pk,
    )


@login_required
def laporan_berkala_saya(request):
    """The reports the user owes, period by period, newest first, with their state."""
    pegawai = _pegawai_saya(request.user)
    hari_ini = timezone.localdate()
    aturan = AturanLaporanBerkala.berlaku()
    kalender = Kalender.dari_database()
    kewajiban = hitung_kewajiban(
        daftar_periode(aturan, hari_ini), aturan=aturan, kalender=kalender, pegawai_id=pegawai.pk, hari_ini=hari_ini
    )
    kewajiban.reverse()
    page = Paginator(kewajiban, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "organisasi/laporan_berkala_saya.html",
        {"page": page, "aturan": aturan, "hari_ini": hari_ini},
    )


@login_required
@require_http_methods(["GET", "POST"])
def laporan_berkala_isi(request, jabatan_pk, periode):
    """Write (or correct) one's report for a position and period, and optionally submit it."""
    pegawai = _pegawai_saya(request.user)
    try:
        p = Periode.dari_kode(periode)
    except ValueError:
        raise Http404
    # Only a position the user held in that period: anyone else's page does not exist.
    penugasan = (
        Penugasan.objects.filter(pegawai=pegawai, jabatan_id=jabatan_pk, tmt_mulai__lte=p.selesai)
        .filter(Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=p.mulai))
        .exists()
    )
    jabatan = get_object_or_404(Jabatan.objects.select_related("atasan", "unit"), pk=jabatan_pk)
    if not penugasan:
        raise Http404
    laporan = LaporanBerkala.objects.filter(pegawai=pegawai, jabatan=jabatan, periode_mulai=p.mulai).first()
    if laporan and not laporan.dapat_diubah:
        messages.info(request, _("Laporan ini sudah %(s)s.") % {"s": laporan.get_status_display().lower()})
        return redirect("organisasi:laporan_berkala_detail", pk=laporan.pk)
    awal = {b: getattr(laporan, b) for b in BAGIAN} if laporan else {}
    form = FormLaporanBerkala(request.POST or None, request.FILES or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            laporan = services.simpan_draf(
                oleh=request.user,
                jabatan_id=jabatan.pk,
                periode=p.kode,
                kegiatan=f["kegiatan"],
                hasil=f["hasil"],
                masalah=f["masalah"],
                rencana=f["rencana"],
                lampiran=f["lampiran"],
                hapus_lampiran=f["hapus_lampiran"],
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            if "ajukan" not in request.POST:
                messages.success(request, _("Draf laporan disimpan."))
                return redirect("organisasi:laporan_berkala_detail", pk=laporan.pk)
            try:
                services.ajukan_laporan(laporan_id=laporan.pk, oleh=request.user, ip=client_ip(request))
            except TransisiTidakSah as e:
                messages.warning(request, _("Draf disimpan, tetapi belum dapat diajukan: %(e)s") % {"e": e})
            else:
                messages.success(request, _("Laporan diajukan kepada %(atasan)s.") % {"atasan": jabatan.atasan})
            return redirect("organisasi:laporan_berkala_detail", pk=laporan.pk)
    return render(
        request,
        "organisasi/laporan_berkala_form.html",
        {"form": form, "laporan": laporan, "jabatan": jabatan, "periode": p},
    )


@login_required
def laporan_berkala_detail(request, pk):
    laporan = _get_laporan_for_user(request.user, pk)
    hari_ini = timezone.localdate()
    kalender = Kalender.dari_database()
    p = laporan.periode
    sendiri = laporan.pegawai.user_id == request.user.pk
    peninjau = (
        not sendiri
        and laporan.status == LaporanBerkala.Status.DIAJUKAN
        and laporan.jabatan.atasan_id in jabatan_dipegang(request.user, hari_ini)
    )
    return render(
        request,
        "organisasi/laporan_berkala_detail.html",
        {
            "laporan": laporan,
            "sendiri": sendiri,
            "peninjau": peninjau,
            "tenggat": tenggat(p, AturanLaporanBerkala.berlaku(), kalender),
            "awal_pengajuan": awal_pengajuan(p, kalender),
            "peristiwa_list": riwayat(laporan),
            "form_kembalikan": FormCatatan(label=_("Catatan pengembalian")),
        },
    )


def _aksi(request, pk, layanan, pesan, **extra):
    laporan = _get_laporan_for_user(request.user, pk)
    try:
        layanan(laporan_id=laporan.pk, oleh=request.user, ip=client_ip(request), **extra)
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, pesan)
    return redirect("organisasi:laporan_berkala_detail", pk=laporan.pk)


@login_required
@require_POST
def laporan_berkala_ajukan(request, pk):
    return _aksi(request, pk, services.ajukan_laporan, _("Laporan diajukan kepada atasan."))


@login_required
@require_POST
def laporan_berkala_terima(request, pk):
    catatan = request.POST.get("catatan", "")[:2000]
    return _aksi(request, pk, services.terima_laporan, _("Laporan diterima."), catatan=catatan)


@login_required
@require_POST
def laporan_berkala_kembalikan(request, pk):
    catatan = request.POST.get("catatan", "")[:2000]
    return _aksi(
        request, pk, services.kembalikan_laporan, _("Laporan dikembalikan kepada penyusunnya."), catatan=catatan
    )


@login_required
def laporan_berkala_lampiran(request, pk):
    laporan = _get_laporan_for_user(request.user, pk)
    if not laporan.lampiran:
        raise Http404
    return kirim_berkas(
        request,
        laporan.lampiran,
        nama_unduhan=f"laporan-berkala-{laporan.periode.kode}-{laporan.pk}{os.path.splitext(laporan.lampiran.name)[1]}",
        objek=laporan,
        label=str(laporan)[:200],
    )


@login_required
def laporan_berkala_tinjau(request):
    """Reports waiting for the user as holder of a superior position, and the overdue ones
    of the positions directly below theirs."""
    _pegawai_saya(request.user)
    hari_ini = timezone.localdate()
    jabatan_ids = jabatan_dipegang(request.user, hari_ini)
    menunggu = (
        LaporanBerkala.objects.menunggu_tinjauan(jabatan_ids)
        .select_related("pegawai", "jabatan__unit")
        .order_by("periode_mulai", "diajukan_at", "pk")
    )
    terlambat = [k for k in laporan_terlambat(hari_ini) if k.jabatan.atasan_id in jabatan_ids] if jabatan_ids else []
    bawahan = Jabatan.objects.filter(atasan_id__in=jabatan_ids).order_by("unit__urutan", "urutan")
    return render(
        request,
        "organisasi/laporan_berkala_tinjau.html",
        {
            "menunggu_list": menunggu,
            "terlambat_list": terlambat,
            "bawahan_list": bawahan,
            "punya_bawahan": bool(jabatan_ids) and bawahan.exists(),
        },
    )


def _periode_rekap(request, aturan, hari_ini) -> tuple[Periode, list[Periode]]:
    pilihan = list(reversed(daftar_periode(aturan, hari_ini)))
    kode = request.GET.get("periode")
    if kode:
        try:
            p = Periode.dari_kode(kode)
        except ValueError:
            raise Http404
        return p, pilihan
    # By default the last period that has ended: the one the activity report is written for.
    berakhir = [p for p in pilihan if p.selesai < hari_ini]
    return (berakhir[0] if berakhir else aturan.periode(hari_ini)), pilihan


@permission_required("organisasi.lihat_semua_laporan_berkala", raise_exception=True)
def laporan_berkala_rekap(request):
    """The Kepala LPSE's activity report of a period: per unit, the accepted reports (what was
    done, achieved, what stood in the way, what comes next) and which reports are missing."""
    hari_ini = timezone.localdate()
    aturan = AturanLaporanBerkala.berlaku()
    p, pilihan = _periode_rekap(request, aturan, hari_ini)
    rekap = rekap_periode(p, hari_ini=hari_ini)
    return render(
        request,
        "organisasi/laporan_berkala_rekap.html",
        {
            "periode": p,
            "pilihan": pilihan,
            "rekap": rekap,
            "hari_ini": hari_ini,
            "jumlah": {
                "wajib": sum(len(r.kewajiban) for r in rekap),
                "diterima": sum(len(r.diterima) for r in rekap),
                "terlambat": sum(len(r.terlambat) for r in rekap),
            },
        },
    )


@permission_required("organisasi.lihat_semua_laporan_berkala", raise_exception=True)
def laporan_berkala_rekap_ekspor(request, format):
    if format not in ("csv", "pdf"):
        raise Http404
    hari_ini = timezone.localdate()
    p, _pilihan = _periode_rekap(request, AturanLaporanBerkala.berlaku(), hari_ini)
    rekap = rekap_periode(p, hari_ini=hari_ini)
    nama = f"laporan-kegiatan-lpse-{p.kode}"
    if format == "pdf":
        return ekspor.pdf(
            "organisasi/laporan_berkala_rekap_pdf.html",
            {"periode": p, "rekap": rekap, "hari_ini": hari_ini},
            f"{nama}.pdf",
        )
    baris = [
        [
            _("Periode"),
            _("Unit"),
            _("Nama"),
            _("Jabatan"),
            _("Status"),
            _("Terlambat"),
            _("Kegiatan"),
            _("Hasil"),
            _("Permasalahan"),
            _("Rencana"),
        ]
    ]
    for r in rekap:
        for k in r.kewajiban:
            diterima = k.status == LaporanBerkala.Status.DITERIMA
            baris.append(
                [
                    p.kode,
                    r.unit.nama,
                    k.pegawai.nama_lengkap,
                    k.jabatan.nama,
                    k.status_label,
                    _("ya") if k.lewat or k.diajukan_terlambat else _("tidak"),
                    *([getattr(k.laporan, b) for b in BAGIAN] if diterima else ["", "", "", ""]),
                ]
            )
    return ekspor.csv(baris, f"{nama}.csv")
