from celery import shared_task

from registrasi import services


@shared_task(acks_late=True)
def periksa_masa_berlaku() -> dict:
    # Idempotent: reminders carry an e-mail key, flags change only once.
    return services.periksa_masa_berlaku_harian()


@shared_task(acks_late=True)
def terapkan_sanksi() -> dict:
    # Idempotent: a second run on the same day finds every user ID already as its sanctions say.
    return services.terapkan_sanksi_harian()
