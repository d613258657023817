"""Thin Celery wrappers around laporan.services (every one safe to run twice)."""

from celery import shared_task

from laporan import periode as per
from laporan import services


@shared_task(acks_late=True)
def jalankan_laporan(run_id: int) -> None:
    # A redelivery finds the run finished, failed, or held by a live process: nothing twice.
    services.jalankan_laporan(run_id=run_id)


@shared_task(acks_late=True)
def laporan_bulanan() -> None:
    # Idempotent: a period with a queued, running or successful run is not asked for again.
    services.laporan_terjadwal(jenis=per.BULANAN)


@shared_task(acks_late=True)
def laporan_triwulanan() -> None:
    services.laporan_terjadwal(jenis=per.TRIWULANAN)


@shared_task(acks_late=True)
def laporan_tahunan() -> None:
    services.laporan_terjadwal(jenis=per.TAHUNAN)
