from django.core.management.base import BaseCommand

from organisasi.services import terapkan_penugasan_harian


class Command(BaseCommand):
    help = "Menerapkan penugasan yang mulai atau berakhir menurut tanggal (tugas harian). Aman dijalankan dua kali."

    def handle(self, *args, **options):
        n = terapkan_penugasan_harian()
        self.stdout.write(f"{n} pengguna disesuaikan perannya.")
