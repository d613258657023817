from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from lpse_portal.exceptions import TransisiTidakSah
from sistem.mesin_cadangan import Catatan, GagalCadangan
from sistem.models import BackupRun
from sistem.services import pulihkan_cadangan


class Command(BaseCommand):
    help = (
        "Memulihkan cadangan ke basis data yang dikonfigurasi atau ke basis data lain, dan dokumennya ke sebuah "
        "folder. Menolak cadangan dari lingkungan lain atau dengan migrasi yang lebih baru, kecuali --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "cadangan", help="Nama cadangan di BACKUP_DIR (atau penyimpanan objek), atau jalur foldernya."
        )
        tujuan = parser.add_mutually_exclusive_group()
        tujuan.add_argument(
            "--database", help="Nama basis data lain di server yang sama (dibuat bila belum ada; SQLite: jalur berkas)."
        )
        tujuan.add_argument("--database-url", help="URL basis data tujuan, mis. postgres://user@host:5432/nama.")
        parser.add_argument(
            "--dokumen",
            help="Folder tujuan dokumen. Bawaan: MEDIA_ROOT bila memulihkan ke basis data yang dikonfigurasi; "
            "selain itu dokumen tidak dipulihkan kecuali folder ini disebut.",
        )
        parser.add_argument("--force", action="store_true", help="Tetap memulihkan meski lingkungan/migrasi berbeda.")
        parser.add_argument("--noinput", "--no-input", action="store_true", help="Jangan meminta konfirmasi.")

    def handle(self, *args, cadangan, database, database_url, dokumen, force, noinput, **options):
        bawaan = connection.settings_dict
        if database_url:
            target = {**bawaan, **dj_database_url.parse(database_url)}
        elif database:
            target = {**bawaan, "NAME": database}
        else:
            target = dict(bawaan)
        ke_bawaan = target["NAME"] == bawaan["NAME"] and target.get("HOST") == bawaan.get("HOST")
        if dokumen:
            dokumen_ke = Path(dokumen)
        else:
            dokumen_ke = Path(settings.MEDIA_ROOT) if ke_bawaan else None
        if ke_bawaan and not noinput:
            jawab = input(
                f"Basis data {target['NAME']} dan dokumen di {dokumen_ke} akan DIGANTI dengan isi cadangan. "
                "Ketik 'ya' untuk melanjutkan: "
            )
            if jawab.strip().lower() != "ya":
                raise CommandError("Dibatalkan.")
        log = Catatan()
        try:
            run = pulihkan_cadangan(sumber=cadangan, target=target, dokumen_ke=dokumen_ke, paksa=force, log=log)
        except (TransisiTidakSah, GagalCadangan) as e:
            raise CommandError(str(e))
        self.stdout.write(run.log)
        if run.status != BackupRun.Status.BERHASIL:
            raise CommandError(f"Pemulihan gagal: {run.pesan}")
        self.stdout.write(self.style.SUCCESS(run.pesan))
        if dokumen_ke is None:
            self.stdout.write("Dokumen tidak dipulihkan (sebutkan --dokumen untuk memulihkannya).")
