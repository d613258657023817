"""Demo periodic reports: last month's and last quarter's, finished with their files, as the
schedule would have made them. Idempotent: a period with a successful run is left alone."""

from django.utils import timezone

from laporan import periode as per
from laporan import services
from laporan.models import ReportRun


def seed(stdout=None):
    sekarang = timezone.now()
    dibuat = 0
    for jenis in (per.BULANAN, per.TRIWULANAN):
        p = per.sebelumnya(jenis, sekarang)
        if ReportRun.objects.filter(jenis=jenis, mulai=p.mulai, status=ReportRun.Status.BERHASIL).exists():
            continue
        run, baru = services.minta_laporan(
            jenis=jenis, periode=p, oleh=None, pemicu=ReportRun.Pemicu.JADWAL, antrekan=False
        )
        if baru:
            services.jalankan_laporan(run_id=run.pk)
            dibuat += 1
    if stdout is not None:
        stdout.write(f"Laporan periodik demo: {dibuat} dibuat.")
    return []
