"""Thin Celery tasks around the portal's cross-cutting services."""

from smtplib import SMTPException

from celery import shared_task

from lpse_portal import antrean, surel


@shared_task(acks_late=True, autoretry_for=(SMTPException, OSError), max_retries=8, retry_backoff=True)
def kirim_email(email_id: int) -> None:
    # Idempotent: an e-mail already sent is not sent again.
    surel.kirim_email_tersimpan(email_id)


@shared_task(acks_late=True)
def kirim_tugas_tertunda() -> int:
    return antrean.kirim_tugas_tertunda()


@shared_task(acks_late=True)
def bersihkan_tugas_terkirim() -> int:
    return antrean.bersihkan_tugas_terkirim()


@shared_task(acks_late=True)
def terapkan_retensi() -> dict:
    # Idempotent: what was deleted or anonymised is not found again.
    from lpse_portal.retensi import terapkan_retensi as terapkan

    return terapkan()
