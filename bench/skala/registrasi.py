"""Registrasi at provincial scale: 50,000 vendors with five documents each (a tiny file behind
every document row) and 5,000 blacklist sanctions."""

import os
import time

PENYEDIA = 50_000
DOKUMEN_PER_PENYEDIA = 5
SANKSI = 5_000


def penyedia(ktx) -> str:
    """Vendors, registrations and documents through bench/registrasi_50rb.py's loader (bulk_create
    in blocks of 5,000), then the files. Every document gets its own path; the files are hard
    links to one tiny PDF, so 250,000 of them cost directory entries, not disk blocks."""
    from bench.registrasi_50rb import isi
    from registrasi.models import Dokumen, Penyedia

    isi(PENYEDIA, baru=False, dokumen_maks=DOKUMEN_PER_PENYEDIA)
    return (
        f"{Penyedia.objects.count()} penyedia, {Dokumen.objects.count()} dokumen; {_berkas(ktx.media_root)} berkas baru"
    )


def _berkas(media_root) -> int:
    from lpse_portal.tests.berkas_uji import pdf_sah
    from registrasi.models import Dokumen

    isi = pdf_sah()
    media_root.mkdir(parents=True, exist_ok=True)

    def asal(nomor):
        # ext4 allows 65,000 links to one inode: a fresh source file every 60,000 documents.
        jalur = media_root / f"bench-asal-{nomor}.pdf"
        if not jalur.exists():
            jalur.write_bytes(isi)
        return jalur

    folder_ada: set = set()
    baru = 0
    for i, jalur in enumerate(
        Dokumen.objects.order_by("pk").values_list("berkas", flat=True).iterator(chunk_size=20_000)
    ):
        tujuan = media_root / jalur
        if tujuan.parent not in folder_ada:
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            folder_ada.add(tujuan.parent)
        try:
            os.link(asal(i // 60_000), tujuan)
            baru += 1
        except FileExistsError:
            pass
    return baru


def sanksi(ktx) -> str:
    """Sanctions of companies (most not registered here): in force, ended, suspended, cancelled."""
    import datetime
    import random

    from django.utils import timezone

    from registrasi.models import JenisPelanggaran, SanksiDaftarHitam
    from registrasi.tests.pabrik import npwp_uji

    ada = SanksiDaftarHitam.objects.filter(nomor_sk__startswith="BENCH/").count()
    if ada >= SANKSI:
        return f"{ada} sanksi sudah ada"
    rnd = random.Random(10)
    jenis = list(JenisPelanggaran.objects.all())
    hari_ini = timezone.localdate()
    baris = []
    for i in range(ada, SANKSI):
        r = rnd.random()
        status = "tayang" if r < 0.6 else "berakhir" if r < 0.85 else "penundaan" if r < 0.95 else "pembatalan"
        mulai = hari_ini - datetime.timedelta(days=rnd.randint(0, 5 * 365))
        j = rnd.choice(jenis)
        selesai = j.akhir_bawaan(mulai)
        if status == "berakhir":
            selesai = min(selesai, hari_ini - datetime.timedelta(days=1))
        elif status == "tayang" and selesai < hari_ini:
            selesai = hari_ini + datetime.timedelta(days=rnd.randint(1, 700))
        baris.append(
            SanksiDaftarHitam(
                nama_penyedia=f"CV Bench Hitam {i}",
                npwp=npwp_uji(500_000 + i),
                jenis_pelanggaran=j,
                nomor_sk=f"BENCH/{i}/SK",
                tanggal_sk=mulai,
                pa_kpa="Kepala Dinas Bench",
                pengusul="ppk",
                nama_pengusul="PPK Bench",
                kode_paket=str(10_000 + i),
                mulai=mulai,
                selesai=max(selesai, mulai),
                status=status,
            )
        )
    t = time.perf_counter()
    SanksiDaftarHitam.objects.bulk_create(baris, batch_size=2_000)
    return f"{len(baris)} sanksi dalam {time.perf_counter() - t:.0f} s"
