"""Bench: the Sekretariat at the size of a busy year (issue 11).

Creates (or reuses) a separate PostgreSQL database, loads staff with assignments that start
and end all through the year, rates for every position, a programme of activities and the
year's letters, then times:
  - the monthly allowance list (computation + saving) and its page;
  - the programme evaluation page;
  - outgoing numbers taken by concurrent threads (throughput; every number distinct).
Never touches the database in DATABASE_URL itself.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_sek REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -u bench/sekretariat.py [--pegawai 1000] [--kegiatan 100] [--surat 400] [--benang 8]

The bench database is the DATABASE_URL's name with the suffix `_bench_sekretariat`.
"""

import argparse
import datetime
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.basis import siapkan_basis_bench, ukur  # noqa: E402


def _siapkan_env() -> str:
    return siapkan_basis_bench("sekretariat")


def _muat(args, tahun, admin):
    """Bulk data straight into the tables: the bench measures reading and computing, not loading."""
    from organisasi.models import (
        DasarHukum,
        Jabatan,
        Kegiatan,
        KlasifikasiSurat,
        Pegawai,
        Penugasan,
        ProgramKegiatan,
        Realisasi,
        Target,
        TarifTunjangan,
        Unit,
    )

    if Pegawai.objects.filter(nama__startswith="Bench ").count() >= args.pegawai:
        return ProgramKegiatan.objects.get(tahun=tahun)
    pelaksana = list(Jabatan.objects.filter(jenis="pelaksana"))
    pegawai = Pegawai.objects.bulk_create(
        Pegawai(nama=f"Bench {i:05d}", status_kepegawaian="pns", nip=f"1990010120150{i:05d}")
        for i in range(args.pegawai)
    )
    penugasan = []
    for i, p in enumerate(pegawai):
        # Staggered starts and ends: a third start mid-year, a quarter leave mid-year.
        mulai = datetime.date(tahun - 1, 1, 2) if i % 3 else datetime.date(tahun, 1 + i % 12, 1 + i % 28)
        selesai = datetime.date(tahun, 1 + (i * 7) % 12, 1 + (i * 5) % 28) if i % 4 == 0 else None
        if selesai and selesai <= mulai:
            selesai = None
        penugasan.append(
            Penugasan(
                pegawai=p,
                jabatan=pelaksana[i % len(pelaksana)],
                nomor_sk=f"BENCH/{i}",
                tanggal_sk=mulai,
                penetap="kepala_dinas",
                tmt_mulai=mulai,
                tmt_selesai=selesai,
                berkas_sk="bench/sk.pdf",
            )
        )
    Penugasan.objects.bulk_create(penugasan, batch_size=1000)
    dasar = DasarHukum.objects.create(
        jenis="kepgub", nomor="BENCH/2026", tanggal=datetime.date(tahun, 1, 1), tentang="Bench"
    )
    for j in Jabatan.objects.all():
        # Every position changes its rate on 16 June, so June has two lines per person.
        TarifTunjangan.objects.create(
            jabatan=j,
            besaran=900_000,
            berlaku_mulai=datetime.date(tahun - 1, 1, 1),
            berlaku_sampai=datetime.date(tahun, 6, 15),
            dasar_hukum=dasar,
            dibuat_oleh=admin,
        )
        TarifTunjangan.objects.create(
            jabatan=j,
            besaran=1_100_000,
            berlaku_mulai=datetime.date(tahun, 6, 16),
            dasar_hukum=dasar,
            dibuat_oleh=admin,
        )
    program = ProgramKegiatan.objects.create(tahun=tahun, nama="Program bench")
    unit = list(Unit.objects.all())
    kegiatan = Kegiatan.objects.bulk_create(
        Kegiatan(
            program=program,
            kode=f"{i}",
            nama=f"Kegiatan {i}",
            unit=unit[i % len(unit)],
            pagu=Decimal(10_000_000),
            jadwal_mulai=datetime.date(tahun, 1, 2),
            jadwal_selesai=datetime.date(tahun, 12, 31),
            urutan=i,
        )
        for i in range(args.kegiatan)
    )
    target = Target.objects.bulk_create(
        Target(
            kegiatan=k,
            indikator=f"Indikator {j}",
            satuan="kali",
            target_tw1=10,
            target_tw2=10,
            target_tw3=10,
            target_tw4=10,
            sumber_otomatis="layanan.tiket_selesai" if j == 0 else "",
        )
        for k in kegiatan
        for j in range(3)
    )
    Realisasi.objects.bulk_create(
        Realisasi(target=t, triwulan=tw, nilai=7 + (t.pk + tw) % 6, bukti="bench/bukti.pdf", dicatat_oleh=admin)
        for t in target
        for tw in (1, 2)
        for _ulang in range(2)
    )
    KlasifikasiSurat.objects.get_or_create(kode="027", defaults={"nama": "Pengadaan"})
    return program


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pegawai", type=int, default=1000)
    parser.add_argument("--kegiatan", type=int, default=100)
    parser.add_argument("--surat", type=int, default=400)
    parser.add_argument("--benang", type=int, default=8)
    args = parser.parse_args()
    nama = _siapkan_env()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    from organisasi import angka_otomatis, services
    from organisasi.models import DaftarTunjangan, KlasifikasiSurat, SuratKeluar, User

    tahun = 2026
    from django.contrib.auth.models import Group

    admin, _baru = User.objects.get_or_create(username="bench", defaults={"is_superuser": True, "is_staff": True})
    admin.groups.add(Group.objects.get(name="sekretaris"))  # pages ask for a staff role
    program = _muat(args, tahun, admin)
    angka_otomatis.daftarkan("layanan.tiket_selesai", lambda mulai, sampai: 42)
    print(f"Basis data {nama}: {args.pegawai} penugasan, {args.kegiatan} kegiatan × 3 indikator")

    DaftarTunjangan.objects.filter(tahun=tahun, bulan=6).delete()
    med, maks, _h = ukur(lambda: services.hitung_rincian(tahun, 6))
    print(f"hitung_rincian Juni (dua tarif): median {med:.0f} ms, maks {maks:.0f} ms, {len(_h)} baris")
    med, maks, daftar = ukur(lambda: services.susun_daftar_tunjangan(tahun=tahun, bulan=6, oleh=admin))
    print(f"susun_daftar_tunjangan Juni: median {med:.0f} ms, maks {maks:.0f} ms, total Rp{daftar.total:,.0f}")

    c = Client()
    c.force_login(admin)
    for judul, url in [
        ("halaman daftar tunjangan", f"/organisasi/tunjangan/{daftar.pk}/"),
        ("ekspor XLSX daftar", f"/organisasi/tunjangan/{daftar.pk}/ekspor/xlsx/"),
        ("halaman evaluasi program", f"/organisasi/program/{program.pk}/evaluasi/"),
        ("ekspor XLSX evaluasi", f"/organisasi/program/{program.pk}/ekspor/xlsx/"),
    ]:
        med, maks, r = ukur(lambda url=url: c.get(url))
        assert r.status_code == 200, (url, r.status_code)
        print(f"{judul}: median {med:.0f} ms, maks {maks:.0f} ms")

    klas = KlasifikasiSurat.objects.get(kode="027")
    sebelum = SuratKeluar.objects.count()
    per_benang = args.surat // args.benang
    mulai_bersama = threading.Barrier(args.benang)
    galat = []

    def ambil():
        try:
            mulai_bersama.wait()
            for _i in range(per_benang):
                services.buat_surat_keluar(
                    data={
                        "tanggal_surat": datetime.date(tahun, 6, 2),
                        "klasifikasi": klas,
                        "tujuan": "X",
                        "perihal": "Bench",
                    },
                    oleh=admin,
                )
        except Exception as e:  # noqa: BLE001 - reported below
            galat.append(repr(e))
        finally:
            connection.close()

    benang = [threading.Thread(target=ambil) for _ in range(args.benang)]
    t0 = time.perf_counter()
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    detik = time.perf_counter() - t0
    baru = SuratKeluar.objects.count() - sebelum
    unik = SuratKeluar.objects.values("nomor").distinct().count() == SuratKeluar.objects.count()
    print(
        f"nomor surat keluar: {baru} surat oleh {args.benang} benang dalam {detik:.1f} s "
        f"({baru / detik:.0f} nomor/detik), semua nomor berbeda: {unik}, galat: {len(galat)}"
    )


if __name__ == "__main__":
    main()
