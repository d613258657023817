"""`make test`: find or start PostgreSQL and Redis, then run every check and the test suite.

Services, in order of preference:
  1. DATABASE_URL / REDIS_URL from the environment;
  2. the servers on 127.0.0.1:5432 and 127.0.0.1:6379;
  3. throwaway servers started here in a temporary directory (when the binaries exist);
  4. otherwise: a message naming the Debian packages to install, and exit code 2.

Extra arguments are passed to pytest (make test ARGS="-k registrasi").
"""

import atexit
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PAKET = "postgresql redis-server"


def _terbuka(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cari_biner(nama: str) -> str | None:
    found = shutil.which(nama)
    if found:
        return found
    kandidat = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{nama}"), reverse=True)
    return kandidat[0] if kandidat else None


def _gagal(pesan: str) -> None:
    print(f"\n[make test] {pesan}", file=sys.stderr)
    print(f"[make test] Pasang dengan: sudo apt-get install -y {PAKET}", file=sys.stderr)
    sys.exit(2)


def postgres_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    if _terbuka("127.0.0.1", 5432):
        return "postgres://postgres@127.0.0.1:5432/lpse"
    initdb, pg_ctl = _cari_biner("initdb"), _cari_biner("pg_ctl")
    if not (initdb and pg_ctl):
        _gagal("PostgreSQL tidak berjalan di 127.0.0.1:5432 dan initdb/pg_ctl tidak ditemukan.")
    data = tempfile.mkdtemp(prefix="lpse-pg-")
    port = _port_bebas()
    user_args = []
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root: hand the directory to the postgres user.
        shutil.chown(data, "postgres")
        user_args = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*user_args, initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [
            *user_args,
            pg_ctl,
            "-D",
            data,
            "-w",
            "-l",
            f"{data}/log",
            "-o",
            f"-p {port} -k {data} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    atexit.register(
        lambda: subprocess.run([*user_args, pg_ctl, "-D", data, "-m", "fast", "stop"], stdout=subprocess.DEVNULL)
    )
    print(f"[make test] PostgreSQL sementara di port {port} ({data})")
    return f"postgres://postgres@127.0.0.1:{port}/lpse"


def redis_url() -> str:
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    if _terbuka("127.0.0.1", 6379):
        return "redis://127.0.0.1:6379/0"
    server = shutil.which("redis-server")
    if not server:
        _gagal("Redis tidak berjalan di 127.0.0.1:6379 dan redis-server tidak ditemukan.")
    port = _port_bebas()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    atexit.register(proc.terminate)
    for _ in range(50):
        if _terbuka("127.0.0.1", port):
            break
        time.sleep(0.1)
    print(f"[make test] Redis sementara di port {port}")
    return f"redis://127.0.0.1:{port}/0"


def langkah(judul: str, perintah: list[str], env: dict) -> None:
    print(f"\n[make test] {judul}: {' '.join(perintah)}", flush=True)
    hasil = subprocess.run(perintah, env=env, cwd=ROOT)
    if hasil.returncode != 0:
        print(f"[make test] GAGAL: {judul} (kode {hasil.returncode})", file=sys.stderr)
        sys.exit(hasil.returncode)


def audit_dependensi(env: dict) -> None:
    """pip-audit --strict over the pinned requirements. When its advisory source cannot be
    reached, the step says NOT RUN — it never counts as a pass — and the suite goes on."""
    perintah = [
        str(BIN / "pip-audit"),
        "--strict",
        "--progress-spinner=off",
        "--disable-pip",
        "--no-deps",
        "-r",
        "requirements.txt",
        "-r",
        "requirements-test.txt",
    ]
    print(f"\n[make test] audit dependensi: {' '.join(perintah)}", flush=True)
    hasil = subprocess.run(perintah, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    keluaran = hasil.stdout + hasil.stderr
    if hasil.returncode == 0:
        print("[make test] pip-audit: tidak ada kerentanan yang diketahui.")
        return
    if "known vulnerabilit" in keluaran:
        print(keluaran)
        print("[make test] GAGAL: pip-audit menemukan kerentanan.", file=sys.stderr)
        sys.exit(1)
    alasan = next((b for b in keluaran.splitlines() if "ERROR" in b or "Error" in b), keluaran.strip()[-300:])
    print(f"[make test] pip-audit: TIDAK DIJALANKAN — sumber advisori tidak terjangkau atau tidak lengkap ({alasan})")


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))
    env = dict(os.environ)
    env["DATABASE_URL"] = postgres_url()
    env["REDIS_URL"] = redis_url()
    env.setdefault("SECRET_KEY", "kunci-uji-tidak-untuk-produksi-" + "x" * 32)
    env.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    py = sys.executable
    print(f"[make test] DATABASE_URL={env['DATABASE_URL']} REDIS_URL={env['REDIS_URL']}")

    langkah("ruff (lint)", [str(BIN / "ruff"), "check", "."], env)
    langkah("ruff (format)", [str(BIN / "ruff"), "format", "--check", "."], env)
    # Medium and high findings must be fixed or explained on their line (# nosec Bxxx - why).
    kode = ["lpse_portal", "organisasi", "registrasi", "layanan", "sistem", "sop", "laporan", "bench", "scripts"]
    langkah("bandit", [str(BIN / "bandit"), "-q", "-r", *kode, "-x", "*/tests/*", "-ll"], env)
    if any((ROOT / "locale").rglob("*.po")):
        if not shutil.which("msgfmt"):
            _gagal("msgfmt (gettext) tidak ditemukan; pasang paket gettext.")
        langkah("terjemahan", [py, "manage.py", "compilemessages", "--ignore=.venv", "--ignore=node_modules"], env)
    langkah("system check", [py, "manage.py", "check", "--fail-level", "WARNING"], env)
    langkah("migrasi lengkap", [py, "manage.py", "makemigrations", "--check", "--dry-run"], env)
    deploy_env = {**env, "DEBUG": "0", "ALLOWED_HOSTS": "lpse.ntbprov.go.id"}
    langkah("check --deploy", [py, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], deploy_env)
    argumen = sys.argv[1:]
    if not any(a == "-n" or a.startswith("-n") or a.startswith("--numprocesses") for a in argumen):
        argumen = ["-n", "auto", *argumen]  # one worker per core
    audit_dependensi(env)
    langkah("pytest", [py, "-m", "pytest", *argumen], env)
    print("\n[make test] Semua pemeriksaan lulus.")


if __name__ == "__main__":
    main()
