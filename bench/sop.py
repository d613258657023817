"""SOP benchmark: list pages with many SOPs, a long SOP's page, comparison and PDF, and the daily
effective-date job — in-process (Django test client), against a scratch PostgreSQL database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_bench_sop REDIS_URL=redis://127.0.0.1:6379/9 \
        .venv/bin/python bench/sop.py --jumlah 300 --langkah 60

The database is migrated and filled by this script (organisation demo, then SOPs through the
services); use a database that holds nothing else. Prints a Markdown table for docs/performance.md.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _env():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lpse_portal.settings")
    # The demo mode skips the second factor of the test client's sessions; DEBUG only for that.
    os.environ.update({"DEBUG": "1", "DEMO_MODE": "1", "CELERY_TASK_ALWAYS_EAGER": "1", "EMAIL_URL": "locmem://"})
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def _ukur(fungsi, ulang: int) -> dict:
    fungsi()  # warm-up (templates, fonts, session write)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    return {"median": statistics.median(waktu), "maks": max(waktu)}


def _isi(jumlah: int, langkah: int):
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from organisasi.models import Unit, User
    from sop import services
    from sop.models import SOP, Kategori

    kepala, pembina = User.objects.get(username="kepala"), User.objects.get(username="pembina")
    kategori = list(Kategori.objects.all())
    unit = Unit.objects.get(kode="adm-sistem")
    baris = [
        {"uraian": f"Langkah {i}: memeriksa dan mencatat", "pelaksana": "Admin Sistem", "masukan": "Data",
         "keluaran": "Catatan", "waktu": "15 menit"}
        for i in range(1, langkah + 1)
    ]  # fmt: skip
    besok = timezone.localdate() + datetime.timedelta(days=1)
    sudah = SOP.objects.filter(kode__startswith="BENCH-").count()
    for i in range(sudah, jumlah):
        with transaction.atomic():
            v = services.buat_sop(
                kode=f"BENCH-{i:04d}", judul=f"SOP bench {i}", kategori_id=kategori[i % len(kategori)].pk,
                unit_id=unit.pk, publik=True, oleh=kepala,
            )  # fmt: skip
            isi = {"tujuan": "Tujuan **uji**", "ruang_lingkup": "Lingkup", "dasar_hukum": "- Pergub NTB 6/2017"}
            services.ubah_draf(versi_id=v.pk, data=isi, langkah=baris, oleh=kepala)
            services.ajukan_tinjauan(versi_id=v.pk, oleh=kepala)
            services.teruskan_ke_pembina(versi_id=v.pk, oleh=kepala)
            services.setujui_versi(versi_id=v.pk, tanggal_berlaku=timezone.localdate(), oleh=pembina)
            baru = services.buat_versi_baru(sop_id=v.sop_id, jenis="minor", alasan_perubahan="Uji", oleh=kepala)
            ubah = [dict(b, waktu="10 menit") if n % 3 == 0 else b for n, b in enumerate(baris)]
            services.ubah_draf(versi_id=baru.pk, data={"tujuan": "Tujuan **baru**"}, langkah=ubah, oleh=kepala)
            services.ajukan_tinjauan(versi_id=baru.pk, oleh=kepala)
            services.teruskan_ke_pembina(versi_id=baru.pk, oleh=kepala)
            services.setujui_versi(versi_id=baru.pk, tanggal_berlaku=besok, oleh=pembina)
    return besok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jumlah", type=int, default=300, help="jumlah SOP (default 300)")
    parser.add_argument("--langkah", type=int, default=60, help="langkah per versi (default 60)")
    parser.add_argument("--ulang", type=int, default=10)
    args = parser.parse_args()
    _env()  # here, not at import: bench/skala imports _isi under its own settings

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from organisasi.models import User
    from sop import services
    from sop.models import SOP, VersiSOP
    from sop.pdf import buat_pdf_versi

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from organisasi import demo

    demo.seed()
    mulai = time.perf_counter()
    besok = _isi(args.jumlah, args.langkah)
    isi_detik = time.perf_counter() - mulai

    anon, staf = Client(), Client()
    staf.force_login(User.objects.get(username="kepala"))
    sop = SOP.objects.filter(kode__startswith="BENCH-").order_by("kode").first()
    berlaku = VersiSOP.objects.get(sop=sop, status="berlaku")
    disetujui = VersiSOP.objects.get(sop=sop, status="disetujui")
    halaman = [
        ("/sop/ (publik, 25 per halaman)", anon, "/sop/"),
        ("/sop/daftar/ (staf)", staf, "/sop/daftar/"),
        ("/sop/cakupan/ (semua SOP)", staf, "/sop/cakupan/"),
        ("/sop/tinjauan/", staf, "/sop/tinjauan/"),
        ("/sop/antrean/ (semua versi tertunda)", staf, "/sop/antrean/"),
        (f"/sop/<pk>/ ({args.langkah} langkah)", anon, f"/sop/{sop.pk}/"),
        ("/sop/<pk>/banding/ (staf)", staf, f"/sop/{sop.pk}/banding/?a={berlaku.pk}&b={disetujui.pk}"),
        ("/sop/versi/<pk>/pdf/ (versi disetujui, dari cache)", anon, f"/sop/versi/{berlaku.pk}/pdf/"),
    ]
    hasil = []
    for label, c, url in halaman:
        reset_queries()  # the fill above, logged under DEBUG, would have filled the query log
        with CaptureQueriesContext(connection) as q:
            assert c.get(url).status_code == 200, url
        t = _ukur(lambda c=c, url=url: c.get(url), args.ulang)
        hasil.append((label, t, len(q.captured_queries)))
    t_pdf = _ukur(lambda: buat_pdf_versi(berlaku), max(3, args.ulang // 3))
    hasil.append((f"PDF versi dibuat ulang ({args.langkah} langkah, WeasyPrint)", t_pdf, "-"))

    import time_machine

    with time_machine.travel(besok, tick=True), transaction.atomic():
        mulai = time.perf_counter()
        n = services.berlakukan_versi_jatuh_tempo()
        tugas_ms = (time.perf_counter() - mulai) * 1000
        transaction.set_rollback(True)  # the run can be repeated on the same data

    print(f"\nData: {args.jumlah} SOP × 2 versi × {args.langkah} langkah (diisi dalam {isi_detik:.0f} s).\n")
    print("| ukuran | median (ms) | maks (ms) | query |")
    print("|---|---:|---:|---:|")
    for label, t, query in hasil:
        print(f"| {label} | {t['median']:.0f} | {t['maks']:.0f} | {query} |")
    print(f"| tugas harian: {n} versi mulai berlaku | {tugas_ms:.0f} | – | – |")


if __name__ == "__main__":
    main()
