from celery import shared_task

from sop import services


@shared_task(acks_late=True)
def berlakukan_sop_harian() -> int:
    # Idempotent: a second run on the same day finds no approved version left to make current.
    return services.berlakukan_versi_jatuh_tempo()


@shared_task(acks_late=True)
def kirim_pengingat_sop() -> int:
    # Idempotent: every reminder has a kunci, so a second run queues nothing.
    return services.kirim_pengingat_harian()
