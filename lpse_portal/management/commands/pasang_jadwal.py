from django.core.management.base import BaseCommand

from lpse_portal.jadwal import pasang_jadwal_bawaan


class Command(BaseCommand):
    help = "Memasang jadwal berkala bawaan yang belum pernah dipasang (tidak menimpa suntingan operator)."

    def handle(self, *args, **options):
        dipasang = pasang_jadwal_bawaan(stdout=self.stdout)
        self.stdout.write(f"{len(dipasang)} jadwal baru dipasang.")
