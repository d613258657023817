"""The LPSE's programme of activities per year (Pergub NTB 6/2017 Lampiran II.2.a: penyusunan
program kegiatan, evaluasi dan pelaporan; II.3.b.4: pengendalian, evaluasi dan pelaporan
kegiatan by the Sekretariat): activities with their responsible unit and budget, targets per
quarter, and realisation per quarter with evidence."""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe

TRIWULAN = [(1, _("Triwulan I")), (2, _("Triwulan II")), (3, _("Triwulan III")), (4, _("Triwulan IV"))]
ROMAWI_TRIWULAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def awal_triwulan(tahun: int, triwulan: int) -> datetime.date:
    return datetime.date(tahun, 3 * (triwulan - 1) + 1, 1)


def akhir_triwulan(tahun: int, triwulan: int) -> datetime.date:
    """The first day after the quarter (exclusive end)."""
    return datetime.date(tahun + 1, 1, 1) if triwulan == 4 else awal_triwulan(tahun, triwulan + 1)


class ProgramKegiatan(models.Model):
    """One year's programme of activities of the LPSE."""

    tahun = models.PositiveSmallIntegerField(
        _("tahun"), unique=True, validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    nama = models.CharField(_("nama program"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("program kegiatan")
        verbose_name_plural = _("program kegiatan")
        ordering = ["-tahun"]
        permissions = [
            ("kelola_program", _("Menyusun program kegiatan, kegiatan dan targetnya")),
            ("isi_realisasi", _("Mengisi realisasi kegiatan per triwulan")),
        ]

    def __str__(self):
        return f"{self.nama} {self.tahun}"

    def triwulan_dimulai(self, triwulan: int, hari_ini: datetime.date | None = None) -> bool:
        return (hari_ini or timezone.localdate()) >= awal_triwulan(self.tahun, triwulan)

    def triwulan_berakhir(self, triwulan: int, hari_ini: datetime.date | None = None) -> bool:
        return (hari_ini or timezone.localdate()) >= akhir_triwulan(self.tahun, triwulan)


class KegiatanQuerySet(models.QuerySet):
    def dapat_diisi_oleh(self, user):
        """Activities whose realisation `user` may enter: all for the Sekretariat and the
        Kepala LPSE (kelola_program), else those of the units the user currently coordinates."""
        if not user.has_perm("organisasi.isi_realisasi"):
            return self.none()
        if user.has_perm("organisasi.kelola_program"):
            return self
        from organisasi.models.struktur import Jabatan, Penugasan

        unit_koordinasi = (
            Penugasan.objects.aktif()
            .filter(pegawai__user=user, jabatan__jenis=Jabatan.Jenis.KOORDINATOR)
            .values("jabatan__unit")
        )
        return self.filter(unit__in=unit_koordinasi)


class Kegiatan(models.Model):
    program = models.ForeignKey(ProgramKegiatan, on_delete=models.CASCADE, related_name="kegiatan")
    kode = models.CharField(_("kode"), max_length=30, blank=True, help_text=_("Mis. 1.2, sesuai DPA."))
    nama = models.CharField(_("nama kegiatan"), max_length=250)
    unit = models.ForeignKey(
        "organisasi.Unit", verbose_name=_("unit penanggung jawab"), on_delete=models.PROTECT, related_name="kegiatan"
    )
    pagu = models.DecimalField(
        _("pagu (Rp)"), max_digits=15, decimal_places=0, validators=[MinValueValidator(Decimal(0))]
    )
    jadwal_mulai = models.DateField(_("jadwal mulai"))
    jadwal_selesai = models.DateField(_("jadwal selesai"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = KegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["program", "urutan", "kode", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jadwal_selesai__gte=models.F("jadwal_mulai")), name="kegiatan_jadwal_urut"
            ),
            models.CheckConstraint(condition=Q(pagu__gte=0), name="kegiatan_pagu_tidak_negatif"),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}".strip()

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("organisasi:program_detail", args=[self.program_id]) + f"#kegiatan-{self.pk}"


class Target(models.Model):
    """A performance indicator of an activity with its target per quarter."""

    class Agregasi(models.TextChoices):
        JUMLAH = "jumlah", _("Dijumlahkan (capaian tahunan = jumlah empat triwulan)")
        TERAKHIR = "terakhir", _("Nilai terakhir (capaian tahunan = triwulan terakhir yang terisi)")

    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="target")
    indikator = models.CharField(_("indikator"), max_length=250)
    satuan = models.CharField(_("satuan"), max_length=50, help_text=_("Mis. penyedia, kali, tiket, persen."))
    target_tw1 = models.DecimalField(_("target TW I"), max_digits=12, decimal_places=2, default=0)
    target_tw2 = models.DecimalField(_("target TW II"), max_digits=12, decimal_places=2, default=0)
    target_tw3 = models.DecimalField(_("target TW III"), max_digits=12, decimal_places=2, default=0)
    target_tw4 = models.DecimalField(_("target TW IV"), max_digits=12, decimal_places=2, default=0)
    agregasi = models.CharField(_("capaian tahunan"), max_length=10, choices=Agregasi.choices, default=Agregasi.JUMLAH)
    sumber_otomatis = models.CharField(
        _("angka otomatis"),
        max_length=80,
        blank=True,
        help_text=_("Angka yang sudah diketahui portal, ditampilkan di samping realisasi yang diisi."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("target kinerja")
        verbose_name_plural = _("target kinerja")
        ordering = ["kegiatan", "urutan", "pk"]
        constraints = [
            # A target without a unit of measure cannot be evaluated (bad input of issue 11).
            models.CheckConstraint(condition=~Q(satuan=""), name="target_bersatuan"),
            models.CheckConstraint(
                condition=Q(target_tw1__gte=0, target_tw2__gte=0, target_tw3__gte=0, target_tw4__gte=0),
                name="target_tidak_negatif",
            ),
        ]

    def __str__(self):
        return f"{self.indikator} ({self.satuan})"

    def target_triwulan(self, triwulan: int) -> Decimal:
        return getattr(self, f"target_tw{triwulan}")

    @property
    def target_tahunan(self) -> Decimal:
        nilai = [self.target_triwulan(t) for t in range(1, 5)]
        if self.agregasi == self.Agregasi.TERAKHIR:
            return next((n for n in reversed(nilai) if n), Decimal(0))
        return sum(nilai, Decimal(0))


class Realisasi(models.Model):
    """An entry of realisation for one quarter. Entries are never overwritten: a correction is
    a new entry, and the latest one counts, so the evidence of each stays on file."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="realisasi")
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=TRIWULAN)
    nilai = models.DecimalField(
        _("realisasi"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    bukti = models.FileField(_("bukti dukung"), upload_to=UnggahKe("organisasi/realisasi"))
    dicatat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["target", "triwulan", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="realisasi_triwulan_sah"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="realisasi_tidak_negatif"),
        ]

    def __str__(self):
        return f"{self.target} TW {ROMAWI_TRIWULAN.get(self.triwulan, '?')}: {self.nilai}"
