"""Bench: the staff ticket queue with 200,000 tickets and their events (issue 5).

Creates (or reuses) a separate PostgreSQL database, loads 200,000 tickets and about 600,000
hash-chained events with COPY, then times the queue pages through the Django test client
and the periodic SLA breach check. Never touches the database in DATABASE_URL itself.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_lay REDIS_URL=redis://127.0.0.1:6379/2 \
        .venv/bin/python -u bench/layanan_antrean.py [--tiket 200000] [--ulang 15] [--tanpa-sla]

The bench database is the DATABASE_URL's name with the suffix `_bench_layanan`.
"""

import argparse
import io
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.basis import siapkan_basis_bench  # noqa: E402


def _siapkan_env() -> str:
    return siapkan_basis_bench("layanan")


STATUS = [  # (status, share, statuses passed through)
    ("ditutup", 0.70, ["baru", "ditangani", "selesai", "ditutup"]),
    ("selesai", 0.10, ["baru", "ditangani", "selesai"]),
    ("baru", 0.08, ["baru"]),
    ("ditangani", 0.06, ["baru", "ditangani"]),
    ("menunggu_pengguna", 0.03, ["baru", "ditangani", "menunggu_pengguna"]),
    ("eskalasi_lkpp", 0.03, ["baru", "ditangani", "eskalasi_lkpp"]),
]
JENIS = ["konsultasi", "permasalahan_teknis", "permintaan_layanan", "pengaduan", "usulan"]


def _nilai(v):
    if v is None:
        return r"\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime):
        return v.isoformat()
    return str(v).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _copy(cursor, tabel, kolom, baris):
    buf = io.StringIO()
    for b in baris:
        buf.write("\t".join(_nilai(v) for v in b) + "\n")
    buf.seek(0)
    cursor.copy_expert(f"COPY {tabel} ({', '.join(kolom)}) FROM STDIN", buf)


