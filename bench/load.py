"""Load benchmark: every main page against a bare Django view, on gunicorn with production
settings, aimed at 127.0.0.1 only, each run bounded in time.

    .venv/bin/python -m bench.skala --database-url postgres://postgres@127.0.0.1:5432/lpse_perf_skala
    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/lpse_perf_skala --durasi 10

For each page: the median of 20 sequential requests (unloaded), saturation requests per second
with wrk (closed loop) and its ratio to the bare view /bench/kosong/ measured in the same run
(anonymous: the target's yardstick), and to the same bare view requested with the page's staff
session (what session, user, second factor and permissions cost before any page work); then
latency percentiles at a fixed arrival rate (open loop: requests are sent on schedule whether
or not earlier ones have returned, and latency counts from the scheduled time, so queueing is
not hidden). A page answering 404 is reported as "belum ada" (not merged yet).
A form with a POST is also posted at 1 request/s with its CSRF token, under its rate limit.
Last, the streaming CSV export of every vendor, with the peak RSS growth of the gunicorn workers.
Needs `wrk` (Debian: apt-get install wrk). Writes a Markdown table and bench/hasil/load-*.json.
Every measurement is bounded in time and aims at 127.0.0.1 only.
"""

import argparse
import concurrent.futures
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.halaman import HALAMAN  # noqa: E402
from bench.skala.dasar import MEDIA_BAWAAN  # noqa: E402

EKSPOR_CSV = "/registrasi/penyedia/ekspor.csv"


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
            "MEDIA_ROOT": str(args.media_root),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def mulai_gunicorn(env: dict, workers: int) -> tuple[subprocess.Popen, int]:
    """gunicorn with `env` on a free port of 127.0.0.1; the caller waits (_tunggu) and stops it."""
    port = _port_bebas()
    proses = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "lpse_portal.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=60",
        ],
        env=env,
        cwd=ROOT,
    )
    return proses, port


def _sampel_dan_sesi() -> tuple[dict[str, str], dict]:
    """In a set-up Django process: a logged-in session key per role, made the way force_login
    makes one (the second factor marked as verified with the user's TOTP device), and the
    samples the paths of bench/halaman.py name."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.core.cache import cache
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from layanan.models import KategoriTiket, Pelatihan, Tiket
    from organisasi.models import User
    from registrasi.models import BentukUsaha, Penyedia
    from sop.models import SOP

    # The bench's own cache (--redis-url): an earlier run's rate-limit counters would turn this
    # run's ticket POSTs into 429s, and its kept pages and permissions are not this code's.
    cache.clear()
    sesi = {}
    for peran in ("verifikator", "layanan", "kepala_lpse", "sekretaris", "pembina", "admin_sistem"):
        user = User.objects.filter(groups__name=peran, is_active=True).order_by("pk").first()
        if user is None:
            continue
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        s = import_module(settings.SESSION_ENGINE).SessionStore()
        s[SESSION_KEY] = str(user.pk)
        s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        s[HASH_SESSION_KEY] = user.get_session_auth_hash()
        s[DEVICE_ID_SESSION_KEY] = device.persistent_id
        s["terakhir_aktif"] = 4102444800  # far future: the idle timeout never fires in a run
        s.create()
        sesi[peran] = s.session_key
    # Samples of what the pages name; a dataset without one (the dashboard bench's) leaves it
    # None, and only the pages that need it cannot be measured.
    tiket = Tiket.objects.order_by("-pk").first()
    jumlah_penyedia = Penyedia.objects.count()
    penyedia = Penyedia.objects.order_by("pk")[jumlah_penyedia // 2] if jumlah_penyedia else None
    sop = SOP.objects.filter(publik=True, versi__status="berlaku").order_by("pk").first()
    pelatihan = Pelatihan.objects.order_by("-mulai").first()
    pt = BentukUsaha.objects.filter(kode="pt").first()
    kategori = KategoriTiket.objects.filter(aktif=True).order_by("pk").first()
    sampel = {
        "sop": sop and sop.pk,
        "penyedia": penyedia and penyedia.pk,
        "cari_penyedia": penyedia and " ".join(penyedia.nama.split()[-2:]),
        "tiket": tiket and tiket.nomor,
        "tiket_pk": tiket and tiket.pk,
        "pelatihan": pelatihan and pelatihan.pk,
        "pt": pt and pt.pk,
        "kategori_tiket": kategori and kategori.pk,
    }
    return sesi, sampel


def _sesi(env: dict) -> tuple[dict[str, str], dict[str, str]]:
    """_sampel_dan_sesi() in a child process with the server's settings."""
    kode = (
        "import json, django; django.setup(); from bench.load import _sampel_dan_sesi; "
        "sesi, sampel = _sampel_dan_sesi(); print(json.dumps({'sesi': sesi, 'sampel': sampel}))"
    )
    keluaran = subprocess.run(
        [sys.executable, "-c", kode], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    data = json.loads(keluaran.stdout.strip().splitlines()[-1])
    return data["sesi"], data["sampel"]


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
    return _minta(port, path, header, timeout=timeout)[0]


def _minta(port, path, header, *, method="GET", body=None, timeout=10.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=header)
        r = c.getresponse()
        isi = r.read()
        return r.status, isi, r.getheader("Set-Cookie") or ""
    finally:
        c.close()


def _tanpa_beban(port, path, header, n=20) -> float:
    """Median of n sequential requests: the page's own cost without queueing."""
    waktu = []
    for _ in range(n):
        t = time.perf_counter()
        _satu(port, path, header)
        waktu.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(waktu), 1)


