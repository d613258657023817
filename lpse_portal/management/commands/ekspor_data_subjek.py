"""Answer a subject-access request (UU 27/2022 Pasal 32, within 3×24 hours):

    python manage.py ekspor_data_subjek --email budi@contoh.co.id --oleh sekretaris \
        --alasan "Surat permohonan 12/XI/2026" > data-budi.json
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lpse_portal import data_subjek


class Command(BaseCommand):
    help = "Mengekspor seluruh data pribadi seorang subjek data (UU 27/2022 Pasal 32) sebagai JSON."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="E-mail subjek data.")
        parser.add_argument("--oleh", required=True, help="Nama pengguna petugas yang menjawab permintaan.")
        parser.add_argument("--alasan", required=True, help="Dasar permintaan, mis. nomor surat permohonan.")

    def handle(self, *args, email, oleh, alasan, **options):
        try:
            petugas = get_user_model().objects.get(username=oleh, is_active=True)
        except get_user_model().DoesNotExist as e:
            raise CommandError(f"Petugas '{oleh}' tidak ditemukan atau tidak aktif.") from e
        try:
            self.stdout.write(data_subjek.ekspor(email=email, oleh=petugas, alasan=alasan))
        except ValueError as e:
            raise CommandError(str(e)) from e
