"""Demo data for every capability; idempotent. Prints one line per demo login."""

import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

# Order matters: organisasi first, laporan (which reads the others) last.
URUTAN = ["organisasi", "registrasi", "layanan", "sistem", "sop", "laporan"]


class Command(BaseCommand):
    help = "Mengisi data demo (organisasi, pengguna per peran, dan data tiap layanan). Aman dijalankan berulang."

    def handle(self, *args, **options):
        login: list[tuple[str, str, str]] = []
        for nama in URUTAN:
            if not apps.is_installed(nama):
                continue
            if importlib.util.find_spec(f"{nama}.demo") is None:
                continue
            seed = import_string(f"{nama}.demo.seed")
            login.extend(seed(stdout=self.stdout) or [])
        self.stdout.write("")
        self.stdout.write("Login demo (username password peran):")
        for username, password, peran in login:
            self.stdout.write(f"{username} {password} {peran}")
