"""Bench: the staff dashboard /laporan/ at 50,000 vendors and 200,000 tickets.

Fills a separate database `<DATABASE_URL name>_bench_dasbor` once (the loaders of
bench/registrasi_50rb.py and bench/layanan_antrean.py, plus submission and decision times
for the decided registrations), then measures:

1. each panel computed from the database (cache invalidated first): median and max time and
   its queries, in-process;
2. /laporan/ on gunicorn with production settings, as a Kepala LPSE (every panel), at a
   fixed arrival rate (open loop, bench/load.py's method): p50/p95/p99 — once with no writes,
   once with the entries a ticket write and a registration decision invalidate, every
   `--tulis` seconds. The first request of the run computes every panel (cold cache); the
   SLA panel then follows its TTL (laporan/cache_dasbor.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_das REDIS_URL=redis://127.0.0.1:6379/5 \
        .venv/bin/python -u bench/dasbor.py            # --laju 20 --detik 30 --tulis 2 --workers 2
"""

import argparse
import concurrent.futures
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.basis import siapkan_basis_bench  # noqa: E402


def _siapkan_env() -> str:
    return siapkan_basis_bench("dasbor", EMAIL_URL="locmem://")


def isi(penyedia: int, tiket: int) -> None:
    from django.contrib.auth.models import Group
    from django.db import connection

    from bench import layanan_antrean, registrasi_50rb
    from layanan.models import Tiket
    from organisasi.models import User

    t = time.perf_counter()
    registrasi_50rb.isi(penyedia, baru=False)
    with connection.cursor() as c:
        # The loader leaves decision times empty: spread registrations over two years and
        # give the decided ones a turnaround of 1 hour to 10 days.
        c.execute(
            """
            UPDATE registrasi_pendaftaran SET
                created_at = now() - (random() * interval '730 days'),
                diajukan_pertama_at = NULL, diputuskan_at = NULL;
            UPDATE registrasi_pendaftaran SET
                diajukan_pertama_at = created_at + interval '1 hour',
                diputuskan_at = created_at + interval '2 hours' + random() * interval '10 days'
            WHERE status IN ('disetujui', 'ditolak');
            ANALYZE registrasi_pendaftaran;
            """
        )
    petugas, _ = User.objects.get_or_create(username="bench.layanan", defaults={"nama": "Petugas Bench"})
    petugas.groups.add(Group.objects.get(name="layanan"))
    ada = Tiket.objects.count()
    if ada < tiket:
        layanan_antrean.muat(tiket - ada, petugas.pk)
    kepala, _ = User.objects.get_or_create(username="bench.kepala", defaults={"nama": "Kepala Bench"})
    kepala.groups.add(Group.objects.get(name="kepala_lpse"))
    print(f"# data siap ({time.perf_counter() - t:.0f} s)", flush=True)


def ukur_panel(ulang: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from laporan import cache_dasbor, dasbor
    from layanan.models import Tiket
    from lpse_portal.models import Peristiwa
    from registrasi.models import Pendaftaran, Penyedia

    print(
        f"Data: {Penyedia.objects.count()} penyedia, {Pendaftaran.objects.count()} pendaftaran, "
        f"{Tiket.objects.count()} tiket, {Peristiwa.objects.count()} peristiwa; PostgreSQL {connection.pg_version}"
    )
    hari_ini = timezone.localdate()
    print(f"{'panel':14} {'median ms':>10} {'maks ms':>8} {'kueri':>6}")
    total = []
    for kode, fungsi in dasbor.HITUNG.items():
        waktu = []
        for _ in range(ulang):
            cache_dasbor.invalidasi(kode)
            t = time.perf_counter()
            with CaptureQueriesContext(connection) as q:
                fungsi(hari_ini)
            waktu.append((time.perf_counter() - t) * 1000)
        total.append(statistics.median(waktu))
        print(f"{kode:14} {statistics.median(waktu):10.1f} {max(waktu):8.1f} {len(q):6d}", flush=True)
    print(f"{'semua panel':14} {sum(total):10.1f}")


def ukur_beban(args) -> None:
    from bench import load

    var_dir = tempfile.mkdtemp(prefix="lpse-bench-dasbor-")
    # The dashboard serves no files: an empty media folder of its own.
    ns = argparse.Namespace(
        database_url=os.environ["DATABASE_URL"], redis_url=os.environ["REDIS_URL"], media_root=Path(var_dir) / "media"
    )
    env = load._env(ns, var_dir)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    sesi = load._sesi(env)[0]["kepala_lpse"]
    gunicorn, port = load.mulai_gunicorn(env, args.workers)
    from laporan import cache_dasbor

    try:
        load._tunggu(port)
        header = load._header(sesi)
        # Warm both workers (connections, templates) and the cache before the clock starts.
        assert load._satu(port, "/laporan/", header, timeout=60) == 200
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
            assert set(ex.map(lambda _i: load._satu(port, "/laporan/", header), range(40))) == {200}
        hasil = load._laju_tetap(port, "/laporan/", header, args.laju, args.detik)
        print(f"/laporan/ {args.laju}/s selama {args.detik} s, tanpa penulisan: {hasil}", flush=True)

        berhenti = threading.Event()

        # What a ticket reply and a registration decision invalidate (cache_dasbor.SUMBER).
        kena = sorted({*cache_dasbor.SUMBER["layanan.tiket"], *cache_dasbor.SUMBER["registrasi.pendaftaran"]})

        def tulis():
            while not berhenti.wait(args.tulis):
                cache_dasbor.invalidasi(*kena)

        penulis = threading.Thread(target=tulis, daemon=True)
        penulis.start()
        hasil = load._laju_tetap(port, "/laporan/", header, args.laju, args.detik)
        berhenti.set()
        print(f"/laporan/ {args.laju}/s, {', '.join(kena)} diinvalidasi tiap {args.tulis} s: {hasil}", flush=True)
    finally:
        gunicorn.terminate()
        gunicorn.wait(10)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--penyedia", type=int, default=50_000)
    ap.add_argument("--tiket", type=int, default=200_000)
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--laju", type=int, default=20)
    ap.add_argument("--detik", type=int, default=30)
    ap.add_argument("--tulis", type=float, default=2.0, help="seconds between invalidations in the second run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--tanpa-beban", action="store_true", help="only the per-panel timings")
    ap.add_argument("--tanpa-panel", action="store_true", help="only the load runs")
    args = ap.parse_args()
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
    nama = _siapkan_env()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"# basis data bench: {nama}", flush=True)
    isi(args.penyedia, args.tiket)
    if not args.tanpa_panel:
        ukur_panel(args.ulang)
    if not args.tanpa_beban:
        ukur_beban(args)


if __name__ == "__main__":
    main()
