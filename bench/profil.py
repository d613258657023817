"""Where a page of bench/halaman.py spends its time, in-process, against the scale dataset.

    .venv/bin/python bench/profil.py --database-url postgres://postgres@127.0.0.1:5432/lpse_perf_skala \
        "antrean tiket" "daftar penyedia" [--profil] [--ulang 30]

For each page: median and p90 of `--ulang` requests through Django's test client (the full
middleware stack, production settings: DEBUG off, cached templates, Redis cache), the number of
queries and the time spent in them; with `--profil`, the functions taking the most cumulative
time (cProfile). It answers "why is this page slow", load.py answers "how fast is it".
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("halaman", nargs="*", help="page names from bench/halaman.py (default: every page)")
    p.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/lpse_perf_skala")
    p.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    p.add_argument("--ulang", type=int, default=30)
    p.add_argument("--profil", action="store_true", help="print the top functions by cumulative time")
    p.add_argument("--baris", type=int, default=35, help="how many functions --profil prints")
    args = p.parse_args()

    from bench.skala.dasar import MEDIA_BAWAAN, siapkan_env

    siapkan_env(args.database_url, args.redis_url, MEDIA_BAWAAN)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["BENCH_ENDPOINT"] = "1"

    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.halaman import HALAMAN
    from bench.load import _sampel_dan_sesi

    sesi, sampel = _sampel_dan_sesi()
    pilihan = [h for h in HALAMAN if not args.halaman or h.nama in args.halaman]
    if args.halaman and len(pilihan) != len(args.halaman):
        dikenal = {h.nama for h in HALAMAN}
        sys.exit(f"Halaman tidak dikenal: {', '.join(n for n in args.halaman if n not in dikenal)}")
    halaman = [("view kosong", "/bench/kosong/", "layanan")] + [(h.nama, h.path, h.peran) for h in pilihan]

    print(f"{'halaman':45} {'med ms':>7} {'p90 ms':>7} {'kueri':>5} {'ms kueri':>8}")
    for nama, path, peran in halaman:
        client = Client()
        if peran:
            client.cookies["sessionid"] = sesi[peran]
        path = path.format(**sampel)
        respons = client.get(path)
        if respons.status_code != 200:
            print(f"{nama:45} status {respons.status_code}")
            continue
        waktu = []
        for _ in range(args.ulang):
            mulai = time.perf_counter()
            client.get(path)
            waktu.append((time.perf_counter() - mulai) * 1000)
        with CaptureQueriesContext(connection) as kueri:
            client.get(path)
        ms_kueri = sum(float(q["time"]) for q in kueri.captured_queries) * 1000
        waktu.sort()
        print(
            f"{nama:45} {statistics.median(waktu):7.1f} {waktu[int(len(waktu) * 0.9)]:7.1f} "
            f"{len(kueri):5d} {ms_kueri:8.1f}"
        )
        if args.profil:
            profil = cProfile.Profile()
            profil.enable()
            for _ in range(10):
                client.get(path)
            profil.disable()
            keluaran = io.StringIO()
            pstats.Stats(profil, stream=keluaran).sort_stats("cumulative").print_stats(args.baris)
            print(keluaran.getvalue())
        reset_queries()


if __name__ == "__main__":
    main()
