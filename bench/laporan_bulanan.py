"""Bench: the monthly periodic report over 1,000,000 tickets and 100,000 registrations (issue 7).

Creates (or reuses) a separate PostgreSQL database (`<DATABASE_URL name>_bench_laporan`),
loads the data with COPY on the first run, then makes the October 2026 report the way the
worker does (`laporan.services.jalankan_laporan`) in a fresh child process, and reports the
wall time and that process's peak memory (its VmHWM high-water mark, and RSS sampled every
20 ms with psutil). Never touches the database in DATABASE_URL itself.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_lap REDIS_URL=redis://127.0.0.1:6379/4 \
        .venv/bin/python -u bench/laporan_bulanan.py [--tiket 1000000] [--pendaftaran 100000] [--ulang 2]

Dataset: tickets spread evenly over the 24 months up to October 2026 (about 41,700 a month),
each with 2–4 events (created, taken, a staff answer, resolved: 90 % are resolved, most within
a day or two, some late), kinds and categories at random; registrations over the same two
years with their events (created, submitted, taken, approved or rejected, the vendor's user ID
activated). The events carry placeholder hashes: the report never walks the chain.
"""

import argparse
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.basis import siapkan_basis_bench  # noqa: E402

WITA = ZoneInfo("Asia/Makassar")
AWAL = datetime(2024, 11, 1, tzinfo=WITA)
AKHIR = datetime(2026, 11, 1, tzinfo=WITA)  # October 2026 is the measured month
HASH = "0" * 64


def _siapkan_env() -> str:
    return siapkan_basis_bench(
        "laporan",
        EMAIL_URL="locmem://",
        CELERY_TASK_ALWAYS_EAGER="1",
        MEDIA_ROOT=str(ROOT / "var" / "bench_laporan_media"),
    )


def _nilai(v):
    if v is None:
        return r"\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, dict | list):
        v = json.dumps(v)
    return str(v).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


class Penyalin:
    """Rows of one model to COPY, filled from the model's defaults, flushed in batches."""

    def __init__(self, cursor, model, batas=50_000, dengan_id=True):
        from django.db.models import NOT_PROVIDED

        self.cursor, self.model, self.batas = cursor, model, batas
        self.kolom, self.bawaan = [], {}
        for f in model._meta.concrete_fields:
            if f.primary_key and not dengan_id:
                continue  # the sequence numbers these rows
            self.kolom.append(f.column)
            if f.default is not NOT_PROVIDED and not callable(f.default):
                self.bawaan[f.column] = f.default
            elif f.null:
                self.bawaan[f.column] = None
            else:
                self.bawaan[f.column] = ""
        self.buf = io.StringIO()
        self.n = 0

    def tambah(self, **nilai):
        self.buf.write("\t".join(_nilai(nilai.get(k, self.bawaan[k])) for k in self.kolom) + "\n")
        self.n += 1
        if self.n >= self.batas:
            self.kirim()

    def kirim(self):
        if self.n:
            self.buf.seek(0)
            self.cursor.copy_expert(f"COPY {self.model._meta.db_table} ({', '.join(self.kolom)}) FROM STDIN", self.buf)
        self.buf = io.StringIO()
        self.n = 0


def _setval(c, model, nilai):
    c.execute(f"SELECT setval(pg_get_serial_sequence('{model._meta.db_table}', 'id'), %s)", [nilai])


