"""Five years of report runs and staff periodic reports (issue 10).

Report runs: every monthly, quarterly and yearly period of the last five years, each finished
with its three files (PDF, XLSX, CSV rows pointing at one tiny file: the pages list runs and
files, they never open them). Staff reports: for every position that reports to a superior,
one monthly report per holder per month over the same five years, mostly accepted, some
returned or waiting. Both bulk-inserted; a second run counts and adds nothing.
"""

import datetime
import hashlib

TAHUN = 5
TANDA = {"bench_skala": True}


def _periode_laporan(hari_ini):
    from laporan import periode as per

    for tahun in range(hari_ini.year - TAHUN, hari_ini.year + 1):
        for bulan in range(1, 13):
            yield per.buat(per.BULANAN, tahun, bulan)
        for t in range(1, 5):
            yield per.buat(per.TRIWULANAN, tahun, t)
        yield per.buat(per.TAHUNAN, tahun)


def _report_runs(ktx, hari_ini) -> int:
    from django.utils import timezone

    from laporan.models import ReportFile, ReportRun

    if ReportRun.objects.filter(parameter=TANDA).exists():
        return ReportRun.objects.filter(parameter=TANDA).count()
    isi = b"%PDF-1.4\n% bench\n"
    berkas = ktx.media_root / "laporan" / "bench-skala.pdf"
    berkas.parent.mkdir(parents=True, exist_ok=True)
    berkas.write_bytes(isi)
    sha = hashlib.sha256(isi).hexdigest()
    run_list = []
    for p in _periode_laporan(hari_ini):
        if p.sampai >= hari_ini:
            continue  # only closed periods have runs
        besok = p.sampai + datetime.timedelta(days=1)
        selesai = timezone.make_aware(datetime.datetime.combine(besok, datetime.time(1)))
        run_list.append(
            ReportRun(
                jenis=p.jenis,
                mulai=p.mulai,
                sampai=p.sampai,
                parameter=TANDA,
                status=ReportRun.Status.BERHASIL,
                pemicu=ReportRun.Pemicu.JADWAL,
                started_at=selesai,
                finished_at=selesai + datetime.timedelta(seconds=14),
                durasi_detik=14.0,
            )
        )
    run_list = ReportRun.objects.bulk_create(run_list, batch_size=500)
    ReportFile.objects.bulk_create(
        (
            ReportFile(
                run=r,
                format=f,
                berkas="laporan/bench-skala.pdf",
                nama=f"laporan-{r.jenis}-{r.mulai:%Y-%m}.{f}",
                ukuran=len(isi),
                sha256=sha,
            )
            for r in run_list
            for f in ("pdf", "xlsx", "csv")
        ),
        batch_size=1000,
    )
    return len(run_list)


def _laporan_staf(hari_ini) -> int:
    from django.db.models import Q
    from django.utils import timezone

    from organisasi.models import LaporanBerkala, Penugasan, Periode

    ada = LaporanBerkala.objects.filter(kegiatan__startswith="[bench]").count()
    if ada:
        return ada
    penugasan = list(
        Penugasan.objects.filter(jabatan__atasan__isnull=False, pegawai__isnull=False)
        .filter(Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=hari_ini))
        .select_related("jabatan")
    )
    status = ["diterima"] * 8 + ["dikembalikan", "diajukan"]
    baris = []
    periode = Periode.memuat(datetime.date(hari_ini.year - TAHUN, 1, 1), "bulanan")
    sekarang = timezone.now()
    while periode.selesai < hari_ini:
        for i, t in enumerate(penugasan):
            s = status[(i + periode.mulai.month) % len(status)]
            baris.append(
                LaporanBerkala(
                    pegawai_id=t.pegawai_id,
                    jabatan_id=t.jabatan_id,
                    jenis_periode="bulanan",
                    periode_mulai=periode.mulai,
                    periode_selesai=periode.selesai,
                    kegiatan="[bench] Kegiatan bulan ini. " * 10,
                    hasil="Hasil yang dicapai. " * 10,
                    masalah="Tidak ada.",
                    rencana="Rencana bulan depan. " * 5,
                    status=s,
                    pertama_diajukan_at=sekarang,
                    diajukan_at=sekarang,
                    catatan_peninjau="Lengkapi hasil." if s == "dikembalikan" else "",
                )
            )
        periode = periode.berikutnya()
    # ignore_conflicts: a holder who already wrote a real report for a month keeps it.
    LaporanBerkala.objects.bulk_create(baris, batch_size=2000, ignore_conflicts=True)
    return LaporanBerkala.objects.filter(kegiatan__startswith="[bench]").count()


def laporan_dan_laporan_staf(ktx) -> str:
    from django.utils import timezone

    hari_ini = timezone.localdate()
    runs = _report_runs(ktx, hari_ini)
    staf = _laporan_staf(hari_ini)
    return f"{runs} laporan periodik (5 tahun), {staf} laporan berkala pegawai"
