"""Scheduling Celery tasks through a transactional outbox.

`jadwalkan(task, *args)` inside a service's transaction writes a TugasKeluar row with the
change itself; after commit it is published to the broker. If the broker is down (Redis
stopped), the row stays and `kirim_tugas_tertunda` (beat every minute, and a command)
publishes it once the broker answers again. Nothing is lost and no request fails because
Redis is away.
"""

import importlib
import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from lpse_portal.celery import app as celery_app
from lpse_portal.models import TugasKeluar

log = logging.getLogger(__name__)

# A row younger than this is left to its own on_commit publication.
TENGGANG = timedelta(seconds=20)


def _nama_task(task) -> str:
    return task if isinstance(task, str) else task.name


def jadwalkan(task, *args, **kwargs) -> TugasKeluar:
    """Publish `task(*args, **kwargs)` after the current transaction commits; survive a down broker."""
    row = TugasKeluar.objects.create(task=_nama_task(task), args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: terbitkan(row.pk))
    return row


def terbitkan(tugas_id: int) -> bool:
    """Publish one outbox row; True when the broker took it. Never raises on a broker failure."""
    row = TugasKeluar.objects.filter(pk=tugas_id, dispatched_at__isnull=True).first()
    if row is None:
        return True
    if celery_app.conf.task_always_eager:
        # Tests and one-off scripts: run inline as a worker would; errors surface.
        # Import the task's module by name: the loader's import_default_modules() would run
        # django.setup() again and reconfigure logging.
        importlib.import_module(row.task.rsplit(".", 1)[0])
        celery_app.tasks[row.task].apply(args=row.args, kwargs=row.kwargs, throw=True)
    else:
        try:
            # retry=False: a request must not hang while Redis is down; the outbox retries later.
            celery_app.send_task(row.task, args=row.args, kwargs=row.kwargs, retry=False)
        except Exception as e:  # noqa: BLE001 - any broker error leaves the row for later
            log.warning("Broker tidak menerima tugas %s (%s): %s: %s", row.task, row.pk, type(e).__name__, e)
            TugasKeluar.objects.filter(pk=row.pk).update(percobaan=row.percobaan + 1, galat_terakhir=str(e)[:1000])
            return False
    TugasKeluar.objects.filter(pk=row.pk).update(dispatched_at=timezone.now(), percobaan=row.percobaan + 1)
    return True


def kirim_tugas_tertunda(batas: int = 500) -> int:
    """Publish outbox rows that missed their publication. Safe to run twice at once."""
    terkirim = 0
    batas_waktu = timezone.now() - TENGGANG
    ids = list(
        TugasKeluar.objects.filter(dispatched_at__isnull=True, created_at__lt=batas_waktu)
        .order_by("created_at")
        .values_list("pk", flat=True)[:batas]
    )
    for tugas_id in ids:
        with transaction.atomic():
            # skip_locked: a second runner at the same moment takes other rows, not these.
            row = TugasKeluar.objects.select_for_update(skip_locked=True).filter(pk=tugas_id).first()
            if row is None or row.dispatched_at:
                continue
            if not terbitkan(row.pk):
                break  # broker still down: try again at the next run
            terkirim += 1
    return terkirim


def bersihkan_tugas_terkirim(hari: int = 14) -> int:
    """Delete published outbox rows older than `hari` days."""
    batas_waktu = timezone.now() - timedelta(days=hari)
    deleted, _ = TugasKeluar.objects.filter(dispatched_at__lt=batas_waktu).delete()
    return deleted
