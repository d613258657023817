"""The work of the Unit Administrasi Sistem Elektronik (Pergub NTB 6/2017 Lampiran II.4 and
SOP VI.c–f): backups that prove themselves, incidents, assets, LKPP technical instructions."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# --- backups -----------------------------------------------------------------------------


class BackupRunQuerySet(models.QuerySet):
    def berjalan(self):
        return self.filter(status=BackupRun.Status.BERJALAN)

    def terbaru(self):
        return self.select_related("cadangan", "oleh").order_by("-started_at", "-pk")


class BackupRun(models.Model):
    """One run of a backup, verification or restore: what happened, how long, how big, log tail."""

    class Jenis(models.TextChoices):
        CADANGAN = "cadangan", _("Pencadangan")
        VERIFIKASI = "verifikasi", _("Verifikasi (uji pulih)")
        PEMULIHAN = "pemulihan", _("Pemulihan")

    class Status(models.TextChoices):
        BERJALAN = "berjalan", _("Berjalan")
        BERHASIL = "berhasil", _("Berhasil")
        GAGAL = "gagal", _("Gagal")

    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BERJALAN)
    started_at = models.DateTimeField(_("mulai"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (byte)"), null=True, blank=True)
    cadangan = models.ForeignKey(
        "Cadangan", verbose_name=_("cadangan"), null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    host = models.CharField(_("host"), max_length=200, blank=True)
    pid = models.PositiveIntegerField(_("PID"), null=True, blank=True)
    log = models.TextField(_("catatan proses (akhir)"), blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dijalankan oleh"), null=True, blank=True, on_delete=models.PROTECT
    )

    objects = BackupRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("riwayat proses cadangan")
        verbose_name_plural = _("riwayat proses cadangan")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    @property
    def durasi(self) -> datetime.timedelta | None:
        return self.finished_at - self.started_at if self.finished_at else None


class CadanganQuerySet(models.QuerySet):
    def tersedia(self):
        """Complete backups whose files still exist (not removed by retention)."""
        return self.filter(dihapus_at__isnull=True)

    def terbaru(self):
        return self.order_by("-dibuat_at", "-pk")


class Cadangan(models.Model):
    """A complete backup set. A row exists only once every file was written and renamed into
    place, so a half-written backup is never listed (or kept, or restored) as good."""

    nama = models.CharField(_("nama"), max_length=120, unique=True)
    dibuat_at = models.DateTimeField(_("dibuat"), db_index=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (byte)"), default=0)
    manifest = models.JSONField(_("manifest"))
    terenkripsi = models.BooleanField(_("terenkripsi"), default=False)
    di_penyimpanan_luar = models.BooleanField(_("tersalin ke penyimpanan objek"), default=False)
    simpan = models.BooleanField(
        _("simpan permanen"), default=False, help_text=_("Cadangan bertanda ini tidak pernah dihapus oleh retensi.")
    )
    terverifikasi_at = models.DateTimeField(_("terakhir terverifikasi"), null=True, blank=True)
    verifikasi_gagal_at = models.DateTimeField(_("terakhir gagal verifikasi"), null=True, blank=True)
    dihapus_at = models.DateTimeField(_("dihapus retensi"), null=True, blank=True)

    objects = CadanganQuerySet.as_manager()

    class Meta:
        verbose_name = _("cadangan")
        verbose_name_plural = _("cadangan")
        ordering = ["-dibuat_at", "-pk"]
        permissions = [
            ("kelola_cadangan", _("Menjalankan, memverifikasi dan menandai cadangan")),
            ("lihat_kapasitas", _("Melihat kapasitas sistem")),
        ]

    def __str__(self):
        return self.nama

    @property
    def lingkungan(self) -> str:
        return self.manifest.get("lingkungan", "")

    @property
    def berkas(self) -> list[dict]:
        return self.manifest.get("berkas", [])


# --- incidents ------------------------------------------------------------------------------


class InsidenQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.has_perm("sistem.view_insiden"):
            return self
        return self.none()

    def terbuka(self):
        return self.filter(selesai__isnull=True)

    def bertumpang_tindih(self, awal: datetime.datetime, akhir: datetime.datetime):
        return self.filter(Q(mulai__lt=akhir) & (Q(selesai__isnull=True) | Q(selesai__gt=awal)))


class Insiden(models.Model):
    """A technical problem handled to keep SPSE reliable and available (Lampiran II.4.b.2),
    reported to LKPP where needed (II.4.b.3). Downtime incidents feed the monthly availability."""

    class Layanan(models.TextChoices):
        SPSE = "spse", _("SPSE")
        PORTAL = "portal", _("Portal LPSE")
        EMAIL = "email", _("E-mail")
        JARINGAN = "jaringan", _("Jaringan/Internet")
        SERVER = "server", _("Server/pusat data")
        LAINNYA = "lainnya", _("Lainnya")

    class Tingkat(models.TextChoices):
        RENDAH = "rendah", _("Rendah")
        SEDANG = "sedang", _("Sedang")
        TINGGI = "tinggi", _("Tinggi")
        KRITIS = "kritis", _("Kritis")

    judul = models.CharField(_("judul"), max_length=200)
    layanan = models.CharField(_("layanan terdampak"), max_length=20, choices=Layanan.choices)
    tingkat = models.CharField(_("tingkat keparahan"), max_length=10, choices=Tingkat.choices)
    layanan_terhenti = models.BooleanField(
        _("layanan tidak tersedia"),
        default=True,
        help_text=_("Centang bila layanan tidak dapat dipakai selama insiden; dihitung dalam ketersediaan."),
    )
    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    uraian = models.TextField(_("uraian"), blank=True)
    penyebab = models.TextField(_("penyebab"), blank=True)
    tindakan = models.TextField(_("tindakan"), blank=True)
    nomor_laporan_lkpp = models.CharField(_("nomor laporan ke LKPP"), max_length=100, blank=True)
    tanggal_laporan_lkpp = models.DateField(_("tanggal laporan ke LKPP"), null=True, blank=True)
    jawaban_lkpp = models.TextField(_("jawaban LKPP"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InsidenQuerySet.as_manager()

    class Meta:
        verbose_name = _("insiden")
        verbose_name_plural = _("insiden")
        ordering = ["-mulai", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")), name="insiden_selesai_urut"
            )
        ]

    def __str__(self):
        return self.judul

    @property
    def status(self) -> str:
        return "terbuka" if self.selesai is None else "selesai"

    @property
    def durasi(self) -> datetime.timedelta:
        return (self.selesai or timezone.now()) - self.mulai

    @property
    def dilaporkan_ke_lkpp(self) -> bool:
        return bool(self.nomor_laporan_lkpp)


class TiketTerkait(models.Model):
    """A helpdesk ticket linked to an incident: by its number, and generically by content type
    and id once the ticket exists in the portal (the layanan app is not imported here)."""

    insiden = models.ForeignKey(Insiden, on_delete=models.CASCADE, related_name="tiket_terkait")
    nomor_tiket = models.CharField(_("nomor tiket"), max_length=50)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("tiket terkait")
        verbose_name_plural = _("tiket terkait")
        ordering = ["nomor_tiket"]
        constraints = [models.UniqueConstraint(fields=["insiden", "nomor_tiket"], name="tiket_terkait_unik")]

    def __str__(self):
        return self.nomor_tiket


# --- assets ---------------------------------------------------------------------------------


class AsetQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.has_perm("sistem.view_aset"):
            return self
        return self.none()


class Aset(models.Model):
    """Hardware, software and network kept by the unit (Lampiran II.4.b.1)."""

    class Jenis(models.TextChoices):
        PERANGKAT_KERAS = "perangkat_keras", _("Perangkat keras")
        PERANGKAT_LUNAK = "perangkat_lunak", _("Perangkat lunak")
        JARINGAN = "jaringan", _("Jaringan")

    class Status(models.TextChoices):
        AKTIF = "aktif", _("Aktif")
        RUSAK = "rusak", _("Rusak")
        DIHAPUS = "dihapus", _("Dihapuskan")

    kode = models.CharField(_("kode inventaris"), max_length=50, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.AKTIF)
    pemilik = models.CharField(_("pemilik/penanggung jawab"), max_length=150)
    lokasi = models.CharField(_("lokasi"), max_length=150)
    spesifikasi = models.TextField(_("spesifikasi"), blank=True)
    tanggal_pembelian = models.DateField(_("tanggal pembelian"), null=True, blank=True)
    garansi_sampai = models.DateField(_("garansi sampai"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AsetQuerySet.as_manager()

    class Meta:
        verbose_name = _("aset")
        verbose_name_plural = _("aset")
        ordering = ["jenis", "kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    @property
    def garansi_berlaku(self) -> bool:
        return bool(self.garansi_sampai and self.garansi_sampai >= timezone.localdate())


class Pemeliharaan(models.Model):
    """One maintenance record of an asset (SOP VI.d)."""

    class Jenis(models.TextChoices):
        PREVENTIF = "preventif", _("Preventif (terjadwal)")
        KOREKTIF = "korektif", _("Korektif (perbaikan)")
        PEMBARUAN = "pembaruan", _("Pembaruan/patch")

    aset = models.ForeignKey(Aset, verbose_name=_("aset"), on_delete=models.CASCADE, related_name="pemeliharaan")
    tanggal = models.DateField(_("tanggal"))
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    uraian = models.TextField(_("uraian pekerjaan"))
    pelaksana = models.CharField(_("pelaksana"), max_length=150)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pemeliharaan")
        verbose_name_plural = _("pemeliharaan")
        ordering = ["-tanggal", "-pk"]

    def __str__(self):
        return f"{self.aset.kode} {self.tanggal}"


# --- LKPP technical instructions --------------------------------------------------------------


class InstruksiQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.has_perm("sistem.view_instruksilkpp"):
            return self
        return self.none()

    def lewat_tenggat(self, tanggal: datetime.date | None = None):
        tanggal = tanggal or timezone.localdate()
        return self.exclude(status=InstruksiLkpp.Status.SELESAI).filter(tenggat__lt=tanggal)


class InstruksiLkpp(models.Model):
    """A technical instruction from LKPP (e.g. an SPSE version upgrade), carried out by the unit
    (Lampiran II.4.b.4)."""

    class Status(models.TextChoices):
        DITERIMA = "diterima", _("Diterima")
        DIKERJAKAN = "dikerjakan", _("Dikerjakan")
        SELESAI = "selesai", _("Selesai")

    nomor = models.CharField(_("nomor surat/instruksi"), max_length=100)
    perihal = models.CharField(_("perihal"), max_length=250)
    tanggal_diterima = models.DateField(_("tanggal diterima"))
    isi = models.TextField(_("isi instruksi"))
    tenggat = models.DateField(_("tenggat"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DITERIMA)
    pelaksana = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("dilaksanakan oleh"), blank=True, related_name="+"
    )
    catatan_pelaksanaan = models.TextField(_("catatan pelaksanaan"), blank=True)
    selesai_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InstruksiQuerySet.as_manager()

    class Meta:
        verbose_name = _("instruksi teknis LKPP")
        verbose_name_plural = _("instruksi teknis LKPP")
        ordering = ["-tanggal_diterima", "-pk"]

    def __str__(self):
        return f"{self.nomor} {self.perihal}"

    @property
    def lewat_tenggat(self) -> bool:
        return bool(self.tenggat and self.status != self.Status.SELESAI and self.tenggat < timezone.localdate())
