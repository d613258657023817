"""Default beat schedules are created from code once and never overwrite an operator's edit."""

from django_celery_beat.models import PeriodicTask

from lpse_portal.jadwal import pasang_jadwal_bawaan, semua_jadwal


def test_it_installs_every_default_schedule_after_migrate(db):
    nama = {j.nama for j in semua_jadwal()}
    assert "Terapkan penugasan harian" in nama
    assert nama <= set(PeriodicTask.objects.values_list("name", flat=True))


def test_it_keeps_an_operators_edit(db):
    tugas = PeriodicTask.objects.get(name="Terapkan penugasan harian")
    tugas.enabled = False
    tugas.crontab.hour = "3"
    tugas.crontab.save()
    tugas.save()
    assert pasang_jadwal_bawaan() == []
    tugas.refresh_from_db()
    assert tugas.enabled is False
    assert tugas.crontab.hour == "3"


def test_it_does_not_bring_back_a_schedule_the_operator_deleted(db):
    PeriodicTask.objects.filter(name="Terapkan penugasan harian").delete()
    pasang_jadwal_bawaan()
    assert not PeriodicTask.objects.filter(name="Terapkan penugasan harian").exists()


def test_it_runs_the_daily_schedule_in_wita(db):
    tugas = PeriodicTask.objects.get(name="Terapkan penugasan harian")
    assert str(tugas.crontab.timezone) == "Asia/Makassar"
