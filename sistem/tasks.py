"""Thin Celery tasks around the backup services. acks_late (settings) + reject_on_worker_lost:
a worker killed mid-backup gives the task back and the next delivery runs it again."""

from celery import shared_task

from lpse_portal.exceptions import TransisiTidakSah
from sistem import services


def _pengguna(oleh_id):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=oleh_id).first() if oleh_id else None


@shared_task(acks_late=True, reject_on_worker_lost=True)
def cadangkan(oleh_id: int | None = None, lewati_bila_ada_menit: int = 0) -> int | None:
    # Idempotent for redelivery: the daily schedule passes a window, and a backup already
    # made within it is not made twice.
    if lewati_bila_ada_menit and services.cadangan_baru_ada(lewati_bila_ada_menit):
        return None
    try:
        return services.jalankan_cadangan(oleh=_pengguna(oleh_id)).pk
    except TransisiTidakSah:
        return None  # another backup is running: that one is the backup


@shared_task(acks_late=True, reject_on_worker_lost=True)
def cadangan_harian() -> int | None:
    """The daily schedule: a delivery repeated within six hours makes no second backup."""
    return cadangkan(lewati_bila_ada_menit=360)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def verifikasi_cadangan(oleh_id: int | None = None) -> int | None:
    try:
        return services.verifikasi_cadangan(oleh=_pengguna(oleh_id)).pk
    except TransisiTidakSah:
        return None
