"""Cross-cutting records every app writes: events, outboxes, personal-data access audit."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Peristiwa(models.Model):
    """One step of a workflow: who, when, from which state to which, with note and IP.

    Rows are never edited or deleted (a PostgreSQL trigger refuses UPDATE and DELETE), and
    each row carries the hash of the previous row of its stream, so a changed row is found
    by `manage.py verify_audit_chain`.
    """

    rantai = models.CharField(_("rantai"), max_length=100)
    urutan = models.PositiveBigIntegerField(_("urutan"))
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    aksi = models.CharField(_("aksi"), max_length=60)
    dari = models.CharField(_("dari status"), max_length=40, blank=True)
    ke = models.CharField(_("ke status"), max_length=40, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, blank=True, on_delete=models.PROTECT
    )
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    created_at = models.DateTimeField(_("waktu"))
    hash_sebelumnya = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("peristiwa")
        verbose_name_plural = _("peristiwa")
        ordering = ["rantai", "urutan"]
        constraints = [models.UniqueConstraint(fields=["rantai", "urutan"], name="peristiwa_urutan_unik")]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"], name="peristiwa_objek_idx")]

    def __str__(self):
        return f"{self.rantai}#{self.urutan} {self.aksi}"


class RantaiPeristiwa(models.Model):
    """The head of one event stream; locked while an event is appended to keep the chain linear."""

    nama = models.CharField(max_length=100, unique=True)
    urutan_terakhir = models.PositiveBigIntegerField(default=0)
    hash_terakhir = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("rantai peristiwa")
        verbose_name_plural = _("rantai peristiwa")

    def __str__(self):
        return self.nama


class TugasKeluar(models.Model):
    """Transactional outbox for Celery tasks.

    Written in the same transaction as the change that asks for the task, published after
    commit; when the broker is down the row waits and `kirim_tugas_tertunda` publishes it
    once the broker is back. Tasks are idempotent, so a rare double publication is harmless.
    """

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    percobaan = models.PositiveIntegerField(default=0)
    galat_terakhir = models.TextField(blank=True)

    class Meta:
        verbose_name = _("tugas keluar")
        verbose_name_plural = _("tugas keluar")
        indexes = [
            models.Index(
                fields=["created_at"], name="tugas_tertunda_idx", condition=models.Q(dispatched_at__isnull=True)
            )
        ]

    def __str__(self):
        return f"{self.task} #{self.pk}"


class EmailKeluar(models.Model):
    """Every e-mail the portal sends: rendered at request time, sent by a task, sent once."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu")
        TERKIRIM = "terkirim", _("Terkirim")
        GAGAL = "gagal", _("Gagal")

    kunci = models.CharField(
        _("kunci"),
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Kunci idempoten: e-mail dengan kunci yang sama tidak dibuat dua kali."),
    )
    kepada = models.JSONField(_("kepada"))
    subjek = models.CharField(_("subjek"), max_length=250)
    isi_teks = models.TextField(_("isi teks"))
    isi_html = models.TextField(_("isi HTML"), blank=True)
    lampiran = models.JSONField(_("lampiran"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.MENUNGGU)
    percobaan = models.PositiveIntegerField(default=0)
    galat_terakhir = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail keluar")
        verbose_name_plural = _("e-mail keluar")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subjek


class AksesDataPribadi(models.Model):
    """Who looked at or downloaded which personal data (UU 27/2022). Never edited or deleted."""

    class Jenis(models.TextChoices):
        LIHAT = "lihat", _("Melihat")
        UNDUH = "unduh", _("Mengunduh")
        EKSPOR = "ekspor", _("Mengekspor")

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    objek = models.CharField(_("objek"), max_length=250)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("akses data pribadi")
        verbose_name_plural = _("akses data pribadi")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.pengguna} {self.jenis} {self.objek}"


class DataBawaan(models.Model):
    """Default data installed once from code (schedules, the Pergub's structure, holidays,
    document requirements). Never installed again, so an operator's edit or deletion in
    admin stands. After a test flush the marker is gone and the data comes back."""

    nama = models.CharField(max_length=200, unique=True)
    installed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("data bawaan")
        verbose_name_plural = _("data bawaan")

    def __str__(self):
        return self.nama
