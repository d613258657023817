from django.core.management.base import BaseCommand

from organisasi.services import ingatkan_laporan_berkala


class Command(BaseCommand):
    help = (
        "Mengingatkan pegawai yang laporan berkalanya terlambat dan mengirim daftarnya kepada atasan. "
        "Aman dijalankan dua kali: sekali sehari per laporan."
    )

    def handle(self, *args, **options):
        n = ingatkan_laporan_berkala()
        self.stdout.write(f"{n} surel pengingat laporan berkala diantrekan.")
