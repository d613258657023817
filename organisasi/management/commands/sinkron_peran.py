from django.core.management.base import BaseCommand

from organisasi.peran import sinkron_grup


class Command(BaseCommand):
    help = "Membuat grup peran dan mengisi izinnya persis seperti yang ditetapkan dalam kode."

    def handle(self, *args, **options):
        sinkron_grup()
        self.stdout.write("Grup peran disinkronkan.")
