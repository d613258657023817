from django.core.management.base import BaseCommand

from registrasi.services import terapkan_sanksi_harian


class Command(BaseCommand):
    help = (
        "Menerapkan sanksi daftar hitam menurut tanggal: menonaktifkan dan mengaktifkan kembali User ID penyedia "
        "(tugas harian). Aman dijalankan dua kali."
    )

    def handle(self, *args, **options):
        hasil = terapkan_sanksi_harian()
        self.stdout.write(
            f"{hasil['dinonaktifkan']} User ID dinonaktifkan, {hasil['diaktifkan']} diaktifkan kembali, "
            f"{hasil['berakhir']} sanksi berakhir."
        )
