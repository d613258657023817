"""Bench: the verifikator queue and the vendor list with 50,000 vendors.

Fills a separate database (never the test or production one) with 50,000 vendors, their
registrations in every state and seven documents each (bulk_create, no services: the goal is
the read path), then times the pages in-process with Django's test client.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_bench .venv/bin/python bench/registrasi_50rb.py

Options: --jumlah N (default 50000), --ulang N (timed runs per page, default 20), --baru (drop
the bench data and fill again). The results table goes to stdout; docs/performance.md keeps it.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lpse_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lpse_portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ["DEBUG"] = "0"
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["STATIC_MANIFEST"] = "0"
os.environ.setdefault("EMAIL_URL", "locmem://")

AWALAN = ["CV", "PT", "UD", "Koperasi"]
NAMA = ["Maju", "Jaya", "Karya", "Sentosa", "Rinjani", "Tambora"]
STATUS = [  # (registration state, user-ID state, share)
    ("disetujui", "aktif", 0.70),
    ("diajukan", "nonaktif", 0.10),
    ("diverifikasi", "nonaktif", 0.05),
    ("perlu_perbaikan", "nonaktif", 0.05),
    ("draf", "nonaktif", 0.05),
    ("ditolak", "nonaktif", 0.05),
]


def _pastikan_database():
    import psycopg2
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        return
    c = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"], password=db["PASSWORD"])
    c.autocommit = True
    with c.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{db["NAME"]}"')
    c.close()


def isi(jumlah: int, baru: bool, dokumen_maks: int | None = None) -> None:
    """Fill up to `jumlah` vendors; `dokumen_maks` caps the documents per vendor (None: every
    required one of its business form). bench/skala reuses this with dokumen_maks=5."""
    import datetime
    import random

    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.db import connection, transaction
    from django.utils import timezone

    from organisasi.models import User
    from registrasi.models import BentukUsaha, Dokumen, Pendaftaran, Penyedia, Persyaratan
    from registrasi.tests.pabrik import nib_uji, nik_uji, npwp_uji

    if baru:
        with connection.cursor() as c:
            c.execute("TRUNCATE registrasi_dokumen, registrasi_pendaftaran, registrasi_penyedia CASCADE")
        User.objects.filter(username__startswith="bench.").delete()
    ada = Penyedia.objects.count()
    if ada >= jumlah:
        print(f"# {ada} penyedia sudah ada; pengisian dilewati")
        return
    rnd = random.Random(2026)
    bentuk = list(BentukUsaha.objects.all())
    syarat = {b.pk: [s.jenis_id for s in Persyaratan.objects.filter(bentuk_usaha=b, wajib=True)] for b in bentuk}
    sekarang = timezone.now()
    mulai = time.perf_counter()
    blok = 5000
    for awal in range(ada, jumlah, blok):
        n = min(blok, jumlah - awal)
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        username=f"bench.{i}",
                        password=UNUSABLE_PASSWORD_PREFIX,
                        email=f"bench{i}@usaha.bench",
                        is_active=False,
                    )
                    for i in range(awal, awal + n)
                ]
            )
            keadaan = []
            for _ in range(n):
                r, total = rnd.random(), 0.0
                for s in STATUS:
                    total += s[2]
                    if r < total:
                        break
                keadaan.append(s)
            penyedia = Penyedia.objects.bulk_create(
                [
                    Penyedia(
                        user=u,
                        nama=f"{rnd.choice(AWALAN)} Bench {rnd.choice(NAMA)} {awal + i}",
                        bentuk_usaha=rnd.choice(bentuk),
                        npwp=npwp_uji(awal + i),
                        nib=nib_uji(awal + i),
                        alamat="Jl. Bench",
                        provinsi="Nusa Tenggara Barat",
                        kabupaten_kota="Kota Mataram",
                        kode_pos="83121",
                        telepon="0370",
                        email=f"bench{awal + i}@usaha.bench",
                        pj_nama="Direktur Bench",
                        pj_nik=nik_uji(awal + i),
                        pj_jabatan="Direktur",
                        status=keadaan[i][1],
                        ditolak=keadaan[i][0] == "ditolak",
                    )
                    for i, u in enumerate(users)
                ]
            )
            pendaftaran = Pendaftaran.objects.bulk_create(
                [
                    Pendaftaran(
                        penyedia=p,
                        status=keadaan[i][0],
                        antre_sejak=sekarang - datetime.timedelta(minutes=rnd.randint(0, 60 * 24 * 60)),
                        pra_duplikat=rnd.random() < 0.05,
                        pra_format=rnd.random() < 0.02,
                    )
                    for i, p in enumerate(penyedia)
                ]
            )
            dokumen = []
            for i, (p, d) in enumerate(zip(penyedia, pendaftaran, strict=True)):
                disetujui = keadaan[i][0] == "disetujui"
                for jenis_id in syarat[p.bentuk_usaha_id][:dokumen_maks]:
                    dokumen.append(
                        Dokumen(
                            penyedia=p,
                            pendaftaran=d,
                            jenis_id=jenis_id,
                            versi=1,
                            berkas=f"registrasi/dokumen/bench/{p.pk}-{jenis_id}.pdf",
                            nama_berkas="dokumen.pdf",
                            ukuran=700,
                            tipe="pdf",
                            keadaan="berlaku" if disetujui else "usulan",
                            hasil="valid" if disetujui else rnd.choice(["menunggu", "valid"]),
                        )
                    )
            Dokumen.objects.bulk_create(dokumen, batch_size=10_000)
        print(f"# {awal + n} penyedia ({time.perf_counter() - mulai:.0f} s)", flush=True)
    with connection.cursor() as c:
        c.execute("ANALYZE")


def ukur(ulang: int) -> None:
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from organisasi.models import User
    from registrasi.models import BentukUsaha, Penyedia

    verifikator, _ = User.objects.get_or_create(username="bench.verifikator", defaults={"nama": "Verifikator Bench"})
    verifikator.groups.add(Group.objects.get(name="verifikator"))
    c = Client()
    c.force_login(verifikator)
    contoh = Penyedia.objects.filter(status="aktif").order_by("pk")[1234]
    pt = BentukUsaha.objects.get(kode="pt").pk
    halaman = [
        ("Antrean verifikasi, halaman 1", "/registrasi/verifikasi/"),
        ("Antrean, halaman 100", "/registrasi/verifikasi/?halaman=100"),
        ("Antrean, saring PT + umur > 7 hari", f"/registrasi/verifikasi/?bentuk_usaha={pt}&umur=7"),
        ("Antrean, saring temuan duplikat", "/registrasi/verifikasi/?temuan=duplikat"),
        ("Daftar penyedia, halaman 1", "/registrasi/penyedia/"),
        ("Daftar penyedia, halaman 1000", "/registrasi/penyedia/?halaman=1000"),
        ("Daftar penyedia, cari nama", "/registrasi/penyedia/?q=Rinjani+123"),
        ("Daftar penyedia, cari NPWP", f"/registrasi/penyedia/?q={contoh.npwp}"),
        ("Daftar penyedia, cari User ID", f"/registrasi/penyedia/?q={contoh.user.username}"),
        ("Daftar penyedia, status aktif", "/registrasi/penyedia/?status=aktif"),
    ]
    print(f"\n{Penyedia.objects.count()} penyedia; {ulang} kali per halaman (Django test client, dalam proses)\n")
    print("| halaman | median (ms) | p95 (ms) | query |")
    print("|---|---:|---:|---:|")
    for judul, url in halaman:
        for _ in range(2):
            assert c.get(url).status_code == 200, url
        waktu = []
        for _ in range(ulang):
            t = time.perf_counter()
            c.get(url)
            waktu.append((time.perf_counter() - t) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            c.get(url)
        waktu.sort()
        p95 = waktu[min(len(waktu) - 1, int(len(waktu) * 0.95))]
        print(f"| {judul} | {statistics.median(waktu):.0f} | {p95:.0f} | {len(ctx.captured_queries)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jumlah", type=int, default=50_000)
    parser.add_argument("--ulang", type=int, default=20)
    parser.add_argument("--baru", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command

    _pastikan_database()
    call_command("migrate", verbosity=0)
    isi(args.jumlah, args.baru)
    ukur(args.ulang)


if __name__ == "__main__":
    main()
