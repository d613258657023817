"""The applicant's pages: uploads, review and submission, and the status page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from registrasi import prapemeriksaan, services
from registrasi.forms import FormUnggahDokumen
from registrasi.models import Dokumen, Pendaftaran
from registrasi.pendaftar import get_pendaftaran_for_pendaftar, pelaku, pendaftar_diperlukan
from registrasi.services.pendaftaran import dokumen_wajib_kurang, persyaratan_untuk


def _baris_persyaratan(p: Pendaftaran, data=None, files=None, jenis_dikirim=None):
    """One row per requirement: the current document and, where allowed, an upload form."""
    terkini = {d.jenis_id: d for d in p.dokumen_terkini()}
    baris = []
    for syarat in persyaratan_untuk(p.penyedia):
        dok = terkini.get(syarat.jenis_id)
        boleh = p.status == Pendaftaran.Status.DRAF or (
            p.status == Pendaftaran.Status.PERLU_PERBAIKAN
            and dok is not None
            and dok.hasil == Dokumen.Hasil.TIDAK_VALID
        )
        form = None
        if boleh:
            dikirim = jenis_dikirim == syarat.jenis_id
            form = FormUnggahDokumen(data if dikirim else None, files if dikirim else None, jenis=syarat.jenis)
        baris.append({"syarat": syarat, "dokumen": dok, "form": form})
    return baris


@login_not_required
@pendaftar_diperlukan
@require_http_methods(["GET", "POST"])
def pendaftaran_dokumen(request, pk):
    p = get_pendaftaran_for_pendaftar(request, pk)
    if not p.dapat_diubah_pendaftar:
        return redirect("registrasi:pendaftaran_status", pk=p.pk)
    jenis_dikirim = None
    if request.method == "POST":
        try:
            jenis_dikirim = int(request.POST.get("jenis", ""))
        except ValueError:
            jenis_dikirim = None
    baris = _baris_persyaratan(p, request.POST, request.FILES, jenis_dikirim)
    if request.method == "POST":
        form = next((b["form"] for b in baris if b["form"] and b["syarat"].jenis_id == jenis_dikirim), None)
        if form is None:
            messages.error(request, _("Dokumen ini tidak dapat diunggah sekarang."))
        elif form.is_valid():
            try:
                services.unggah_dokumen(
                    pendaftaran_id=p.pk,
                    jenis_id=jenis_dikirim,
                    berkas=form.cleaned_data["berkas"],
                    nomor=form.cleaned_data.get("nomor", ""),
                    berlaku_sampai=form.cleaned_data.get("berlaku_sampai"),
                    oleh=pelaku(request, p),
                    ip=client_ip(request),
                )
            except TransisiTidakSah as e:
                messages.error(request, str(e))
            else:
                messages.success(request, _("%(j)s tersimpan.") % {"j": form.jenis.nama})
                return redirect("registrasi:pendaftaran_dokumen", pk=p.pk)
        else:
            messages.error(request, _("%(j)s belum tersimpan; periksa pesan di bawah.") % {"j": form.jenis.nama})
    return render(
        request,
        "registrasi/pendaftaran_dokumen.html",
        {"pendaftaran": p, "baris_list": baris, "kurang": dokumen_wajib_kurang(p)},
    )


@login_not_required
@pendaftar_diperlukan
@require_http_methods(["GET", "POST"])
def pendaftaran_tinjau(request, pk):
    """Review everything, see the fair pre-check findings, then submit."""
    p = get_pendaftaran_for_pendaftar(request, pk)
    if request.method == "POST":
        try:
            services.ajukan_pendaftaran(pendaftaran_id=p.pk, oleh=pelaku(request, p), ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Pendaftaran diajukan. Verifikator akan memeriksa dokumen Anda."))
        return redirect("registrasi:pendaftaran_status", pk=p.pk)
    if not p.dapat_diubah_pendaftar:
        return redirect("registrasi:pendaftaran_status", pk=p.pk)
    temuan = [t for t in prapemeriksaan.periksa(p.penyedia) if t.publik]
    return render(
        request,
        "registrasi/pendaftaran_tinjau.html",
        {
            "pendaftaran": p,
            "penyedia": p.penyedia,
            "dokumen_list": p.dokumen_terkini(),
            "kurang": dokumen_wajib_kurang(p),
            "temuan_list": temuan,
            "terhalang": any(t.menghalangi for t in temuan),
        },
    )


@login_not_required
@pendaftar_diperlukan
def pendaftaran_status(request, pk):
    """Each document's result and exactly what to fix."""
    p = get_pendaftaran_for_pendaftar(request, pk)
    temuan = [t for t in p.prapemeriksaan if t.get("publik")]
    return render(
        request,
        "registrasi/pendaftaran_status.html",
        {
            "pendaftaran": p,
            "penyedia": p.penyedia,
            "dokumen_list": p.dokumen_terkini(),
            "temuan_list": temuan,
            "peristiwa_list": riwayat(p),
        },
    )
