"""Builders of the Sekretariat's objects for tests, always through the services."""

import datetime
import itertools
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.models import DasarHukum, Jabatan, KlasifikasiSurat, Unit

_nomor = itertools.count(1)


def berkas(nama: str = "berkas.pdf", judul: str = "Dokumen uji") -> ContentFile:
    return ContentFile(buat_pdf(judul, ["uji"]), name=nama)


def klasifikasi(kode: str = "027", nama: str = "Pengadaan") -> KlasifikasiSurat:
    return KlasifikasiSurat.objects.get_or_create(kode=kode, defaults={"nama": nama})[0]


def program(oleh, tahun: int | None = None):
    tahun = tahun or timezone.localdate().year
    return services.simpan_program(data={"tahun": tahun, "nama": "Program Penyelenggaraan LPSE"}, oleh=oleh)


def kegiatan(prog, oleh, kode_unit: str = "registrasi", **ubah):
    data = {
        "kode": f"1.{next(_nomor)}",
        "nama": "Registrasi dan verifikasi",
        "unit": Unit.objects.get(kode=kode_unit),
        "pagu": Decimal("45000000"),
        "jadwal_mulai": datetime.date(prog.tahun, 1, 2),
        "jadwal_selesai": datetime.date(prog.tahun, 12, 31),
    }
    data.update(ubah)
    return services.simpan_kegiatan(program_id=prog.pk, data=data, oleh=oleh)


def target(keg, oleh, **ubah):
    data = {
        "indikator": "Penyedia terverifikasi",
        "satuan": "penyedia",
        "target_tw1": Decimal(10),
        "target_tw2": Decimal(10),
        "target_tw3": Decimal(10),
        "target_tw4": Decimal(10),
    }
    data.update(ubah)
    return services.simpan_target(kegiatan_id=keg.pk, data=data, oleh=oleh)


def surat_masuk(oleh, *, rahasia: bool = False, **ubah):
    hari_ini = timezone.localdate()
    data = {
        "nomor_surat": f"027/{next(_nomor)}/UJI",
        "tanggal_surat": hari_ini - datetime.timedelta(days=2),
        "tanggal_diterima": hari_ini,
        "pengirim": "Direktorat Pengembangan SPSE, LKPP",
        "perihal": "Pembaruan SPSE" + (" (rahasia)" if rahasia else ""),
        "klasifikasi": klasifikasi(),
        "kerahasiaan": "rahasia" if rahasia else "biasa",
    }
    data.update(ubah)
    return services.catat_surat_masuk(data=data, berkas=berkas("surat.pdf"), oleh=oleh)


def disposisi_ke_unit(surat, kepala, kode_unit: str = "registrasi", **ubah):
    data = {
        "surat_id": surat.pk,
        "unit_ids": [Unit.objects.get(kode=kode_unit).pk],
        "instruksi": "Tindak lanjuti.",
        "batas_waktu": timezone.localdate() + datetime.timedelta(days=7),
        "oleh": kepala,
    }
    data.update(ubah)
    return services.buat_disposisi(**data)[0]


def surat_keluar(oleh, *, rahasia: bool = False, bertanda_tangan: bool = False, **ubah):
    data = {
        "tanggal_surat": timezone.localdate(),
        "klasifikasi": klasifikasi(),
        "tujuan": "Direktur Pengembangan SPSE, LKPP",
        "perihal": "Laporan pembaruan SPSE",
        "kerahasiaan": "rahasia" if rahasia else "biasa",
    }
    nomor_manual = ubah.pop("nomor_manual", "")
    data.update(ubah)
    return services.buat_surat_keluar(
        data=data,
        nomor_manual=nomor_manual,
        berkas_ttd=berkas("ttd.pdf") if bertanda_tangan else None,
        oleh=oleh,
    )


def dasar_hukum(oleh, nomor: str = "188.4/100/2026", dengan_berkas: bool = False):
    return services.catat_dasar_hukum(
        data={
            "jenis": DasarHukum.Jenis.KEPGUB,
            "nomor": nomor,
            "tanggal": datetime.date(2025, 12, 15),
            "tentang": "Honorarium Pengelola LPSE",
        },
        berkas=berkas("kepgub.pdf") if dengan_berkas else None,
        oleh=oleh,
    )


def tarif(oleh, kode_jabatan: str, besaran, mulai, sampai=None, dasar=None):
    dasar = dasar or DasarHukum.objects.first() or dasar_hukum(oleh)
    return services.catat_tarif(
        jabatan_id=Jabatan.objects.get(kode=kode_jabatan).pk,
        besaran=Decimal(besaran),
        berlaku_mulai=mulai,
        berlaku_sampai=sampai,
        dasar_hukum_id=dasar.pk,
        oleh=oleh,
    )
