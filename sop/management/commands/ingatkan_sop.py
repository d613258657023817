from django.core.management.base import BaseCommand

from sop.services import kirim_pengingat_persetujuan, kirim_pengingat_tinjauan


class Command(BaseCommand):
    help = "Mengirim pengingat tinjauan SOP dan pengajuan yang lama menunggu Pembina. Aman dijalankan dua kali."

    def handle(self, *args, **options):
        tinjauan = kirim_pengingat_tinjauan()
        persetujuan = kirim_pengingat_persetujuan()
        self.stdout.write(f"{tinjauan} pengingat tinjauan dan {persetujuan} pengingat persetujuan diantrekan.")
