from django.core.management.base import BaseCommand

from lpse_portal.retensi import semua_aturan, terapkan_retensi


class Command(BaseCommand):
    help = "Menghapus atau menyamarkan data pribadi yang masa simpannya berakhir. Aman dijalankan dua kali."

    def add_arguments(self, parser):
        parser.add_argument("--daftar", action="store_true", help="Hanya tampilkan aturan masa simpan.")

    def handle(self, *args, **options):
        if options["daftar"]:
            for a in semua_aturan():
                self.stdout.write(f"{a.nama}: {a.hari_berlaku} hari — {a.keterangan}")
            return
        for nama, jumlah in terapkan_retensi().items():
            self.stdout.write(f"{nama}: {jumlah}")
