from celery import shared_task

from layanan import services


@shared_task(acks_late=True)
def periksa_pelanggaran_sla() -> int:
    # Idempotent: each breached clock is flagged once (an event), e-mails carry a key.
    return services.periksa_pelanggaran_sla()


@shared_task(acks_late=True)
def kirim_survei_kepuasan() -> int:
    return services.kirim_survei_kepuasan()


@shared_task(acks_late=True)
def tutup_tiket_selesai_otomatis() -> int:
    return services.tutup_tiket_selesai_otomatis()
