"""Load benchmark: every main page against a bare Django view, on gunicorn with production
settings, aimed at 127.0.0.1 only, each run bounded in time.

    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/lpse_bench

For each page: saturation requests per second with wrk (closed loop) and its ratio to the
bare view /bench/kosong/ measured in the same run; then latency percentiles at a fixed
arrival rate (open loop: requests are sent on schedule whether or not earlier ones have
returned, and latency counts from the scheduled time, so queueing is not hidden).
Needs `wrk` (Debian: apt-get install wrk). Writes a Markdown table and bench/hasil/load-*.json.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.halaman import HALAMAN  # noqa: E402


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(args, port_static: str) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lpse_portal.settings",
            "DEBUG": "0",
            "SECRET_KEY": "bench-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "BENCH_ENDPOINT": "1",
            "STATIC_MANIFEST": "1",
            "VAR_DIR": port_static,
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def _sesi(env: dict) -> dict[str, str]:
    """A logged-in session cookie per role, made the way force_login makes one."""
    kode = r"""
import json, django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from organisasi.models import User
hasil = {}
for peran in ("verifikator", "layanan", "kepala_lpse", "sekretaris", "pembina", "admin_sistem"):
    user = User.objects.filter(groups__name=peran, is_active=True).order_by("pk").first()
    if user is None:
        continue
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s[DEVICE_ID_SESSION_KEY] = device.persistent_id
    s["terakhir_aktif"] = 4102444800  # far future: the idle timeout never fires in a run
    s.create()
    hasil[peran] = s.session_key
print(json.dumps(hasil))
"""
    keluaran = subprocess.run(
        [sys.executable, "-c", kode], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(keluaran.stdout.strip().splitlines()[-1])


def _tunggu(port: int, batas: float = 30) -> None:
    akhir = time.time() + batas
    while time.time() < akhir:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn tidak menjawab")


def _header(sesi: str | None) -> dict:
    h = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    if sesi:
        h["Cookie"] = f"sessionid={sesi}"
    return h


def _satu(port, path, header, timeout=10.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", path, headers=header)
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


def _wrk(port, path, header, detik, koneksi) -> tuple[float, int]:
    perintah = ["wrk", "-t2", f"-c{koneksi}", f"-d{detik}s", "--latency"]
    for k, v in header.items():
        if k != "Host":
            perintah += ["-H", f"{k}: {v}"]
    keluaran = subprocess.run([*perintah, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", keluaran.stdout).group(1))
    bukan_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", keluaran.stdout)
    return rps, int(bukan_2xx.group(1)) if bukan_2xx else 0


def _laju_tetap(port, path, header, laju, detik) -> dict:
    """Open loop: one request every 1/laju s for `detik` s; latency from the scheduled time."""
    jumlah = int(laju * detik)
    mulai = time.perf_counter() + 0.2
    latensi, status = [], []

    def kirim(i):
        jadwal = mulai + i / laju
        tunda = jadwal - time.perf_counter()
        if tunda > 0:
            time.sleep(tunda)
        try:
            kode = _satu(port, path, header)
        except OSError:
            kode = 0
        return time.perf_counter() - jadwal, kode

    with concurrent.futures.ThreadPoolExecutor(max_workers=64) as ex:
        for lat, kode in ex.map(kirim, range(jumlah)):
            latensi.append(lat * 1000)
            status.append(kode)
    q = statistics.quantiles(latensi, n=100, method="inclusive")
    return {
        "p50": round(q[49], 1),
        "p95": round(q[94], 1),
        "p99": round(q[98], 1),
        "semua_2xx": all(200 <= s < 300 for s in status),
        "bukan_2xx": sum(1 for s in status if not 200 <= s < 300),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="the benchmark dataset (bench/dataset.py)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--detik", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--koneksi", type=int, default=16, help="wrk connections")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--halaman", nargs="*", help="only these page names")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk tidak ditemukan: apt-get install wrk")

    var_dir = tempfile.mkdtemp(prefix="lpse-bench-")
    env = _env(args, var_dir)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    sesi = _sesi(env)
    port = _port_bebas()
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "lpse_portal.wsgi",
            f"--workers={args.workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=60",
        ],
        env=env,
        cwd=ROOT,
    )
    hasil = []
    try:
        _tunggu(port)
        pilihan = [h for h in HALAMAN if not args.halaman or h.nama in args.halaman]
        kosong_header = _header(None)
        for _ in range(20):
            _satu(port, "/bench/kosong/", kosong_header)
        rps_kosong, _ = _wrk(port, "/bench/kosong/", kosong_header, args.detik, args.koneksi)
        print(f"bare view /bench/kosong/: {rps_kosong:.0f} req/s", flush=True)
        for h in pilihan:
            header = _header(sesi.get(h.peran) if h.peran else None)
            status = _satu(port, h.path, header)
            if status != 200:
                print(f"LEWATI {h.nama}: status {status}", flush=True)
                continue
            for _ in range(10):
                _satu(port, h.path, header)
            rps, bukan_2xx = _wrk(port, h.path, header, args.detik, args.koneksi)
            lat = _laju_tetap(port, h.path, header, h.laju, args.detik)
            baris = {
                "halaman": h.nama,
                "path": h.path,
                "jenis": h.jenis,
                "rps": round(rps, 1),
                "rasio": round(rps / rps_kosong, 3),
                "laju_tetap": h.laju,
                **lat,
                "bukan_2xx_saturasi": bukan_2xx,
            }
            hasil.append(baris)
            print(json.dumps(baris), flush=True)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)

    keluar = ROOT / "bench" / "hasil"
    keluar.mkdir(exist_ok=True)
    berkas = keluar / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    berkas.write_text(json.dumps({"kosong_rps": rps_kosong, "halaman": hasil, "args": vars(args)}, indent=2))
    print()
    print("| halaman | jenis | req/s | rasio ke view kosong | laju tetap | p50 ms | p95 ms | p99 ms | semua 2xx |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| view kosong (/bench/kosong/) | acuan | {rps_kosong:.0f} | 1.000 | | | | | |")
    for b in hasil:
        print(
            f"| {b['halaman']} | {b['jenis']} | {b['rps']:.0f} | {b['rasio']:.3f} | {b['laju_tetap']}/s | "
            f"{b['p50']} | {b['p95']} | {b['p99']} | {'ya' if b['semua_2xx'] else 'TIDAK'} |"
        )
    print(f"\nHasil mentah: {berkas.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
