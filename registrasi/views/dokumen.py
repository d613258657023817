"""Serving a vendor's document: only through this permission-checked view, every access recorded."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from lpse_portal.berkas import kirim_berkas
from registrasi.models import Dokumen
from registrasi.pendaftar import get_pendaftaran_for_pendaftar, pendaftar_diperlukan, pendaftaran_sesi


def _get_dokumen_for_user(request, pk) -> Dokumen:
    qs = Dokumen.objects.select_related("jenis", "penyedia")
    if request.user.is_authenticated:
        return get_object_or_404(qs.visible_to(request.user), pk=pk)
    dok = get_object_or_404(qs, pk=pk)
    pendaftaran = get_pendaftaran_for_pendaftar(request, pendaftaran_sesi(request))
    if dok.penyedia_id != pendaftaran.penyedia_id:
        raise Http404
    return dok


@login_not_required
@pendaftar_diperlukan
def dokumen_berkas(request, pk):
    """Download, or serve inline (`?lihat=1`) for the verifikator's viewer, which draws PDFs with
    pdf.js and images with <img>: nothing is framed (X-Frame-Options DENY stays)."""
    dok = _get_dokumen_for_user(request, pk)
    inline = request.GET.get("lihat") == "1"
    nama = f"{dok.jenis.kode}-v{dok.versi}-{dok.penyedia.pk}{dok.berkas.name[dok.berkas.name.rfind('.') :]}"
    return kirim_berkas(
        request, dok.berkas, nama_unduhan=nama, objek=dok, inline=inline, label=f"Dokumen {dok.jenis.nama} {dok.pk}"
    )
