"""/healthz/ and the dashboard warn when the last verified backup is older than 8 days."""

import datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from sistem.health import cek_backup
from sistem.models import BackupRun, Cadangan
from sistem.services import status_backup, tandai_run_terhenti


def _cadangan(terverifikasi_at=None):
    return Cadangan.objects.create(
        nama=f"lpse-uji-{Cadangan.objects.count()}",
        dibuat_at=timezone.now(),
        manifest={"berkas": []},
        terverifikasi_at=terverifikasi_at,
    )


def test_it_warns_when_no_backup_was_ever_verified(db):
    _cadangan()
    nama, status, detail = cek_backup()
    assert (nama, status) == ("cadangan", "peringatan")
    assert "Belum ada cadangan yang terverifikasi" in detail


def test_it_is_ok_with_a_backup_verified_three_days_ago(db):
    _cadangan(terverifikasi_at=timezone.now() - datetime.timedelta(days=3))
    assert cek_backup()[1] == "ok"
    assert status_backup()["peringatan"] is False


def test_it_warns_when_the_last_verification_is_older_than_eight_days(db):
    _cadangan(terverifikasi_at=timezone.now())
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8, hours=1)):
        nama, status, detail = cek_backup()
    assert status == "peringatan"
    assert "8 hari yang lalu (batas 8 hari)" in detail


def test_it_shows_the_warning_on_healthz_without_failing_it(db, client):
    body = client.get("/healthz/").json()
    assert body["komponen"]["cadangan"]["status"] == "peringatan"
    assert body["status"] == "ok"


def test_it_marks_a_run_left_berjalan_by_a_dead_process_as_failed(db):
    run = BackupRun.objects.create(jenis="cadangan", host="mesin-lain", pid=1)
    BackupRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - datetime.timedelta(hours=13))
    assert tandai_run_terhenti("cadangan") == 1
    run.refresh_from_db()
    assert run.status == "gagal"
    assert tandai_run_terhenti("cadangan") == 0  # a second look changes nothing


def test_it_installs_the_daily_backup_and_weekly_verification_schedules_in_wita(db):
    harian = PeriodicTask.objects.get(name="Cadangan harian")
    mingguan = PeriodicTask.objects.get(name="Verifikasi cadangan mingguan")
    assert harian.task == "sistem.tasks.cadangan_harian"
    assert (harian.crontab.hour, harian.crontab.minute) == ("1", "30")
    assert mingguan.crontab.day_of_week == "0"
    assert str(harian.crontab.timezone) == "Asia/Makassar"


def test_it_skips_a_redelivered_daily_backup_when_one_was_just_made(db):
    from sistem.tasks import cadangan_harian

    BackupRun.objects.create(jenis="cadangan", status="berhasil", finished_at=timezone.now())
    assert cadangan_harian.apply().get() is None
    assert BackupRun.objects.count() == 1


def test_it_reports_a_missing_backup_to_verify_as_a_command_error(db):
    with pytest.raises(CommandError, match="Belum ada cadangan"):
        call_command("verify_backup")


def test_it_declares_backup_tasks_acknowledged_late_and_given_back_when_the_worker_dies(settings):
    from sistem import tasks

    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    for task in (tasks.cadangkan, tasks.cadangan_harian, tasks.verifikasi_cadangan):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True
