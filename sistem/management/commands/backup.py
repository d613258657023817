from django.core.management.base import BaseCommand, CommandError

from lpse_portal.exceptions import TransisiTidakSah
from sistem.models import BackupRun
from sistem.services import jalankan_cadangan


class Command(BaseCommand):
    help = (
        "Mencadangkan basis data (pg_dump format custom / backup API SQLite), dokumen pribadi (MEDIA_ROOT) "
        "dan manifest ke BACKUP_DIR, lalu menerapkan retensi. Sama dengan tugas harian."
    )

    def handle(self, *args, **options):
        try:
            run = jalankan_cadangan()
        except TransisiTidakSah as e:
            raise CommandError(str(e))
        self.stdout.write(run.log)
        if run.status != BackupRun.Status.BERHASIL:
            raise CommandError(f"Pencadangan gagal: {run.pesan}")
        self.stdout.write(self.style.SUCCESS(f"Cadangan {run.cadangan.nama} selesai ({run.ukuran} byte)."))
