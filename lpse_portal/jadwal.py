"""Default periodic tasks, declared in code by each app, installed once into django-celery-beat.

Each app may have a `jadwal.py` with `JADWAL = [
    Jadwal(
        nama="Terapkan masa simpan data pribadi",
        task="lpse_portal.tasks.terapkan_retensi",
        cron="15 2 * * *",
        deskripsi="Menghapus atau menyamarkan data pribadi yang masa simpannya berakhir (UU 27/2022).",
    ),Jadwal(...), ...]`. `pasang_jadwal_bawaan`
(run after every migrate, and as `manage.py pasang_jadwal`) creates the entries that were
never installed before. An entry installed once is not touched again: an operator's edit,
disablement or deletion in admin stands.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string

from lpse_portal.bawaan import pasang_sekali

ZONA = "Asia/Makassar"


@dataclass(frozen=True)
class Jadwal:
    nama: str
    task: str
    cron: str = ""  # "menit jam hari_bulan bulan hari_minggu" in WITA
    setiap_detik: int = 0
    deskripsi: str = ""
    aktif: bool = True


def semua_jadwal() -> list[Jadwal]:
    hasil = []
    for config in apps.get_app_configs():
        try:
            modul = import_string(f"{config.name}.jadwal.JADWAL")
        except ImportError:
            continue
        hasil.extend(modul)
    return hasil


def _buat_periodic_task(j: Jadwal) -> None:
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

    if PeriodicTask.objects.filter(name=j.nama).exists():
        return  # made by hand before the default arrived: leave it
    jenis = {}
    if j.cron:
        menit, jam, hari, bulan, hari_minggu = j.cron.split()
        jenis["crontab"], _ = CrontabSchedule.objects.get_or_create(
            minute=menit, hour=jam, day_of_month=hari, month_of_year=bulan, day_of_week=hari_minggu, timezone=ZONA
        )
    else:
        jenis["interval"], _ = IntervalSchedule.objects.get_or_create(
            every=j.setiap_detik, period=IntervalSchedule.SECONDS
        )
    PeriodicTask.objects.create(name=j.nama, task=j.task, description=j.deskripsi, enabled=j.aktif, **jenis)


def pasang_jadwal_bawaan(stdout=None) -> list[str]:
    dipasang = [j.nama for j in semua_jadwal() if pasang_sekali(f"jadwal:{j.nama}", lambda j=j: _buat_periodic_task(j))]
    if stdout is not None:
        for nama in dipasang:
            stdout.write(f"Jadwal bawaan dipasang: {nama}")
    return dipasang


JADWAL = [
    Jadwal(
        nama="Terapkan masa simpan data pribadi",
        task="lpse_portal.tasks.terapkan_retensi",
        cron="15 2 * * *",
        deskripsi="Menghapus atau menyamarkan data pribadi yang masa simpannya berakhir (UU 27/2022).",
    ),
    Jadwal(
        nama="Terbitkan tugas tertunda (outbox)",
        task="lpse_portal.tasks.kirim_tugas_tertunda",
        setiap_detik=60,
        deskripsi="Menerbitkan tugas dan e-mail yang tertahan saat broker tidak tersedia.",
    ),
    Jadwal(
        nama="Bersihkan outbox yang sudah terkirim",
        task="lpse_portal.tasks.bersihkan_tugas_terkirim",
        cron="30 3 * * *",
        deskripsi="Menghapus catatan outbox yang sudah diterbitkan lebih dari 14 hari.",
    ),
]
