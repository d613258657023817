"""Build (or check) the provincial-scale dataset; prints the time each step took.

    .venv/bin/python -m bench.skala --database-url postgres://postgres@127.0.0.1:5432/lpse_perf_skala

--ulang drops the database and builds it again. The default media folder is
var/bench-skala-media (pass the same --media-root to bench/load.py).
"""

import argparse
import time
from pathlib import Path

from bench.skala.dasar import MEDIA_BAWAAN, Konteks, pastikan_database, siapkan_env


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--media-root", type=Path, default=MEDIA_BAWAAN)
    parser.add_argument("--ulang", action="store_true", help="hapus basis data lalu bangun dari awal")
    parser.add_argument("--langkah", nargs="*", help="hanya langkah yang namanya memuat kata ini")
    args = parser.parse_args()

    mulai = time.perf_counter()
    pastikan_database(args.database_url, ulang=args.ulang)
    siapkan_env(args.database_url, args.redis_url, args.media_root)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.skala import LANGKAH

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115 - staff for the sessions
    print(f"migrate + seed_demo: {time.perf_counter() - t:.0f} s", flush=True)
    ktx = Konteks(media_root=args.media_root)
    for nama, langkah in LANGKAH:
        if args.langkah and not any(k in nama for k in args.langkah):
            continue
        t = time.perf_counter()
        hasil = langkah(ktx)
        print(f"{nama}: {hasil} ({time.perf_counter() - t:.0f} s)", flush=True)
    t = time.perf_counter()
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE") if connection.get_autocommit() else c.execute("ANALYZE")
    print(f"ANALYZE: {time.perf_counter() - t:.0f} s")
    print(f"Selesai dalam {time.perf_counter() - mulai:.0f} s ({(time.perf_counter() - mulai) / 60:.1f} menit)")


if __name__ == "__main__":
    main()
