"""What every step of the scale dataset shares: the database it fills, the bench media
folder, and COPY. Kept apart from Django so that `--database-url` can be set before setup."""

import io
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The bench media folder: every document row of the dataset points at a file in here.
MEDIA_BAWAAN = ROOT / "var" / "bench-skala-media"


@dataclass
class Konteks:
    """Handed to every step: options and the staff a step may name as actor."""

    media_root: Path
    catatan: dict = field(default_factory=dict)  # step name -> seconds, rows


def siapkan_env(database_url: str, redis_url: str, media_root: Path) -> None:
    """Production-like settings (DEBUG off: no query log) pointed at the bench database."""
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(media_root),
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_MANIFEST": "0",
            "LOG_LEVEL": "WARNING",
            "EMAIL_URL": "locmem://",
            "DJANGO_SETTINGS_MODULE": "lpse_portal.settings",
        }
    )
    os.environ.setdefault("SECRET_KEY", "bench-skala-" + "k" * 60)
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,testserver")


def _admin(cfg):
    import psycopg2

    c = psycopg2.connect(
        dbname="postgres", user=cfg["USER"], host=cfg["HOST"], port=cfg["PORT"] or 5432, password=cfg["PASSWORD"]
    )
    c.autocommit = True
    return c


def pastikan_database(database_url: str, *, ulang: bool) -> str:
    """Create the database if it is missing; with `ulang`, drop it first (the event stream is
    append-only, so a rebuild starts from an empty database rather than deleting rows)."""
    import dj_database_url

    cfg = dj_database_url.parse(database_url)
    if "postgresql" not in cfg["ENGINE"]:
        raise SystemExit("Dataset skala memerlukan PostgreSQL (--database-url postgres://...).")
    nama = cfg["NAME"]
    if nama in {"test_lpse", "lpse", "postgres", "template1"}:
        raise SystemExit(f"Menolak mengisi basis data {nama!r}: pakai basis data khusus bench.")
    admin = _admin(cfg)
    with admin.cursor() as c:
        if ulang:
            c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [nama])
            c.execute(f'DROP DATABASE IF EXISTS "{nama}"')
        c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
        if not c.fetchone():
            c.execute(f'CREATE DATABASE "{nama}"')
    admin.close()
    return nama


def _nilai(v) -> str:
    if v is None:
        return r"\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime | date):
        return v.isoformat()
    return str(v).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def copy(cursor, tabel: str, kolom: list[str], baris) -> int:
    """COPY rows (lists in `kolom` order) into `tabel` through a DB-API cursor; returns the count."""
    buf = io.StringIO()
    n = 0
    for b in baris:
        buf.write("\t".join(_nilai(v) for v in b) + "\n")
        n += 1
    buf.seek(0)
    raw = getattr(cursor, "cursor", cursor)
    raw.copy_expert(f"COPY {tabel} ({', '.join(kolom)}) FROM STDIN", buf)
    return n
