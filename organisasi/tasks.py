from celery import shared_task

from organisasi import services


@shared_task(acks_late=True)
def terapkan_penugasan_harian() -> int:
    # Idempotent: a second run on the same day finds nothing to change.
    return services.terapkan_penugasan_harian()


@shared_task(acks_late=True)
def ingatkan_disposisi() -> int:
    # Idempotent: each reminder has its own key, so a second run sends nothing twice.
    return services.ingatkan_disposisi()


@shared_task(acks_late=True)
def ingatkan_laporan_berkala() -> int:
    # Idempotent: one recorded reminder per report and day, one list per superior and day.
    return services.ingatkan_laporan_berkala()
