"""The beat scheduler: django-celery-beat's database scheduler that ticks only while it holds
the beat lock, so a second beat started by mistake waits instead of sending every periodic
job twice (docs/deployment.md: beat runs once).

The lock is a PostgreSQL advisory lock held by a dedicated connection for the life of the
process (released by the server if the process dies), or an flock on var/beat.lock on the
embedded SQLite default.
"""

import fcntl
import logging
import os

from django.conf import settings
from django_celery_beat.schedulers import DatabaseScheduler

log = logging.getLogger(__name__)

KUNCI_ADVISORY = 0x4C505345  # "LPSE"
TUNGGU_DETIK = 5.0


class PenjadwalTunggal(DatabaseScheduler):
    def __init__(self, *args, **kwargs):
        self._pemegang = None  # the connection or file that holds the lock
        super().__init__(*args, **kwargs)

    def _kunci_masih_dipegang(self) -> bool:
        if self._pemegang is None:
            return False
        if hasattr(self._pemegang, "cursor"):
            try:
                with self._pemegang.cursor() as c:
                    c.execute("SELECT 1")
            except Exception:  # noqa: BLE001 - a dropped connection has lost the lock with it
                log.warning("Koneksi pemegang kunci beat terputus; kunci dilepas.")
                self._pemegang = None
                return False
        return True

    def _ambil_kunci(self) -> bool:
        if self._kunci_masih_dipegang():
            return True
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("postgresql"):
            import psycopg2

            conn = psycopg2.connect(
                dbname=db["NAME"],
                user=db.get("USER") or None,
                password=db.get("PASSWORD") or None,
                host=db.get("HOST") or None,
                port=db.get("PORT") or None,
                application_name="lpse-beat-lock",
            )
            conn.autocommit = True
            with conn.cursor() as c:
                c.execute("SELECT pg_try_advisory_lock(%s)", [KUNCI_ADVISORY])
                dapat = c.fetchone()[0]
            if not dapat:
                conn.close()
                return False
            self._pemegang = conn
        else:
            os.makedirs(settings.VAR_DIR, exist_ok=True)
            berkas = open(settings.VAR_DIR / "beat.lock", "w")  # noqa: SIM115 - held for the process's life
            try:
                fcntl.flock(berkas, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                berkas.close()
                return False
            self._pemegang = berkas
        log.info("Beat ini memegang kunci penjadwal; jadwal berkala dikirim dari sini.")
        return True

    def tick(self, *args, **kwargs):
        if not self._ambil_kunci():
            log.info("Beat lain sedang berjalan; beat ini menunggu tanpa mengirim jadwal.")
            return TUNGGU_DETIK
        return super().tick(*args, **kwargs)
