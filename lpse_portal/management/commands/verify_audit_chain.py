from django.core.management.base import BaseCommand, CommandError

from lpse_portal.peristiwa import periksa_rantai


class Command(BaseCommand):
    help = "Memeriksa rantai hash peristiwa; melaporkan mata rantai pertama yang rusak per rantai."

    def add_arguments(self, parser):
        parser.add_argument("--rantai", help="Hanya periksa satu rantai, mis. registrasi.sanksidaftarhitam")

    def handle(self, *args, **options):
        rusak = periksa_rantai(options.get("rantai"))
        if not rusak:
            self.stdout.write(self.style.SUCCESS("Rantai peristiwa utuh."))
            return
        for r in rusak:
            self.stderr.write(f"RUSAK rantai={r.rantai} urutan={r.urutan} id={r.pk}: {r.alasan}")
        raise CommandError(f"{len(rusak)} rantai rusak.")