def muat(n: int, petugas_id: int):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from layanan.models import KategoriTiket, Tiket
    from lpse_portal.models import Peristiwa, RantaiPeristiwa
    from lpse_portal.peristiwa import HASH_AWAL, hitung_hash, isi_peristiwa

    rng = random.Random(5)
    kategori = list(KategoriTiket.objects.values_list("pk", flat=True))
    ct = ContentType.objects.get_for_model(Tiket)
    rantai = f"{ct.app_label}.{ct.model}"
    kolom_tiket = [f.column for f in Tiket._meta.concrete_fields]
    kolom_ev = [f.column for f in Peristiwa._meta.concrete_fields if f.column != "id"]
    sekarang = datetime.now(UTC)
    mulai_id = (Tiket.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    kepala = RantaiPeristiwa.objects.filter(nama=rantai).first()
    urutan, hash_terakhir = (kepala.urutan_terakhir, kepala.hash_terakhir) if kepala else (0, HASH_AWAL)
    t0 = time.perf_counter()
    with transaction.atomic(), connection.cursor() as c:
        raw = c.cursor
        tiket_rows, ev_rows = [], []
        bobot = [s[1] for s in STATUS]
        for i in range(n):
            pk = mulai_id + i
            status, _, jalan = rng.choices(STATUS, bobot)[0]
            dibuat = sekarang - timedelta(minutes=rng.randint(10, 2 * 365 * 24 * 60))
            if status not in ("ditutup", "selesai"):
                dibuat = sekarang - timedelta(minutes=rng.randint(10, 30 * 24 * 60))
            nilai = {
                "id": pk,
                "nomor": f"TKB-{pk:07d}",
                "jenis": rng.choice(JENIS),
                "tingkat": "",
                "kategori_id": rng.choice(kategori),
                "kanal": "web",
                "status": status,
                "judul": f"Tiket bench {pk}",
                "uraian": "Uraian tiket untuk bench antrean.",
                "aplikasi": "spse",
                "nama_pelapor": f"Pelapor {pk % 5000}",
                "email_pelapor": f"p{pk % 5000}@bench.id",
                "ditangani_oleh_id": petugas_id if status != "baru" else None,
                "token": f"bench{pk}",
                "created_at": dibuat,
                "updated_at": dibuat,
            }
            tiket_rows.append([nilai.get(k, "") if k not in _NULLABLE else nilai.get(k) for k in kolom_tiket])
            waktu = dibuat
            dari = ""
            for langkah, ke in enumerate(jalan):
                urutan += 1
                p = SimpleNamespace(
                    rantai=rantai,
                    urutan=urutan,
                    content_type_id=ct.pk,
                    object_id=pk,
                    aksi="buat" if langkah == 0 else "bench",
                    dari=dari,
                    ke=ke,
                    catatan="",
                    data={"respons_staf": True} if ke == "ditangani" else {},
                    oleh_id=None if langkah == 0 else petugas_id,
                    ip=None,
                    created_at=waktu,
                )
                h = hitung_hash(hash_sebelumnya=hash_terakhir, isi=isi_peristiwa(p))
                ev_rows.append(
                    [
                        rantai,
                        urutan,
                        ct.pk,
                        pk,
                        p.aksi,
                        dari,
                        ke,
                        "",
                        json.dumps(p.data),
                        p.oleh_id,
                        None,
                        waktu,
                        hash_terakhir,
                        h,
                    ][: len(kolom_ev)]
                )
                hash_terakhir, dari = h, ke
                waktu += timedelta(minutes=rng.randint(5, 600))
            if len(tiket_rows) >= 20000:
                _copy(raw, Tiket._meta.db_table, kolom_tiket, tiket_rows)
                _copy(raw, Peristiwa._meta.db_table, kolom_ev, ev_rows)
                tiket_rows, ev_rows = [], []
        _copy(raw, Tiket._meta.db_table, kolom_tiket, tiket_rows)
        _copy(raw, Peristiwa._meta.db_table, kolom_ev, ev_rows)
        RantaiPeristiwa.objects.update_or_create(
            nama=rantai, defaults={"urutan_terakhir": urutan, "hash_terakhir": hash_terakhir}
        )
        c.execute(f"SELECT setval(pg_get_serial_sequence('{Tiket._meta.db_table}', 'id'), %s)", [mulai_id + n])
        c.execute(f"ANALYZE {Tiket._meta.db_table}; ANALYZE {Peristiwa._meta.db_table};")
    return time.perf_counter() - t0


_NULLABLE = {
    "pelapor_id",
    "waktu_kontak",
    "dicatat_oleh_id",
    "ditangani_oleh_id",
    "gabung_ke_id",
    "terkait_type_id",
    "terkait_id",
}


def ukur(client, url, ulang):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    waktu = []
    for _ in range(ulang):
        reset_queries()
        t = time.perf_counter()
        with CaptureQueriesContext(connection) as q:
            r = client.get(url)
        waktu.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    waktu.sort()
    return statistics.median(waktu), waktu[int(len(waktu) * 0.95) - 1], len(q)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiket", type=int, default=200_000)
    ap.add_argument("--ulang", type=int, default=15)
    ap.add_argument("--muat-ulang", action="store_true", help="hapus lalu muat ulang data bench")
    ap.add_argument("--tanpa-sla", action="store_true", help="lewati pengukuran tugas periksa_pelanggaran_sla")
    args = ap.parse_args()
    nama_db = _siapkan_env()

    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from layanan.models import Tiket
    from organisasi.models import User

    call_command("migrate", verbosity=0)
    petugas, _ = User.objects.get_or_create(username="bench.layanan", defaults={"nama": "Petugas Bench"})
    petugas.groups.add(Group.objects.get(name="layanan"))
    ada = Tiket.objects.count()
    if args.muat_ulang and ada:
        sys.exit("Hapus basis data bench dengan dropdb lalu jalankan lagi (baris peristiwa tidak dapat dihapus).")
    if ada < args.tiket:
        detik = muat(args.tiket - ada, petugas.pk)
        print(f"Dimuat {args.tiket - ada} tiket + peristiwa dalam {detik:.1f} s ke {nama_db}")
    from lpse_portal.models import Peristiwa

    print(
        f"Data: {Tiket.objects.count()} tiket, {Peristiwa.objects.count()} peristiwa, "
        f"{Tiket.objects.terbuka().count()} terbuka; PostgreSQL {connection.pg_version}"
    )
    client = Client()
    client.force_login(petugas)
    print(f"{'halaman':58} {'median ms':>10} {'p95 ms':>8} {'kueri':>6}")
    for label, url in [
        ("antrean terbuka, halaman 1", "/layanan/antrean/"),
        ("antrean terbuka, halaman 40", "/layanan/antrean/?halaman=40"),
        ("semua status, halaman 1", "/layanan/antrean/?status=semua"),
        ("semua status, halaman 4000", "/layanan/antrean/?status=semua&halaman=4000"),
        ("saring status=baru + kategori", "/layanan/antrean/?status=baru&kategori=2"),
        ("cari nomor", "/layanan/antrean/?status=semua&q=TKB-0123456"),
        ("detail satu tiket", f"/layanan/antrean/{Tiket.objects.order_by('-pk').first().pk}/"),
    ]:
        med, p95, kueri = ukur(client, url, args.ulang)
        print(f"{label:58} {med:10.1f} {p95:8.1f} {kueri:6d}")

    if args.tanpa_sla:
        return
    from layanan.services import periksa_pelanggaran_sla

    t = time.perf_counter()
    n = periksa_pelanggaran_sla()
    print(f"periksa_pelanggaran_sla, tiket terbuka: {time.perf_counter() - t:.1f} s ({n} pelanggaran baru ditandai)")
    t = time.perf_counter()
    n2 = periksa_pelanggaran_sla()
    print(f"periksa_pelanggaran_sla kedua kali: {time.perf_counter() - t:.1f} s ({n2} baru)")


if __name__ == "__main__":
    main()
