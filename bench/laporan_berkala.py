"""Bench: staff periodic reports far above the LPSE's real size (issue 7, point 3).

Creates (or reuses) a separate PostgreSQL database with `--pegawai` pelaksana spread over the
pelaksana positions, each owing a monthly report since January, most of them written (accepted,
submitted, returned, drafts) and some missing, then times:
  - `laporan_terlambat` (the core of the daily reminder job: every obligation since January);
  - the roll-up page of a month, its CSV and PDF;
  - "my reports" of one person and the review list of a coordinator.
Never touches the database in DATABASE_URL itself.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lpse_lb REDIS_URL=redis://127.0.0.1:6379/6 \\
        .venv/bin/python -u bench/laporan_berkala.py [--pegawai 500]

The bench database is the DATABASE_URL's name with the suffix `_bench_laporan_berkala`.
"""

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.basis import siapkan_basis_bench, ukur  # noqa: E402


def _siapkan_env() -> str:
    return siapkan_basis_bench("laporan_berkala")


def _muat(jumlah, hari_ini):
    """Bulk rows straight into the tables: the bench measures reading, not loading."""
    from organisasi.models import AturanLaporanBerkala, Jabatan, LaporanBerkala, Pegawai, Penugasan, Periode

    AturanLaporanBerkala.objects.update_or_create(pk=1, defaults={"wajib_mulai": datetime.date(hari_ini.year, 1, 1)})
    if Pegawai.objects.filter(nama__startswith="Bench ").count() >= jumlah:
        return
    pelaksana = list(Jabatan.objects.filter(jenis="pelaksana"))
    pegawai = Pegawai.objects.bulk_create(
        Pegawai(nama=f"Bench {i:05d}", status_kepegawaian="pns", nip=f"1990010120150{i:05d}") for i in range(jumlah)
    )
    Penugasan.objects.bulk_create(
        (
            Penugasan(
                pegawai=p,
                jabatan=pelaksana[i % len(pelaksana)],
                nomor_sk=f"BENCH/{i}",
                tanggal_sk=datetime.date(hari_ini.year - 1, 12, 1),
                penetap="kepala_dinas",
                tmt_mulai=datetime.date(hari_ini.year - 1, 12, 1),
                berkas_sk="bench/sk.pdf",
            )
            for i, p in enumerate(pegawai)
        ),
        batch_size=1000,
    )
    status = ["diterima"] * 6 + ["diajukan", "dikembalikan", "draf"]
    laporan = []
    periode = Periode.memuat(datetime.date(hari_ini.year, 1, 1), "bulanan")
    sekarang = datetime.datetime.now(datetime.UTC)
    while periode.selesai < hari_ini:
        for i, p in enumerate(pegawai):
            if (i + periode.mulai.month) % 10 == 0:
                continue  # missing: overdue
            s = status[(i * 7 + periode.mulai.month) % len(status)]
            laporan.append(
                LaporanBerkala(
                    pegawai=p,
                    jabatan=pelaksana[i % len(pelaksana)],
                    jenis_periode="bulanan",
                    periode_mulai=periode.mulai,
                    periode_selesai=periode.selesai,
                    kegiatan="Kegiatan bulan ini. " * 20,
                    hasil="Hasil yang dicapai. " * 20,
                    masalah="Tidak ada.",
                    rencana="Rencana bulan depan. " * 10,
                    status=s,
                    pertama_diajukan_at=None if s == "draf" else sekarang,
                    diajukan_at=None if s == "draf" else sekarang,
                )
            )
        periode = periode.berikutnya()
    LaporanBerkala.objects.bulk_create(laporan, batch_size=2000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pegawai", type=int, default=500)
    args = parser.parse_args()
    nama = _siapkan_env()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import Group
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lpse_portal.middleware import butuh_dua_faktor
    from organisasi.models import Jabatan, LaporanBerkala, Pegawai, Penugasan, Periode, User
    from organisasi.services.laporan_berkala import laporan_terlambat

    hari_ini = timezone.localdate()
    _muat(args.pegawai, hari_ini)
    print(f"Basis data {nama}: {args.pegawai} pelaksana, {LaporanBerkala.objects.count()} laporan")

    med, maks, hasil = ukur(lambda: laporan_terlambat(hari_ini))
    print(f"laporan_terlambat (sejak Januari): median {med:.0f} ms, maks {maks:.0f} ms, {len(hasil)} terlambat")

    kepala, _baru = User.objects.get_or_create(username="bench.kepala")
    kepala.groups.add(Group.objects.get(name="kepala_lpse"))
    Pegawai.objects.get_or_create(
        nip="197808152003122003", defaults={"nama": "Bench Kepala", "status_kepegawaian": "pns", "user": kepala}
    )
    koord, _baru = User.objects.get_or_create(username="bench.koord")
    koord.groups.add(Group.objects.get(name="koordinator"))
    pk_koord, _baru = Pegawai.objects.get_or_create(
        nip="198707072010122007", defaults={"nama": "Bench Koord", "status_kepegawaian": "pns", "user": koord}
    )
    Penugasan.objects.get_or_create(
        pegawai=pk_koord,
        jabatan=Jabatan.objects.get(kode="koordinator-registrasi"),
        defaults={
            "nomor_sk": "BENCH/K",
            "tanggal_sk": datetime.date(2025, 1, 1),
            "penetap": "sekda",
            "tmt_mulai": datetime.date(2025, 1, 2),
            "berkas_sk": "bench/sk.pdf",
        },
    )
    pelaksana = User.objects.get_or_create(username="bench.pelaksana")[0]
    Pegawai.objects.filter(nama="Bench 00001").update(user=pelaksana)

    bulan_lalu = Periode.memuat(hari_ini, "bulanan").sebelumnya().kode
    for judul, user, url in [
        ("rekap sebulan (halaman)", kepala, f"/organisasi/laporan-berkala/rekap/?periode={bulan_lalu}"),
        ("rekap sebulan (CSV)", kepala, f"/organisasi/laporan-berkala/rekap/csv/?periode={bulan_lalu}"),
        ("rekap sebulan (PDF)", kepala, f"/organisasi/laporan-berkala/rekap/pdf/?periode={bulan_lalu}"),
        ("laporan berkala saya", pelaksana, "/organisasi/laporan-berkala/"),
        ("tinjau (koordinator registrasi)", koord, "/organisasi/laporan-berkala/tinjau/"),
    ]:
        c = Client()
        c.force_login(user)
        if butuh_dua_faktor(user):  # a completed login includes the second factor
            device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(user=user, name="bench")
            session = c.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        ulang = 2 if "PDF" in judul else 5
        med, maks, r = ukur(lambda c=c, url=url: c.get(url), ulang=ulang)
        assert r.status_code == 200, (url, r.status_code)
        print(f"{judul}: median {med:.0f} ms, maks {maks:.0f} ms")


if __name__ == "__main__":
    main()
