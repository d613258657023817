"""Report runs for tests, made through the services (never by setting fields)."""

from laporan import services
from laporan.models import ReportRun


def laporan_selesai(oleh, periode: str = "2026-09", jenis: str = ReportRun.Jenis.BULANAN) -> ReportRun:
    """A finished run of a closed period, made as "run now" then by the worker."""
    run, _dibuat = services.minta_laporan(jenis=jenis, periode=periode, oleh=oleh, antrekan=False)
    return services.jalankan_laporan(run_id=run.pk)
