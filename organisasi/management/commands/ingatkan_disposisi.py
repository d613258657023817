from django.core.management.base import BaseCommand

from organisasi.services import ingatkan_disposisi


class Command(BaseCommand):
    help = (
        "Mengingatkan penerima disposisi yang jatuh tempo besok, hari ini, atau sudah lewat. Aman dijalankan dua kali."
    )

    def handle(self, *args, **options):
        n = ingatkan_disposisi()
        self.stdout.write(f"{n} pengingat disposisi diantrekan.")
