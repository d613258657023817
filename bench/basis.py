"""What the per-app benches share: their own PostgreSQL database beside DATABASE_URL's, and
production-like settings (DEBUG off: no query log, cached templates; plain http for the test
client; no collectstatic)."""

import os
import statistics
import sys
import time


def siapkan_basis_bench(akhiran: str, **env_tambahan: str) -> str:
    """Point DATABASE_URL at `<its name>_bench_<akhiran>`, created if missing; returns the name.
    `env_tambahan` sets further variables (e.g. EMAIL_URL, MEDIA_ROOT) before Django starts."""
    import dj_database_url
    import psycopg2

    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lpse")
    cfg = dj_database_url.parse(url)
    if "postgresql" not in cfg["ENGINE"]:
        sys.exit("Bench ini memerlukan PostgreSQL (DATABASE_URL).")
    akhir = f"_bench_{akhiran}"
    nama = cfg["NAME"] if cfg["NAME"].endswith(akhir) else cfg["NAME"] + akhir
    admin = psycopg2.connect(
        dbname="postgres", user=cfg["USER"], host=cfg["HOST"], port=cfg["PORT"] or 5432, password=cfg["PASSWORD"]
    )
    admin.autocommit = True
    with admin.cursor() as c:
        c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
        if not c.fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')
    admin.close()
    os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + nama
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "kunci-bench-tidak-untuk-produksi-" + "x" * 40)
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["STATIC_MANIFEST"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.update(env_tambahan)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lpse_portal.settings")
    return nama


def ukur(fungsi, ulang: int = 5):
    """(median ms, max ms, last result) of `ulang` calls."""
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        hasil = fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    return statistics.median(waktu), max(waktu), hasil
