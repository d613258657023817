"""Demo data of the Unit Administrasi Sistem Elektronik: assets, incidents, LKPP instructions.
Idempotent (looked up by code/number/title). Backups are not faked: run `manage.py backup`."""

import datetime

from django.db import transaction
from django.utils import timezone

from organisasi.models import User
from sistem import services
from sistem.models import Aset, Insiden, InstruksiLkpp

ASET = [
    (
        "LPSE-SRV-01",
        "Server aplikasi SPSE",
        "perangkat_keras",
        "Ruang server Diskominfotik lt. 2",
        "Xeon 16 inti, RAM 64 GB, SSD 2×1,92 TB RAID 1",
    ),
    (
        "LPSE-SRV-02",
        "Server basis data",
        "perangkat_keras",
        "Ruang server Diskominfotik lt. 2",
        "Xeon 16 inti, RAM 128 GB, SSD 4×3,84 TB RAID 10",
    ),
    ("LPSE-NET-01", "Firewall perimeter", "jaringan", "Rak jaringan A", "2× 10 GbE, HA aktif-pasif"),
    ("LPSE-SW-01", "SPSE 4.5", "perangkat_lunak", "LPSE-SRV-01", "Aplikasi SPSE dari LKPP"),
]


@transaction.atomic
def seed(stdout=None):
    oleh = User.objects.filter(username="admin.sistem").first()
    if oleh is None:
        return []
    hari_ini = timezone.localdate()
    for kode, nama, jenis, lokasi, spek in ASET:
        if Aset.objects.filter(kode=kode).exists():
            continue
        aset = services.simpan_aset(
            data={
                "kode": kode,
                "nama": nama,
                "jenis": jenis,
                "pemilik": "Unit Administrasi Sistem Elektronik",
                "lokasi": lokasi,
                "spesifikasi": spek,
                "tanggal_pembelian": datetime.date(2024, 3, 1),
                "garansi_sampai": datetime.date(2027, 3, 1),
            },
            oleh=oleh,
        )
        services.catat_pemeliharaan(
            aset_id=aset.pk,
            data={
                "tanggal": hari_ini - datetime.timedelta(days=30),
                "jenis": "preventif",
                "uraian": "Pemeriksaan rutin, pembaruan firmware dan pembersihan.",
                "pelaksana": "Ahmad Demo Fauzi",
            },
            oleh=oleh,
        )
    sekarang = timezone.now().replace(second=0, microsecond=0)
    if not Insiden.objects.filter(judul="SPSE tidak dapat diakses (demo)").exists():
        mulai = sekarang - datetime.timedelta(days=10, hours=3)
        insiden = services.simpan_insiden(
            data={
                "judul": "SPSE tidak dapat diakses (demo)",
                "layanan": "spse",
                "tingkat": "tinggi",
                "layanan_terhenti": True,
                "mulai": mulai,
                "uraian": "Pengguna melaporkan halaman SPSE tidak terbuka.",
            },
            tiket="TKT-DEMO-0001, TKT-DEMO-0002",
            oleh=oleh,
        )
        services.selesaikan_insiden(
            insiden_id=insiden.pk,
            selesai=mulai + datetime.timedelta(hours=2, minutes=15),
            penyebab="Sertifikat TLS kedaluwarsa.",
            tindakan="Sertifikat diperbarui dan pemantauan masa berlaku ditambahkan.",
            oleh=oleh,
        )
        services.laporkan_ke_lkpp(
            insiden_id=insiden.pk, nomor="LKPP/DEMO/001", tanggal=timezone.localtime(mulai).date(), oleh=oleh
        )
    if not Insiden.objects.filter(judul="Koneksi internet lambat (demo)").exists():
        services.simpan_insiden(
            data={
                "judul": "Koneksi internet lambat (demo)",
                "layanan": "jaringan",
                "tingkat": "sedang",
                "layanan_terhenti": False,
                "mulai": sekarang - datetime.timedelta(hours=5),
            },
            oleh=oleh,
        )
    if not InstruksiLkpp.objects.filter(nomor="DEMO/LKPP/2026/01").exists():
        services.catat_instruksi(
            data={
                "nomor": "DEMO/LKPP/2026/01",
                "perihal": "Pembaruan SPSE ke versi 4.5u2026",
                "tanggal_diterima": hari_ini - datetime.timedelta(days=3),
                "isi": "Seluruh LPSE diminta memperbarui SPSE paling lambat tanggal tenggat.",
                "tenggat": hari_ini + datetime.timedelta(days=11),
            },
            oleh=oleh,
        )
    if stdout:
        stdout.write("Data demo sistem siap.")
    return []
