from celery import shared_task

from registrasi import services


@shared_task(acks_late=True)
def periksa_masa_berlaku() -> dict:
    # Idempotent: reminders carry an e-mail key, flags change only once.
    return services.periksa_masa_berlaku_harian()
