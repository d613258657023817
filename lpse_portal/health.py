"""Health of the parts the portal cannot work without, for /healthz/ and monitoring.

A check returns (name, status, detail) with status "ok", "peringatan" (works, but needs
attention: /healthz/ stays 200) or "gagal" (down: /healthz/ answers 503).
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.module_loading import import_string

OK, PERINGATAN, GAGAL = "ok", "peringatan", "gagal"


def cek_database():
    try:
        with connection.cursor() as c:
            c.execute("SELECT 1")
            c.fetchone()
    except Exception as e:  # noqa: BLE001 - any failure means "down"
        return "database", GAGAL, type(e).__name__
    return "database", OK, connection.vendor


def cek_cache():
    kunci = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(kunci, "1", 10)
        ok = cache.get(kunci) == "1"
        cache.delete(kunci)
    except Exception as e:  # noqa: BLE001
        return "cache", GAGAL, type(e).__name__
    return "cache", OK if ok else GAGAL, "" if ok else "nilai tidak terbaca kembali"


def cek_broker():
    from kombu import Connection

    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem"):
        import os

        folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_out"]
        ok = os.path.isdir(folder) and os.access(folder, os.W_OK)
        return "broker", OK if ok else GAGAL, "filesystem" if ok else "folder antrean tidak dapat ditulis"
    try:
        with Connection(url, connect_timeout=2, transport_options={"socket_timeout": 2}) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as e:  # noqa: BLE001
        return "broker", GAGAL, type(e).__name__
    return "broker", OK, url.split("://", 1)[0]


def periksa_semua() -> list[tuple[str, str, str]]:
    return [import_string(path)() for path in settings.HEALTH_CHECKS]