def muat(n_tiket: int, n_pendaftaran: int) -> float:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from layanan.models import KategoriTiket, Tiket
    from lpse_portal.models import Peristiwa, RantaiPeristiwa
    from organisasi.models import User
    from registrasi.models import BentukUsaha, Pendaftaran, Penyedia

    rng = random.Random(7)
    t0 = time.perf_counter()
    kategori = list(KategoriTiket.objects.order_by("pk").values_list("pk", flat=True))
    bentuk = list(BentukUsaha.objects.order_by("pk").values_list("pk", flat=True))
    petugas = User.objects.filter(username="bench.petugas").first() or User.objects.create_user(
        "bench.petugas", password=None, email="petugas@bench.id"
    )
    ct_tiket = ContentType.objects.get_for_model(Tiket)
    ct_daftar = ContentType.objects.get_for_model(Pendaftaran)
    ct_penyedia = ContentType.objects.get_for_model(Penyedia)
    urutan = {"layanan.tiket": 0, "registrasi.pendaftaran": 0, "registrasi.penyedia": 0}
    jenis_tiket = ["konsultasi", "permasalahan_teknis", "permintaan_layanan", "pengaduan", "usulan"]
    rentang_menit = int((AKHIR - AWAL).total_seconds() // 60)
    with transaction.atomic(), connection.cursor() as c:
        raw = c.cursor
        ev = Penyalin(raw, Peristiwa, batas=100_000, dengan_id=False)

        def peristiwa(rantai, ct, object_id, aksi, dari, ke, waktu, data=None):
            urutan[rantai] += 1
            ev.tambah(
                rantai=rantai,
                urutan=urutan[rantai],
                content_type_id=ct.pk,
                object_id=object_id,
                aksi=aksi,
                dari=dari,
                ke=ke,
                data=data or {},
                oleh_id=petugas.pk,
                created_at=waktu,
                hash_sebelumnya=HASH,
                hash=HASH,
            )

        tiket = Penyalin(raw, Tiket)
        for pk in range(1, n_tiket + 1):
            dibuat = AWAL + timedelta(minutes=rng.randrange(rentang_menit))
            selesai = rng.random() < 0.9
            status = "selesai" if selesai else rng.choice(["baru", "ditangani"])
            tiket.tambah(
                id=pk,
                nomor=f"TKB-{pk:07d}",
                jenis=rng.choice(jenis_tiket),
                kategori_id=rng.choice(kategori),
                status=status,
                judul=f"Tiket bench {pk}",
                uraian="Uraian tiket untuk bench laporan.",
                nama_pelapor=f"Pelapor {pk % 5000}",
                ditangani_oleh_id=petugas.pk if status != "baru" else None,
                token=f"bench{pk}",
                created_at=dibuat,
                updated_at=dibuat,
            )
            peristiwa("layanan.tiket", ct_tiket, pk, "buat", "", "baru", dibuat)
            if status == "baru":
                continue
            w = dibuat + timedelta(minutes=rng.randint(5, 240))
            peristiwa("layanan.tiket", ct_tiket, pk, "tugaskan", "baru", "ditangani", w)
            w += timedelta(minutes=rng.randint(5, 120))
            peristiwa("layanan.tiket", ct_tiket, pk, "balas", "", "", w, {"respons_staf": True})
            if selesai:
                # Most within a day or two; one in ten takes one to three weeks.
                w += timedelta(hours=rng.randint(1, 48) if rng.random() < 0.9 else rng.randint(170, 500))
                peristiwa("layanan.tiket", ct_tiket, pk, "selesaikan", "ditangani", "selesai", w)
        tiket.kirim()
        _setval(c, Tiket, n_tiket + 1)

        user = Penyalin(raw, User)
        penyedia = Penyalin(raw, Penyedia)
        daftar = Penyalin(raw, Pendaftaran)
        dasar_user = petugas.pk + 1
        for i in range(n_pendaftaran):
            uid, pk = dasar_user + i, i + 1
            dibuat = AWAL + timedelta(minutes=rng.randrange(rentang_menit))
            r = rng.random()
            status = "disetujui" if r < 0.7 else "ditolak" if r < 0.8 else "diajukan" if r < 0.9 else "draf"
            user.tambah(
                id=uid,
                password="!",  # noqa: S106 - the unusable-password marker, as set_unusable_password writes
                username=f"bench.vendor{pk}",
                email=f"v{pk}@bench.id",
                is_active=status == "disetujui",
                date_joined=dibuat,
            )
            diajukan = dibuat + timedelta(hours=rng.randint(1, 72)) if status != "draf" else None
            putus = diajukan + timedelta(hours=rng.randint(2, 200)) if status in ("disetujui", "ditolak") else None
            penyedia.tambah(
                id=pk,
                user_id=uid,
                nama=f"CV Bench {pk}",
                bentuk_usaha_id=rng.choice(bentuk),
                npwp=f"{pk:016d}",
                nib=f"{pk:013d}",
                alamat="Jl. Bench",
                provinsi="Nusa Tenggara Barat",
                kabupaten_kota="Kota Mataram",
                kode_pos="83121",
                telepon="0370",
                email=f"v{pk}@bench.id",
                pj_nama="Direktur",
                pj_nik=f"{pk:016d}",
                pj_jabatan="Direktur",
                status="aktif" if status == "disetujui" else "nonaktif",
                ditolak=status == "ditolak",
                aktif_sejak=putus if status == "disetujui" else None,
                created_at=dibuat,
                updated_at=dibuat,
            )
            daftar.tambah(
                id=pk,
                penyedia_id=pk,
                status=status,
                verifikator_id=petugas.pk if putus else None,
                diajukan_pertama_at=diajukan,
                antre_sejak=diajukan,
                diputuskan_at=putus,
                prapemeriksaan=[],
                created_at=dibuat,
                updated_at=dibuat,
            )
            peristiwa("registrasi.pendaftaran", ct_daftar, pk, "buat", "", "draf", dibuat)
            if diajukan:
                peristiwa("registrasi.pendaftaran", ct_daftar, pk, "ajukan", "draf", "diajukan", diajukan)
            if putus:
                peristiwa("registrasi.pendaftaran", ct_daftar, pk, "ambil", "diajukan", "diverifikasi", putus)
                peristiwa("registrasi.pendaftaran", ct_daftar, pk, "setujui", "diverifikasi", status, putus)
                if status == "disetujui":
                    peristiwa("registrasi.penyedia", ct_penyedia, pk, "aktifkan_user_id", "nonaktif", "aktif", putus)
        for p in (user, penyedia, daftar, ev):
            p.kirim()
        _setval(c, User, dasar_user + n_pendaftaran + 1)
        _setval(c, Penyedia, n_pendaftaran + 1)
        _setval(c, Pendaftaran, n_pendaftaran + 1)
        for nama, n in urutan.items():
            RantaiPeristiwa.objects.update_or_create(nama=nama, defaults={"urutan_terakhir": n, "hash_terakhir": HASH})
    with connection.cursor() as c:
        for model in (Tiket, Peristiwa, User, Penyedia, Pendaftaran):
            c.execute(f"ANALYZE {model._meta.db_table}")
    return time.perf_counter() - t0


def ukur_sekali() -> dict:
    """In a fresh process: queue and make the October 2026 report as the worker does."""
    import django
    import psutil

    proses = psutil.Process()
    puncak = [proses.memory_info().rss]
    berhenti = threading.Event()

    def sampel():
        while not berhenti.is_set():
            puncak[0] = max(puncak[0], proses.memory_info().rss)
            time.sleep(0.02)

    django.setup()
    from laporan import services
    from laporan.models import ReportRun

    awal_rss = proses.memory_info().rss
    pemantau = threading.Thread(target=sampel, daemon=True)
    pemantau.start()
    t0 = time.perf_counter()
    run, _ = services.minta_laporan(
        jenis="bulanan", periode="2026-10", oleh=None, pemicu=ReportRun.Pemicu.PERINTAH, antrekan=False
    )
    run = services.jalankan_laporan(run_id=run.pk)
    detik = time.perf_counter() - t0
    berhenti.set()
    pemantau.join()
    import resource

    # VmHWM: this process image's own RSS high-water mark (ru_maxrss also counts the parent's
    # pages the child had right after fork, before exec: the loader's 280 MB on a first run).
    status = Path("/proc/self/status").read_text().splitlines()
    hwm = next(int(baris.split()[1]) for baris in status if baris.startswith("VmHWM"))
    return {
        "run": run.pk,
        "status": run.status,
        "galat": run.galat,
        "detik": round(detik, 1),
        "rss_awal_mb": round(awal_rss / 2**20, 1),
        "rss_puncak_mb": round(puncak[0] / 2**20, 1),
        "vmhwm_mb": round(hwm / 1024, 1),
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "berkas": {f.format: f.ukuran for f in run.berkas.all()},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiket", type=int, default=1_000_000)
    ap.add_argument("--pendaftaran", type=int, default=100_000)
    ap.add_argument("--ulang", type=int, default=2)
    ap.add_argument("--ukur-sekali", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    nama = _siapkan_env()
    if args.ukur_sekali:
        print(json.dumps(ukur_sekali()))
        return
    import django
    from django.core.management import call_command

    django.setup()
    from layanan.models import Tiket
    from registrasi.models import Pendaftaran

    call_command("migrate", verbosity=0)
    if not Tiket.objects.exists():
        print(f"Memuat {args.tiket:,} tiket dan {args.pendaftaran:,} pendaftaran ke {nama} …", flush=True)
        print(f"  dimuat dalam {muat(args.tiket, args.pendaftaran):.0f} detik", flush=True)
    from lpse_portal.models import Peristiwa

    print(
        f"Data: {Tiket.objects.count():,} tiket, {Pendaftaran.objects.count():,} pendaftaran, "
        f"{Peristiwa.objects.count():,} peristiwa",
        flush=True,
    )
    for i in range(args.ulang):
        keluar = subprocess.run(
            [sys.executable, __file__, "--ukur-sekali"], check=True, capture_output=True, text=True, env=os.environ
        )
        hasil = json.loads(keluar.stdout.strip().splitlines()[-1])
        print(f"Laporan bulanan Oktober 2026, percobaan {i + 1}: {json.dumps(hasil)}", flush=True)
    print(f"Beban mesin (1/5/15 menit): {os.getloadavg()}")


if __name__ == "__main__":
    main()
