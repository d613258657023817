"""E-mail: rendered in Indonesian when the change happens, sent later by a Celery task.

`kirim_surel` inside a service's transaction creates an EmailKeluar row and schedules its
sending through the outbox; the task sends it once (a second run finds it sent).
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from lpse_portal.antrean import jadwalkan
from lpse_portal.models import EmailKeluar


def kirim_surel(
    *,
    kepada,
    subjek: str,
    template: str,
    konteks: dict | None = None,
    kunci: str | None = None,
    lampiran: list[dict] | None = None,
) -> EmailKeluar | None:
    """Queue an e-mail. `template` names `<template>.txt` (and optional `.html`).

    `kunci` makes the e-mail idempotent: a second call with the same key queues nothing.
    `lampiran`: [{"nama": "laporan.pdf", "path": "<storage name>", "mime": "application/pdf"}].
    Returns None when there is no recipient.
    """
    penerima = [kepada] if isinstance(kepada, str) else [k for k in kepada if k]
    if not penerima:
        return None
    if kunci and EmailKeluar.objects.filter(kunci=kunci).exists():
        return None
    konteks = {"situs": settings.SITE_NAME, "url_situs": settings.SITE_URL, **(konteks or {})}
    with translation.override("id"):
        isi_teks = render_to_string(f"{template}.txt", konteks)
        try:
            isi_html = render_to_string(f"{template}.html", konteks)
        except TemplateDoesNotExist:
            isi_html = ""
    subjek_penuh = (
        subjek if subjek.startswith(settings.EMAIL_SUBJECT_PREFIX) else settings.EMAIL_SUBJECT_PREFIX + subjek
    )
    try:
        with transaction.atomic():
            email = EmailKeluar.objects.create(
                kunci=kunci,
                kepada=penerima,
                subjek=" ".join(subjek_penuh.split())[:250],
                isi_teks=isi_teks,
                isi_html=isi_html,
                lampiran=lampiran or [],
            )
    except IntegrityError:
        return None  # same key created concurrently
    jadwalkan("lpse_portal.tasks.kirim_email", email.pk)
    return email


def kirim_email_tersimpan(email_id: int) -> bool:
    """Send one queued e-mail if it has not been sent. Raises on SMTP failure (the task retries)."""
    with transaction.atomic():
        email = EmailKeluar.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status == EmailKeluar.Status.TERKIRIM:
            return False
        pesan = EmailMultiAlternatives(
            subject=email.subjek,
            body=email.isi_teks,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.kepada,
        )
        if email.isi_html:
            pesan.attach_alternative(email.isi_html, "text/html")
        for lamp in email.lampiran:
            with default_storage.open(lamp["path"], "rb") as f:
                pesan.attach(lamp["nama"], f.read(), lamp.get("mime", "application/octet-stream"))
        email.percobaan += 1
        try:
            pesan.send()
        except Exception as e:  # noqa: BLE001 - recorded below, then re-raised for the retry
            galat = e
        else:
            galat = None
            email.status = EmailKeluar.Status.TERKIRIM
            email.sent_at = timezone.now()
            email.galat_terakhir = ""
            email.save(update_fields=["status", "sent_at", "percobaan", "galat_terakhir"])
    if galat is not None:
        # Outside the transaction above, so the failure is kept while the task retries.
        EmailKeluar.objects.filter(pk=email.pk).update(
            percobaan=email.percobaan, galat_terakhir=str(galat)[:1000], status=EmailKeluar.Status.GAGAL
        )
        raise galat
    return True
