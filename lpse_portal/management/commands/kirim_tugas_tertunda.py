from django.core.management.base import BaseCommand

from lpse_portal.antrean import kirim_tugas_tertunda


class Command(BaseCommand):
    help = "Menerbitkan tugas Celery yang tertahan di outbox (mis. saat Redis mati). Aman dijalankan dua kali."

    def handle(self, *args, **options):
        n = kirim_tugas_tertunda()
        self.stdout.write(f"{n} tugas diterbitkan.")
