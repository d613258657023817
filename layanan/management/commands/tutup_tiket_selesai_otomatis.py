from django.core.management.base import BaseCommand

from layanan import services


class Command(BaseCommand):
    help = "Menutup tiket yang selesai lebih dari lima hari kerja. Aman dijalankan dua kali."

    def handle(self, *args, **options):
        n = services.tutup_tiket_selesai_otomatis()
        self.stdout.write(f"{n} tiket ditutup.")
