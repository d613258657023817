"""Builders of staff periodic reports for tests, always through the services."""

import datetime

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.models import AturanLaporanBerkala, Jabatan

ISI = {
    "kegiatan": "Memverifikasi 42 pendaftaran penyedia.",
    "hasil": "40 disetujui, 2 dikembalikan untuk perbaikan.",
    "masalah": "Server SPSE lambat pada jam sibuk.",
    "rencana": "Verifikasi dokumen sebelum pukul 10.00 WITA.",
}


def atur(wajib_mulai=datetime.date(2026, 1, 1), jenis="bulanan", tenggat_hari_kerja=5) -> AturanLaporanBerkala:
    aturan, _dibuat = AturanLaporanBerkala.objects.update_or_create(
        pk=1, defaults={"wajib_mulai": wajib_mulai, "jenis_periode": jenis, "tenggat_hari_kerja": tenggat_hari_kerja}
    )
    return aturan


def lampiran():
    from django.core.files.base import ContentFile

    return ContentFile(buat_pdf("Lampiran laporan", ["uji"]), name="lampiran.pdf")


def tulis(user, kode_jabatan: str, periode: str, **ubah):
    """A complete draft (override any part with a keyword)."""
    isi = {**ISI, **ubah}
    return services.simpan_draf(oleh=user, jabatan_id=Jabatan.objects.get(kode=kode_jabatan).pk, periode=periode, **isi)


def ajukan(user, kode_jabatan: str, periode: str, **ubah):
    laporan = tulis(user, kode_jabatan, periode, **ubah)
    return services.ajukan_laporan(laporan_id=laporan.pk, oleh=user)


def diterima(user, kode_jabatan: str, periode: str, peninjau, **ubah):
    laporan = ajukan(user, kode_jabatan, periode, **ubah)
    return services.terima_laporan(laporan_id=laporan.pk, oleh=peninjau)
