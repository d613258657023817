from django.core.management.base import BaseCommand, CommandError

from lpse_portal.exceptions import TransisiTidakSah
from sistem.models import BackupRun, Cadangan
from sistem.services import verifikasi_cadangan


class Command(BaseCommand):
    help = (
        "Memulihkan cadangan terbaru (atau yang disebut) ke basis data sementara, mencocokkan jumlah baris dan "
        "checksum dengan manifest, lalu mencatat waktu verifikasi. Sama dengan tugas mingguan."
    )

    def add_arguments(self, parser):
        parser.add_argument("nama", nargs="?", help="Nama cadangan; kosong = yang terbaru.")

    def handle(self, *args, nama=None, **options):
        cadangan_id = None
        if nama:
            cadangan = Cadangan.objects.tersedia().filter(nama=nama).first()
            if cadangan is None:
                raise CommandError(f"Cadangan {nama} tidak ada (atau sudah dihapus retensi).")
            cadangan_id = cadangan.pk
        try:
            run = verifikasi_cadangan(cadangan_id=cadangan_id)
        except TransisiTidakSah as e:
            raise CommandError(str(e))
        self.stdout.write(run.log)
        if run.status != BackupRun.Status.BERHASIL:
            raise CommandError(f"Verifikasi gagal: {run.pesan}")
        self.stdout.write(self.style.SUCCESS(f"Cadangan {run.cadangan.nama} terverifikasi: {run.pesan}"))
