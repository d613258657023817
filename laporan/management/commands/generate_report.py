from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from laporan import periode as per
from laporan import services
from laporan.models import ReportRun
from lpse_portal.exceptions import TransisiTidakSah


class Command(BaseCommand):
    help = (
        "Membuat laporan periodik dari shell, sama seperti jadwal dan tombol 'jalankan sekarang'. "
        "Contoh: --jenis bulanan --periode 2026-10; --jenis triwulanan --periode 2026-T3; "
        "--jenis tahunan --periode 2025. Tanpa --periode: periode terakhir yang sudah berakhir. "
        "Aman dijalankan dua kali: periode yang sudah punya laporan berhasil tidak dibuat ulang "
        "kecuali dengan --ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument("--jenis", choices=[per.BULANAN, per.TRIWULANAN, per.TAHUNAN], default=per.BULANAN)
        parser.add_argument("--periode", default="", help="2026-10 | 2026-T4 | 2026")
        parser.add_argument("--ulang", action="store_true", help="Buat lagi walaupun sudah ada laporan berhasil.")

    def handle(self, *args, jenis, periode, ulang, **options):
        try:
            p = per.urai(jenis, periode) if periode else per.sebelumnya(jenis, timezone.now())
        except per.PeriodeTidakSah as e:
            raise CommandError(str(e)) from e
        sudah = (
            ReportRun.objects.filter(jenis=jenis, mulai=p.mulai, status=ReportRun.Status.BERHASIL)
            .order_by("-pk")
            .first()
        )
        if sudah is not None and not ulang:
            self.stdout.write(f"Laporan {jenis} {p.label} sudah ada (#{sudah.pk}); tidak dibuat ulang (pakai --ulang).")
            return
        try:
            run, dibuat = services.minta_laporan(
                jenis=jenis, periode=p, oleh=None, pemicu=ReportRun.Pemicu.PERINTAH, antrekan=False
            )
        except TransisiTidakSah as e:
            raise CommandError(str(e)) from e
        if not dibuat:
            self.stdout.write(f"Laporan {jenis} {p.label} sedang diproses (#{run.pk}, {run.get_status_display()}).")
            return
        run = services.jalankan_laporan(run_id=run.pk)
        if run.status != ReportRun.Status.BERHASIL:
            raise CommandError(f"Laporan #{run.pk} gagal: {run.galat}")
        self.stdout.write(f"Laporan #{run.pk} {jenis} {p.label} selesai dalam {run.durasi_detik} detik:")
        for f in run.berkas.order_by("format"):
            self.stdout.write(f"  {f.format}  {f.ukuran:>10} byte  sha256 {f.sha256}  {f.berkas.name}")
