"""Periodic statistical reports (Pergub NTB 6/2017 Lampiran II.2.a, II.3.b.4, V.5–6): one
ReportRun row per execution, with its files. laporan reads the other apps and writes only here."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from laporan import periode as per


class ReportRunQuerySet(models.QuerySet):
    AKTIF = ("antre", "berjalan")

    def visible_to(self, user):
        """Report runs are LPSE-wide statistics: whoever holds the view permission sees all
        (pembina, kepala_lpse, sekretaris, koordinator: laporan/izin.py); nobody else any."""
        if user.is_authenticated and user.has_perm("laporan.view_reportrun"):
            return self
        return self.none()

    def aktif(self):
        return self.filter(status__in=self.AKTIF)

    def terbaru(self):
        return self.select_related("oleh").order_by("-dibuat_at", "-pk")


class ReportRun(models.Model):
    """One execution of a periodic report: antre → berjalan → berhasil | gagal. A retry is a
    new row; a failed row keeps its error and has no file."""

    class Jenis(models.TextChoices):
        BULANAN = per.BULANAN, _("Bulanan")
        TRIWULANAN = per.TRIWULANAN, _("Triwulanan")
        TAHUNAN = per.TAHUNAN, _("Tahunan")

    class Status(models.TextChoices):
        ANTRE = "antre", _("Antre")
        BERJALAN = "berjalan", _("Berjalan")
        BERHASIL = "berhasil", _("Berhasil")
        GAGAL = "gagal", _("Gagal")

    class Pemicu(models.TextChoices):
        JADWAL = "jadwal", _("Jadwal otomatis")
        PENGGUNA = "pengguna", _("Pengguna (jalankan sekarang)")
        PERINTAH = "perintah", _("Perintah generate_report")

    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices)
    mulai = models.DateField(_("periode mulai"))
    sampai = models.DateField(_("periode sampai"), help_text=_("Hari terakhir periode (WITA)."))
    parameter = models.JSONField(_("parameter"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRE)
    pemicu = models.CharField(_("dipicu oleh"), max_length=10, choices=Pemicu.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The form's one-time token: a double click posts the same token twice and makes one run.
    kunci_permintaan = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    dibuat_at = models.DateTimeField(_("diminta pada"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai diproses"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai diproses"), null=True, blank=True)
    durasi_detik = models.FloatField(_("durasi (detik)"), null=True, blank=True)
    galat = models.TextField(_("galat"), blank=True)
    # Who is working on it: a redelivered task takes over only a run whose process is gone.
    host = models.CharField(_("host"), max_length=200, blank=True)
    pid = models.PositiveIntegerField(_("PID"), null=True, blank=True)
    puncak_memori_mb = models.FloatField(
        _("puncak memori proses (MB)"),
        null=True,
        blank=True,
        help_text=_("Puncak RSS proses pembuat laporan sepanjang umurnya (pada worker: termasuk tugas sebelumnya)."),
    )

    objects = ReportRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan periodik")
        verbose_name_plural = _("laporan periodik")
        ordering = ["-dibuat_at", "-pk"]
        constraints = [
            # One run per kind and period at a time: two "run now" clicks, a schedule and a
            # shell command racing each other make one queued or running row.
            models.UniqueConstraint(
                fields=["jenis", "mulai"], condition=Q(status__in=["antre", "berjalan"]), name="laporan_satu_aktif"
            ),
            models.CheckConstraint(condition=Q(sampai__gte=models.F("mulai")), name="laporan_periode_urut"),
        ]
        indexes = [models.Index(fields=["jenis", "mulai", "-dibuat_at"], name="laporan_periode_idx")]
        permissions = [("jalankan_laporan", _("Menjalankan laporan periodik sekarang"))]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.periode.label} ({self.get_status_display()})"

    @property
    def periode(self) -> per.Periode:
        return per.Periode(self.jenis, self.mulai, self.sampai)

    @property
    def aktif(self) -> bool:
        return self.status in ReportRunQuerySet.AKTIF


class ReportFile(models.Model):
    """A published file of a successful run. A row exists only once its file was written
    completely and moved into place (services.jalankan_laporan)."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"
        CSV = "csv", "CSV"

    MIME = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
    }

    run = models.ForeignKey(ReportRun, on_delete=models.PROTECT, related_name="berkas")
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    berkas = models.FileField(_("berkas"), max_length=200)
    nama = models.CharField(_("nama unduhan"), max_length=150)
    ukuran = models.PositiveBigIntegerField(_("ukuran (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("berkas laporan")
        verbose_name_plural = _("berkas laporan")
        ordering = ["run", "format"]
        constraints = [models.UniqueConstraint(fields=["run", "format"], name="laporan_berkas_satu_format")]

    def __str__(self):
        return self.nama

    @property
    def mime(self) -> str:
        return self.MIME[self.format]
