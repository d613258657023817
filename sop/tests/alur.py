"""Build SOP states through the services, the way the portal does (shared by tests and akses.py)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi.models import Unit
from sop import services
from sop.models import Kategori, VersiSOP

ISI = {
    "judul": "Registrasi dan verifikasi penyedia",
    "tujuan": "Menjamin setiap pengguna SPSE **terverifikasi** sebelum User ID aktif.",
    "ruang_lingkup": "Pendaftaran penyedia badan usaha dan perorangan.",
    "dasar_hukum": "- Pergub NTB 6/2017 Lampiran II.5\n- Perpres 16/2018",
    "formulir_catatan": "- Formulir pendaftaran\n- Berita acara verifikasi",
}
KOLOM_LANGKAH = ("uraian", "pelaksana", "masukan", "keluaran", "waktu")
LANGKAH = [
    dict(zip(KOLOM_LANGKAH, baris, strict=True))
    for baris in (
        ("Menerima dokumen pendaftaran", "Verifikator", "Dokumen", "Tanda terima", "15 menit"),
        ("Memverifikasi dokumen asli", "Verifikator", "Dokumen asli", "Berita acara", "30 menit"),
    )
]


def draf(oleh, *, kode="SOP-UJI/RV-01", kategori="registrasi-verifikasi", unit="registrasi", publik=True, **isi):
    versi = services.buat_sop(
        kode=kode,
        judul=isi.get("judul", ISI["judul"]),
        kategori_id=Kategori.objects.get(kode=kategori).pk,
        unit_id=Unit.objects.get(kode=unit).pk,
        publik=publik,
        oleh=oleh,
    )
    berkas = isi.pop("berkas_ttd", None)
    services.ubah_draf(versi_id=versi.pk, data={**ISI, **isi}, langkah=LANGKAH, berkas_ttd=berkas, oleh=oleh)
    return VersiSOP.objects.get(pk=versi.pk)


def ditinjau(versi, oleh):
    services.ajukan_tinjauan(versi_id=versi.pk, oleh=oleh)
    return VersiSOP.objects.get(pk=versi.pk)


def diajukan(versi, kepala):
    if versi.status != VersiSOP.Status.DITINJAU:
        ditinjau(versi, kepala)
    services.teruskan_ke_pembina(versi_id=versi.pk, oleh=kepala)
    return VersiSOP.objects.get(pk=versi.pk)


def disetujui(versi, kepala, pembina, tanggal_berlaku: datetime.date | None = None):
    if versi.status != VersiSOP.Status.DIAJUKAN:
        versi = diajukan(versi, kepala)
    services.setujui_versi(versi_id=versi.pk, tanggal_berlaku=tanggal_berlaku or timezone.localdate(), oleh=pembina)
    return VersiSOP.objects.get(pk=versi.pk)


def versi_baru(versi, oleh, *, jenis="minor", alasan="Penyesuaian waktu layanan", **isi):
    baru = services.buat_versi_baru(sop_id=versi.sop_id, jenis=jenis, alasan_perubahan=alasan, oleh=oleh)
    if isi:
        data = {k: getattr(baru, k) for k in ("judul", "tujuan", "ruang_lingkup", "dasar_hukum", "formulir_catatan")}
        langkah = isi.pop(
            "langkah",
            [
                {k: getattr(s, k) for k in ("uraian", "pelaksana", "masukan", "keluaran", "waktu")}
                for s in baru.langkah.all()
            ],
        )
        services.ubah_draf(versi_id=baru.pk, data={**data, **isi}, langkah=langkah, oleh=oleh)
    return VersiSOP.objects.get(pk=baru.pk)


def pindaian():
    return ContentFile(buat_pdf("SOP bertanda tangan", ["Kepala LPSE"]), name="ttd.pdf")
