"""Two beat processes started by mistake: each periodic job is still sent once per period."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis as redis_lib
from django.db import connection
from django_celery_beat.models import IntervalSchedule, PeriodicTask

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.integrasi


def _beat(env):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lpse_portal", "beat", "--loglevel=INFO", "--max-interval=1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_it_sends_each_job_once_per_period_when_two_beats_run(transactional_db, settings, tmp_path):
    antrian = f"uji-beat-{uuid.uuid4().hex[:8]}"
    jadwal, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(
        name=f"uji {antrian}", task="lpse_portal.tasks.kirim_tugas_tertunda", interval=jadwal, queue=antrian
    )
    db = connection.settings_dict
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        VAR_DIR=str(tmp_path),
        DEBUG="0",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    r = redis_lib.Redis.from_url(settings.REDIS_URL)
    beats = [_beat(env), _beat(env)]
    try:
        time.sleep(4)  # both started; one holds the lock
        mulai = r.llen(antrian)
        time.sleep(6)
        terkirim = r.llen(antrian) - mulai
    finally:
        for b in beats:
            b.terminate()
        keluaran = [b.communicate(timeout=30)[0] for b in beats]
        r.delete(antrian)
    # One beat sends about once a second; two unlocked beats would send about twice as often.
    assert 3 <= terkirim <= 8, (terkirim, keluaran)
    menunggu = [k for k in keluaran if "Beat lain sedang berjalan" in k]
    assert len(menunggu) == 1, keluaran
