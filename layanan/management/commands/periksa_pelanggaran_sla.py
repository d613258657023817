from django.core.management.base import BaseCommand

from layanan import services


class Command(BaseCommand):
    help = "Menandai pelanggaran SLA tiket dan mengabari Koordinator Layanan. Aman dijalankan dua kali."

    def handle(self, *args, **options):
        n = services.periksa_pelanggaran_sla()
        self.stdout.write(f"{n} tiket baru ditandai melanggar SLA.")
