from django.core.management.base import BaseCommand

from layanan import services


class Command(BaseCommand):
    help = "Mengirim survei kepuasan untuk tiket yang selesai. Aman dijalankan dua kali."

    def handle(self, *args, **options):
        n = services.kirim_survei_kepuasan()
        self.stdout.write(f"{n} survei kepuasan dikirim.")
