"""Trainings on using SPSE (Lampiran II.6.b.4): sessions, registrations with a waiting list,
attendance, certificates with a verification code, and feedback after the session."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _kode_hadir() -> str:
    return secrets.token_urlsafe(18)


class PelatihanQuerySet(models.QuerySet):
    def terbit(self):
        return self.filter(terbit=True, dibatalkan=False)

    def akan_datang(self):
        return self.terbit().filter(selesai__gte=timezone.now()).order_by("mulai", "pk")

    def lampau(self):
        return self.terbit().filter(selesai__lt=timezone.now()).order_by("-mulai", "-pk")

    def dengan_jumlah(self):
        """Seats taken and the waiting list, one small subquery per row shown: a join with
        COUNT grouped every participant of every session before a LIMIT or a page count
        (86 ms at 2,000 sessions and 60,000 participants, bench/skala)."""
        return self.annotate(
            jumlah_terdaftar=_jumlah_peserta("terdaftar"), jumlah_tunggu=_jumlah_peserta("daftar_tunggu")
        )


def _jumlah_peserta(status: str):
    hitung = (
        PesertaPelatihan.objects.filter(pelatihan=OuterRef("pk"), status=status)
        .order_by()
        .values("pelatihan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(hitung, output_field=IntegerField()), 0)


class Pelatihan(models.Model):
    class Sasaran(models.TextChoices):
        PENYEDIA = "penyedia", _("Penyedia")
        PPK = "ppk", _("PPK")
        POKJA = "pokja", _("Pokja Pemilihan")
        PEJABAT_PENGADAAN = "pejabat_pengadaan", _("Pejabat Pengadaan")
        INTERNAL = "internal", _("Internal LPSE")
        UMUM = "umum", _("Umum")

    class Moda(models.TextChoices):
        LURING = "luring", _("Luring (tatap muka)")
        DARING = "daring", _("Daring")
        HIBRIDA = "hibrida", _("Hibrida")

    judul = models.CharField(_("topik"), max_length=200)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    sasaran = models.CharField(_("sasaran peserta"), max_length=20, choices=Sasaran.choices)
    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(_("selesai"))
    moda = models.CharField(_("moda"), max_length=10, choices=Moda.choices, default=Moda.LURING)
    tempat = models.CharField(_("tempat"), max_length=200, blank=True)
    tautan = models.URLField(_("tautan daring"), blank=True)
    kapasitas = models.PositiveIntegerField(_("kapasitas"))
    pelatih = models.CharField(_("pelatih/narasumber"), max_length=200)
    terbit = models.BooleanField(_("tampil di jadwal publik"), default=True)
    dibatalkan = models.BooleanField(_("dibatalkan"), default=False)
    sertifikat_terbit_pada = models.DateTimeField(_("sertifikat diterbitkan"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PelatihanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pelatihan")
        verbose_name_plural = _("pelatihan")
        ordering = ["-mulai", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(selesai__gt=models.F("mulai")), name="pelatihan_selesai_setelah_mulai"),
            models.CheckConstraint(condition=Q(kapasitas__gte=1), name="pelatihan_kapasitas_positif"),
        ]
        permissions = [("kelola_pelatihan", _("Menjadwalkan pelatihan, mencatat kehadiran, menerbitkan sertifikat"))]

    def __str__(self):
        return f"{self.judul} ({timezone.localtime(self.mulai):%d-%m-%Y})"

    @property
    def sudah_selesai(self) -> bool:
        return self.selesai < timezone.now()


class PesertaQuerySet(models.QuerySet):
    def aktif(self):
        return self.exclude(status=PesertaPelatihan.Status.BATAL)


class PesertaPelatihan(models.Model):
    class Status(models.TextChoices):
        TERDAFTAR = "terdaftar", _("Terdaftar")
        DAFTAR_TUNGGU = "daftar_tunggu", _("Daftar tunggu")
        BATAL = "batal", _("Batal")

    pelatihan = models.ForeignKey(Pelatihan, on_delete=models.PROTECT, related_name="peserta")
    nama = models.CharField(_("nama"), max_length=150)
    email = models.EmailField(_("e-mail"))
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    instansi = models.CharField(_("instansi/badan usaha"), max_length=200, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # LPSE staff joining a session: the attended training goes into their record
    # (organisasi.RiwayatPendidikan); the link points from here, never from organisasi.
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name=_("pegawai LPSE"), null=True, blank=True, on_delete=models.SET_NULL
    )
    riwayat = models.OneToOneField(
        "organisasi.RiwayatPendidikan", null=True, blank=True, on_delete=models.SET_NULL, related_name="peserta"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    kode_hadir = models.CharField(max_length=40, unique=True, default=_kode_hadir, editable=False)
    hadir_pada = models.DateTimeField(_("hadir pada"), null=True, blank=True)
    kode_sertifikat = models.CharField(
        _("kode verifikasi sertifikat"), max_length=20, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PesertaQuerySet.as_manager()

    class Meta:
        verbose_name = _("peserta pelatihan")
        verbose_name_plural = _("peserta pelatihan")
        ordering = ["created_at", "pk"]
        constraints = [
            # The database's own guard against a double registration slipping past the check.
            models.UniqueConstraint(fields=["pelatihan", "email"], condition=~Q(status="batal"), name="peserta_unik")
        ]

    def __str__(self):
        return f"{self.nama} — {self.pelatihan.judul}"


class UmpanBalikPelatihan(models.Model):
    peserta = models.OneToOneField(PesertaPelatihan, on_delete=models.CASCADE, related_name="umpan_balik")
    nilai_materi = models.PositiveSmallIntegerField(_("materi"))
    nilai_pelatih = models.PositiveSmallIntegerField(_("pelatih"))
    saran = models.TextField(_("saran"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik pelatihan")
        verbose_name_plural = _("umpan balik pelatihan")
        constraints = [
            models.CheckConstraint(
                condition=Q(nilai_materi__gte=1, nilai_materi__lte=5, nilai_pelatih__gte=1, nilai_pelatih__lte=5),
                name="umpan_balik_nilai_1_5",
            )
        ]

    def __str__(self):
        return str(self.peserta)
