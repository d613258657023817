from django.core.management.base import BaseCommand

from sop.services import berlakukan_versi_jatuh_tempo


class Command(BaseCommand):
    help = (
        "Memberlakukan versi SOP yang sudah disetujui pada tanggal berlakunya (tugas harian). Aman dijalankan dua kali."
    )

    def handle(self, *args, **options):
        n = berlakukan_versi_jatuh_tempo()
        self.stdout.write(f"{n} versi SOP mulai berlaku.")
