"""Faults with real servers: Redis stopped and restarted; nothing is lost.

A throwaway redis-server is started for the test, so the shared one is never touched.
"""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest
from django.core import mail
from django.core.cache import caches

from lpse_portal import antrean
from lpse_portal.models import EmailKeluar, TugasKeluar

pytestmark = [pytest.mark.integrasi, pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server")]


def _port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _mulai_redis(port):
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("redis-server tidak mulai")


@contextmanager
def _portal_pada_redis(settings, port):
    """Point the cache and the Celery broker at the throwaway Redis, not eager."""
    from lpse_portal.celery import app

    url = f"redis://127.0.0.1:{port}/0"
    asli = app.conf.broker_url
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.CELERY_BROKER_URL = url

    def _lupakan():
        from kombu import pools

        app.pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None
        pools.reset()

    app.conf.task_always_eager = False
    app.conf.broker_url = url
    app.conf.broker_transport_options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    _lupakan()
    try:
        yield app
    finally:
        app.conf.broker_url = asli
        _lupakan()
        app.conf.task_always_eager = True
        caches._settings = None


def test_it_keeps_pages_login_and_public_forms_working_while_redis_is_down_and_sends_mail_after(
    transactional_db, settings, petugas_layanan
):
    from celery.contrib.testing.worker import start_worker

    from conftest import KATA_SANDI

    port = _port_bebas()
    redis = _mulai_redis(port)
    with _portal_pada_redis(settings, port) as app:
        from django.test import Client

        redis.terminate()
        redis.wait()
        c = Client()
        assert c.get("/").status_code == 200
        assert c.get("/healthz/").status_code == 503
        # Login works: sessions live in the database, not in Redis.
        masuk = c.post("/accounts/login/", {"username": petugas_layanan.username, "password": KATA_SANDI})
        assert masuk.status_code == 302
        assert c.get("/organisasi/bagan/").status_code == 200
        # A public form that sends e-mail: the request succeeds and the mail waits in the outbox.
        lupa = Client().post("/accounts/password_reset/", {"email": petugas_layanan.email})
        assert lupa.status_code == 302
        email = EmailKeluar.objects.get()
        assert email.status == EmailKeluar.Status.MENUNGGU
        assert TugasKeluar.objects.filter(dispatched_at__isnull=True).count() == 1
        assert len(mail.outbox) == 0

        # Redis comes back; the every-minute job publishes, a real worker sends once.
        redis = _mulai_redis(port)
        try:
            TugasKeluar.objects.update(created_at=TugasKeluar.objects.get().created_at.replace(year=2000))
            assert antrean.kirim_tugas_tertunda() == 1
            with start_worker(app, perform_ping_check=False, pool="solo", concurrency=1, shutdown_timeout=10):
                for _ in range(100):
                    email.refresh_from_db()
                    if email.status == EmailKeluar.Status.TERKIRIM:
                        break
                    time.sleep(0.1)
            assert email.status == EmailKeluar.Status.TERKIRIM
            assert len(mail.outbox) == 1
            assert antrean.kirim_tugas_tertunda() == 0
        finally:
            redis.terminate()
            redis.wait()
