from django.core.management.base import BaseCommand

from registrasi.services import periksa_masa_berlaku_harian


class Command(BaseCommand):
    help = (
        "Mengirim pengingat masa berlaku dokumen penyedia (60, 30, 15 hari) dan menandai dokumen kedaluwarsa "
        "(tugas harian). Aman dijalankan dua kali."
    )

    def handle(self, *args, **options):
        hasil = periksa_masa_berlaku_harian()
        self.stdout.write(
            f"{hasil['pengingat']} pengingat, {hasil['kedaluwarsa']} penyedia ditandai kedaluwarsa, "
            f"{hasil['pulih']} tanda dicabut."
        )
