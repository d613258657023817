"""Blacklist sanctions and the deactivation requests behind them (Pergub Lampiran II.5.b.6;
Perpres 16/2018 as amended by Perpres 12/2021, Pasal 78). A sanction is dated: the system,
not a flag, decides from its dates whether the vendor's user ID is active."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from lpse_portal.identitas import format_npwp, samarkan
from registrasi.models.penyedia import Penyedia


class JenisPelanggaran(models.Model):
    """A violation with its legal basis and default duration; the list is data, edited in admin."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("pelanggaran"), max_length=250)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=250)
    durasi_bulan = models.PositiveSmallIntegerField(_("lama sanksi bawaan (bulan)"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("dapat dipilih"), default=True)

    class Meta:
        verbose_name = _("jenis pelanggaran")
        verbose_name_plural = _("jenis pelanggaran")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama

    def akhir_bawaan(self, mulai: datetime.date) -> datetime.date:
        """The last day under sanction: two years from 1 January end on 31 December."""
        return mulai + relativedelta(months=self.durasi_bulan) - datetime.timedelta(days=1)


def _tgl(tanggal) -> str:
    return date_format(tanggal, "j F Y") if tanggal else ""


class SanksiQuerySet(models.QuerySet):
    def berlaku_pada(self, tanggal: datetime.date):
        """In force on `tanggal`: published, started, not yet ended (the end day included)."""
        return self.filter(status=SanksiDaftarHitam.Status.TAYANG, mulai__lte=tanggal, selesai__gte=tanggal)

    def berlaku(self):
        return self.berlaku_pada(timezone.localdate())

    def untuk_identitas(self, *, npwp: str = "", nib: str = ""):
        syarat = Q(pk__in=[])
        if npwp:
            syarat |= Q(npwp=npwp)
        if nib:
            syarat |= Q(nib=nib)
        return self.filter(syarat)

    def tayang(self):
        return self.filter(status=SanksiDaftarHitam.Status.TAYANG).select_related("jenis_pelanggaran")

    def visible_to(self, user):
        if user.is_authenticated and user.has_perm("registrasi.view_sanksidaftarhitam"):
            return self
        return self.none()


class SanksiDaftarHitam(models.Model):
    class Status(models.TextChoices):
        TAYANG = "tayang", _("Tayang")
        PENUNDAAN = "penundaan", _("Penundaan")
        PEMBATALAN = "pembatalan", _("Pembatalan")
        BERAKHIR = "berakhir", _("Berakhir")

    # tayang → penundaan | pembatalan; penundaan → tayang | pembatalan. Nothing else.
    TRANSISI = {"tayang": ("penundaan", "pembatalan"), "penundaan": ("tayang", "pembatalan")}

    class Pengusul(models.TextChoices):
        PPK = "ppk", _("PPK")
        POKJA = "pokja_pemilihan", _("Pokja Pemilihan")
        PEJABAT_PENGADAAN = "pejabat_pengadaan", _("Pejabat Pengadaan")

    penyedia = models.ForeignKey(
        Penyedia,
        verbose_name=_("penyedia terdaftar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sanksi",
    )
    nama_penyedia = models.CharField(_("nama penyedia"), max_length=200)
    npwp = models.CharField(_("NPWP"), max_length=16)
    nib = models.CharField(_("NIB"), max_length=13, blank=True)
    jenis_pelanggaran = models.ForeignKey(JenisPelanggaran, verbose_name=_("pelanggaran"), on_delete=models.PROTECT)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, unique=True)
    tanggal_sk = models.DateField(_("tanggal SK"))
    pa_kpa = models.CharField(_("PA/KPA yang menetapkan"), max_length=200)
    pengusul = models.CharField(_("pengusul"), max_length=20, choices=Pengusul.choices)
    nama_pengusul = models.CharField(_("nama pengusul"), max_length=200)
    kode_paket = models.CharField(_("kode tender / RUP"), max_length=50)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("sampai"), help_text=_("Hari terakhir masa sanksi."))
    alasan_ubah_selesai = models.TextField(_("alasan mengubah tanggal akhir"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.TAYANG)
    permintaan = models.OneToOneField(
        "registrasi.PermintaanPenonaktifan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sanksi",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SanksiQuerySet.as_manager()

    class Meta:
        verbose_name = _("sanksi daftar hitam")
        verbose_name_plural = _("sanksi daftar hitam")
        ordering = ["-mulai", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(selesai__gte=models.F("mulai")), name="sanksi_akhir_setelah_mulai"),
            models.CheckConstraint(condition=Q(mulai__gte=models.F("tanggal_sk")), name="sanksi_mulai_sejak_sk"),
        ]
        indexes = [
            models.Index(fields=["npwp"], name="sanksi_npwp_idx"),
            models.Index(fields=["nib"], name="sanksi_nib_idx"),
            models.Index(fields=["status", "mulai", "selesai"], name="sanksi_berlaku_idx"),
            # The staff list, newest first: an index walk, not a sort of every sanction (2.6 ms at 5,000).
            models.Index(fields=["created_at", "id"], name="sanksi_terbaru_idx"),
            # The blacklist search is icontains on the name or the decree number (UPPER … LIKE
            # '%…%'): trigram indexes answer it without reading every sanction (PostgreSQL only,
            # migration 0007).
            GinIndex(OpClass(Upper("nama_penyedia"), name="gin_trgm_ops"), name="sanksi_nama_trgm_idx"),
            GinIndex(OpClass(Upper("nomor_sk"), name="gin_trgm_ops"), name="sanksi_nomor_sk_trgm_idx"),
        ]
        permissions = [("kelola_sanksi", _("Mencatat dan mengubah status sanksi daftar hitam"))]

    def __str__(self):
        return f"{self.nama_penyedia} — SK {self.nomor_sk}"

    def berlaku_pada(self, tanggal: datetime.date) -> bool:
        return self.status == self.Status.TAYANG and self.mulai <= tanggal <= self.selesai

    @property
    def akhir_tampil(self) -> str:
        return _tgl(self.selesai)

    @property
    def npwp_publik(self) -> str:
        """A company NPWP is public; an NPWP that is a person's NIK is personal data (UU 27/2022)."""
        if len(self.npwp) == 16 and not self.npwp.startswith("0"):
            return samarkan(self.npwp)
        return format_npwp(self.npwp)


class PermintaanPenonaktifanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The Unit sees every request; a requester only its own."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("registrasi.proses_penonaktifan"):
            return self
        return self.filter(pemohon=user)

    def antrean_verifikasi(self):
        return self.filter(status__in=["diajukan", "diproses"]).order_by("created_at", "pk")


class PermintaanPenonaktifan(models.Model):
    """A PA/KPA/PPK/Pokja Pemilihan's request to deactivate a blacklisted vendor's user ID."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DIPROSES = "diproses", _("Diproses")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    pemohon = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pemohon"), on_delete=models.PROTECT, related_name="+"
    )
    nama_penyedia = models.CharField(_("nama penyedia"), max_length=200)
    npwp = models.CharField(_("NPWP"), max_length=16)
    nib = models.CharField(_("NIB"), max_length=13, blank=True)
    jenis_pelanggaran = models.ForeignKey(JenisPelanggaran, verbose_name=_("pelanggaran"), on_delete=models.PROTECT)
    nomor_sk = models.CharField(_("nomor SK penetapan sanksi"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    pa_kpa = models.CharField(_("PA/KPA yang menetapkan"), max_length=200)
    kode_paket = models.CharField(_("kode tender / RUP"), max_length=50)
    mulai = models.DateField(_("mulai"), null=True, blank=True, help_text=_("Kosongkan: sejak tanggal SK."))
    selesai = models.DateField(
        _("sampai"), null=True, blank=True, help_text=_("Kosongkan: menurut lama sanksi bawaan pelanggaran.")
    )
    alasan_ubah_selesai = models.TextField(_("alasan tanggal akhir lain"), blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DIAJUKAN)
    verifikator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alasan_penolakan = models.TextField(_("alasan penolakan"), blank=True)
    created_at = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    diputuskan_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)

    objects = PermintaanPenonaktifanQuerySet.as_manager()

    class Meta:
        verbose_name = _("permintaan penonaktifan")
        verbose_name_plural = _("permintaan penonaktifan")
        ordering = ["-created_at"]
        permissions = [
            ("ajukan_penonaktifan", _("Mengajukan penonaktifan User ID penyedia")),
            ("proses_penonaktifan", _("Memproses permintaan penonaktifan User ID")),
        ]

    def __str__(self):
        return f"{self.nama_penyedia} — SK {self.nomor_sk}"

    @property
    def npwp_tampil(self) -> str:
        return format_npwp(self.npwp)


class DokumenSanksi(models.Model):
    """The SK scan and evidence of a request, kept with the sanction it became."""

    class Jenis(models.TextChoices):
        SK = "sk", _("Pindaian SK penetapan sanksi")
        BUKTI = "bukti", _("Bukti pendukung")

    permintaan = models.ForeignKey(
        PermintaanPenonaktifan, null=True, blank=True, on_delete=models.PROTECT, related_name="dokumen"
    )
    sanksi = models.ForeignKey(
        SanksiDaftarHitam, null=True, blank=True, on_delete=models.PROTECT, related_name="dokumen"
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    berkas = models.FileField(_("berkas"), upload_to=UnggahKe("registrasi/sanksi"))
    nama_berkas = models.CharField(_("nama berkas asli"), max_length=150)
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen sanksi")
        verbose_name_plural = _("dokumen sanksi")
        ordering = ["jenis", "created_at"]

    def __str__(self):
        return f"{self.get_jenis_display()}: {self.nama_berkas}"


class PutusanPengadilan(models.Model):
    """The court decision behind a suspension or cancellation, with the new SK number."""

    sanksi = models.ForeignKey(SanksiDaftarHitam, on_delete=models.PROTECT, related_name="putusan")
    dari = models.CharField(_("dari status"), max_length=20)
    ke = models.CharField(_("ke status"), max_length=20)
    nomor_sk_baru = models.CharField(_("nomor SK baru"), max_length=100, unique=True)
    nomor = models.CharField(_("nomor putusan"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal putusan"), null=True, blank=True)
    pengadilan = models.CharField(_("pengadilan"), max_length=200, blank=True)
    ringkasan = models.CharField(_("ringkasan putusan"), max_length=500, blank=True)
    berkas = models.FileField(_("salinan putusan (PDF)"), upload_to=UnggahKe("registrasi/putusan"), blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("putusan pengadilan")
        verbose_name_plural = _("putusan pengadilan")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.nomor or self.nomor_sk_baru} ({self.dari} → {self.ke})"
