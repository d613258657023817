"""The outbox: tasks and e-mails are kept when the broker is down and sent when it is back."""

from contextlib import contextmanager

import pytest
from django.core import mail
from django.db import transaction

from lpse_portal import antrean
from lpse_portal.models import EmailKeluar, TugasKeluar
from lpse_portal.surel import kirim_surel


def _kirim(kunci=None):
    return kirim_surel(
        kepada="vendor@contoh.co.id",
        subjek="Konfirmasi Pendaftaran",
        template="akun/email_reset_kata_sandi",
        konteks={"nama": "Vendor", "username": "vendor", "tautan": "http://x/"},
        kunci=kunci,
    )


def test_it_sends_a_queued_email_once_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = _kirim()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "(LPSE) Konfirmasi Pendaftaran"
    email.refresh_from_db()
    assert email.status == EmailKeluar.Status.TERKIRIM
    # The task running a second time (redelivery) sends nothing more.
    from lpse_portal.tasks import kirim_email

    kirim_email.apply(args=[email.pk])
    assert len(mail.outbox) == 1


def test_it_queues_an_email_with_the_same_key_only_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _kirim(kunci="pengingat:1:60") is not None
        assert _kirim(kunci="pengingat:1:60") is None
    assert len(mail.outbox) == 1


@contextmanager
def broker_di(url):
    """Point the Celery app at another broker URL, dropping its cached connections."""
    from lpse_portal.celery import app

    def _lupakan_koneksi():
        app.pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None

    asli = app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = url
    _lupakan_koneksi()
    try:
        yield app
    finally:
        app.conf.broker_url = asli
        _lupakan_koneksi()
        app.conf.task_always_eager = True


def test_it_keeps_the_task_in_the_outbox_while_the_broker_is_down(db):
    with broker_di("redis://127.0.0.1:1/0"):  # nothing listens on port 1
        with transaction.atomic():
            row = antrean.jadwalkan("lpse_portal.tasks.kirim_tugas_tertunda")
        assert antrean.terbitkan(row.pk) is False
    row.refresh_from_db()
    assert row.dispatched_at is None
    assert row.percobaan == 1
    assert row.galat_terakhir


def test_it_publishes_waiting_tasks_when_the_broker_answers(db, settings):
    from datetime import timedelta

    from django.utils import timezone

    row = TugasKeluar.objects.create(task="lpse_portal.tasks.bersihkan_tugas_terkirim")
    TugasKeluar.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert antrean.kirim_tugas_tertunda() == 1
    row.refresh_from_db()
    assert row.dispatched_at is not None
    assert antrean.kirim_tugas_tertunda() == 0  # running it twice publishes nothing twice


@pytest.mark.integrasi
def test_it_publishes_to_the_real_redis_broker(db, settings):
    """Not eager: the task really goes to Redis, and the queue holds it."""
    import redis

    from lpse_portal.celery import app

    app.conf.task_always_eager = False
    r = redis.Redis.from_url(settings.REDIS_URL)
    antrian = "celery"
    sebelum = r.llen(antrian)
    try:
        with transaction.atomic():
            row = antrean.jadwalkan("lpse_portal.tasks.bersihkan_tugas_terkirim")
        assert antrean.terbitkan(row.pk) is True
        assert r.llen(antrian) == sebelum + 1
    finally:
        r.lpop(antrian)  # nobody consumes it here
        app.conf.task_always_eager = True