def _post_formulir(port, path, header, data, n) -> dict:
    """GET the form for its CSRF cookie and token, then POST it n times at 1/s (the public
    forms allow 10 POSTs an hour per address, so n stays under that)."""
    latensi, status = [], []
    for _ in range(n):
        kode, isi, cookie = _minta(port, path, header)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', isi).group(1).decode()
        csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        h = dict(header)
        h["Cookie"] = "; ".join(filter(None, [h.get("Cookie"), f"csrftoken={csrf}"]))
        h["Origin"] = "https://127.0.0.1"
        h["Referer"] = f"https://127.0.0.1{path}"
        h["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token})
        t = time.perf_counter()
        kode, _, _ = _minta(port, path, h, method="POST", body=body)
        latensi.append((time.perf_counter() - t) * 1000)
        status.append(kode)
        time.sleep(max(0.0, 1.0 - (time.perf_counter() - t)))
    return {
        "post_n": n,
        "post_median_ms": round(statistics.median(latensi), 1),
        "post_maks_ms": round(max(latensi), 1),
        "post_status": sorted(set(status)),
    }


def _pekerja(master_pid: int) -> list[int]:
    import psutil

    return [c.pid for c in psutil.Process(master_pid).children()]


def _ekspor(port, header, master_pid) -> dict:
    """Stream the vendor CSV once; the peak RSS growth of every worker over the download."""
    import psutil

    proses = [psutil.Process(p) for p in _pekerja(master_pid)]
    awal = {p.pid: p.memory_info().rss for p in proses}
    puncak = dict(awal)
    selesai = threading.Event()

    def pantau():
        while not selesai.is_set():
            for p in proses:
                with contextlib.suppress(psutil.NoSuchProcess):
                    puncak[p.pid] = max(puncak[p.pid], p.memory_info().rss)
            time.sleep(0.02)

    pengamat = threading.Thread(target=pantau, daemon=True)
    pengamat.start()
    t = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        c.request("GET", EKSPOR_CSV, headers=header)
        r = c.getresponse()
        baris = byte = 0
        while blok := r.read(65536):
            byte += len(blok)
            baris += blok.count(b"\n")
        status = r.status
    finally:
        c.close()
        selesai.set()
        pengamat.join()
    return {
        "status": status,
        "detik": round(time.perf_counter() - t, 1),
        "baris": baris,
        "mb": round(byte / 1e6, 1),
        "rss_naik_mb": round(max(puncak[p] - awal[p] for p in awal) / 1e6, 1),
    }


TARGET_LAJU_P95 = {"daftar": 150, "dasbor": 200, "cari": 150, "dalam": 150}


def _status_target(b: dict, per_nama: dict) -> str:
    """The issue's target for the page's kind, met or not ("ya"/"TIDAK: why")."""
    gagal = []
    jenis = b["jenis"]
    if not b["semua_2xx"]:
        gagal.append("ada respons bukan 2xx")
    if jenis == "publik" and b["rasio"] < 0.6:
        gagal.append("rasio < 0.6")
    if jenis in ("daftar", "cari", "dalam") and b["rasio"] < 0.05:
        gagal.append("rasio < 0.05")
    if jenis in TARGET_LAJU_P95 and b["p95"] > TARGET_LAJU_P95[jenis]:
        gagal.append(f"p95 > {TARGET_LAJU_P95[jenis]} ms")
    if jenis == "cari" and b.get("banding") in per_nama and b["rps"] < 0.8 * per_nama[b["banding"]]["rps"]:
        gagal.append("< 0.8 x daftar biasa")
    if jenis == "dalam" and b["tanpa_beban_ms"] >= 50:
        gagal.append("tanpa beban >= 50 ms")
    return "TIDAK: " + ", ".join(gagal) if gagal else "ya"


def _wrk(port, path, header, detik, koneksi) -> tuple[float, int]:
    # wrk stops itself after `detik`; the timeout is a second guard.
    perintah = ["wrk", "-t2", f"-c{koneksi}", f"-d{detik}s", "--latency"]
    for k, v in header.items():
        if k != "Host":
            perintah += ["-H", f"{k}: {v}"]
    keluaran = subprocess.run(
        [*perintah, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True, timeout=detik + 60
    )
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


def _berhenti(signum, frame):
    raise SystemExit(f"dihentikan (sinyal {signum})")  # so `finally` stops gunicorn


def main():
    signal.signal(signal.SIGTERM, _berhenti)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="the benchmark dataset (python -m bench.skala)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--detik", "--durasi", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--media-root", type=Path, default=MEDIA_BAWAAN, help="the dataset's files (bench/skala)")
    parser.add_argument("--tanpa-ekspor", action="store_true", help="skip the CSV export measurement")
    parser.add_argument("--koneksi", type=int, default=16, help="wrk connections")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--halaman", nargs="*", help="only these page names")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk tidak ditemukan: apt-get install wrk")

    # A kept folder (under var/, ignored by git): collectstatic then copies only what changed.
    var_dir = ROOT / "var" / "bench-load"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = _env(args, str(var_dir))
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    sesi, sampel = _sesi(env)
    beban_awal = os.getloadavg()
    gunicorn, port = mulai_gunicorn(env, args.workers)
    hasil = []
    try:
        _tunggu(port)
        pilihan = [h for h in HALAMAN if not args.halaman or h.nama in args.halaman]
        kosong_header = _header(None)
        for _ in range(20):
            _satu(port, "/bench/kosong/", kosong_header)
        rps_kosong, _ = _wrk(port, "/bench/kosong/", kosong_header, args.detik, args.koneksi)
        print(f"bare view /bench/kosong/: {rps_kosong:.0f} req/s", flush=True)
        # The same bare view with each staff role's session: what the session, user, second
        # factor and permission middleware cost before any page work, per role.
        kosong_sesi: dict[str, float] = {}
        belum_ada, ekspor = [], None
        for h in pilihan:
            path = h.path.format(**{k: urllib.parse.quote_plus(str(v)) for k, v in sampel.items()})
            header = _header(sesi.get(h.peran) if h.peran else None)
            status = _satu(port, path, header)
            if status == 404:
                print(f"BELUM ADA {h.nama}: {path} menjawab 404", flush=True)
                belum_ada.append({"halaman": h.nama, "path": path, "jenis": h.jenis})
                continue
            if status != 200:
                print(f"GAGAL {h.nama}: {path} status {status}", flush=True)
                hasil.append({"halaman": h.nama, "path": path, "jenis": h.jenis, "gagal": status})
                continue
            if h.peran and h.peran not in kosong_sesi:
                kosong_sesi[h.peran], _ = _wrk(port, "/bench/kosong/", header, args.detik, args.koneksi)
                print(f"bare view with the {h.peran} session: {kosong_sesi[h.peran]:.0f} req/s", flush=True)
            for _ in range(5):
                _satu(port, path, header)
            tanpa_beban = _tanpa_beban(port, path, header)
            rps, bukan_2xx = _wrk(port, path, header, args.detik, args.koneksi)
            lat = _laju_tetap(port, path, header, h.laju, args.detik)
            baris = {
                "halaman": h.nama,
                "path": path,
                "jenis": h.jenis,
                "banding": h.banding,
                "tanpa_beban_ms": tanpa_beban,
                "rps": round(rps, 1),
                "rasio": round(rps / rps_kosong, 3),
                "rasio_sesi": round(rps / kosong_sesi.get(h.peran, rps_kosong), 3),
                "laju_tetap": h.laju,
                **lat,
                "bukan_2xx_saturasi": bukan_2xx,
            }
            if h.post:
                data = {k: str(v).format(**sampel) for k, v in h.post.items()}
                baris.update(_post_formulir(port, path, header, data, n=min(8, args.detik)))
            hasil.append(baris)
            print(json.dumps(baris), flush=True)
        if not args.tanpa_ekspor and (not args.halaman or "ekspor" in args.halaman):
            ekspor = _ekspor(port, _header(sesi.get("verifikator")), gunicorn.pid)
            print(f"ekspor CSV penyedia: {json.dumps(ekspor)}", flush=True)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    beban_akhir = os.getloadavg()
    keluar = ROOT / "bench" / "hasil"
    keluar.mkdir(exist_ok=True)
    berkas = keluar / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    per_nama = {b["halaman"]: b for b in hasil if "gagal" not in b}
    for b in per_nama.values():
        b["target"] = _status_target(b, per_nama)
    berkas.write_text(
        json.dumps(
            {
                "kosong_rps": rps_kosong,
                "kosong_sesi_rps": kosong_sesi,
                "halaman": hasil,
                "belum_ada": belum_ada,
                "ekspor": ekspor,
                "beban": {"awal": beban_awal, "akhir": beban_akhir},
                "args": {k: str(v) for k, v in vars(args).items()},
            },
            indent=2,
        )
    )
    print()
    print(
        "| halaman | jenis | tanpa beban ms | req/s | rasio ke view kosong | rasio ke view kosong bersesi "
        "| laju tetap | p50 ms | p95 ms | p99 ms | semua 2xx | target |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    print(f"| view kosong (/bench/kosong/) | acuan | | {rps_kosong:.0f} | 1.000 | | | | | | | |")
    for peran, rps in kosong_sesi.items():
        print(f"| view kosong, sesi {peran} | acuan | | {rps:.0f} | {rps / rps_kosong:.3f} | 1.000 | | | | | | |")
    for b in hasil:
        if "gagal" in b:
            print(f"| {b['halaman']} | {b['jenis']} | | | | | | | | | TIDAK (status {b['gagal']}) | TIDAK |")
            continue
        print(
            f"| {b['halaman']} | {b['jenis']} | {b['tanpa_beban_ms']} | {b['rps']:.0f} | {b['rasio']:.3f} | "
            f"{b['rasio_sesi']:.3f} | {b['laju_tetap']}/s | {b['p50']} | {b['p95']} | {b['p99']} | "
            f"{'ya' if b['semua_2xx'] else 'TIDAK'} | {b['target']} |"
        )
    for b in belum_ada:
        print(f"| {b['halaman']} | {b['jenis']} | | | | | | | | | | belum ada (404) |")
    for b in hasil:
        if "post_n" in b:
            print(
                f"\nPOST {b['path']}: {b['post_n']} kali pada 1/s, median {b['post_median_ms']} ms, "
                f"maks {b['post_maks_ms']} ms, status {b['post_status']}"
            )
    if ekspor:
        print(
            f"\nEkspor CSV penyedia ({EKSPOR_CSV}): status {ekspor['status']}, {ekspor['baris']} baris, "
            f"{ekspor['mb']} MB dalam {ekspor['detik']} s; RSS pekerja naik {ekspor['rss_naik_mb']} MB"
        )
    print(f"\nBeban mesin (load average 1/5/15 menit): awal {beban_awal}, akhir {beban_akhir}")
    print(f"Hasil mentah: {berkas.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
