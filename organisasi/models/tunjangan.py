"""Allowances and honoraria of the staff assigned to the LPSE (Pergub NTB 6/2017 Lampiran VII:
"berhak menerima tunjangan atau tambahan penghasilan yang besarnya sesuai dengan peraturan
perundang-undangan yang berlaku"). The Pergub sets no amount, so every amount is data: a rate
per position and period, with the decree that sets it. Monthly lists are computed from the
assignments (Penugasan) and approved by the Kepala LPSE; an approved list never changes."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe

NAMA_BULAN = [
    "",
    _("Januari"),
    _("Februari"),
    _("Maret"),
    _("April"),
    _("Mei"),
    _("Juni"),
    _("Juli"),
    _("Agustus"),
    _("September"),
    _("Oktober"),
    _("November"),
    _("Desember"),
]


class DasarHukum(models.Model):
    """The decree (or regulation) that sets an amount."""

    class Jenis(models.TextChoices):
        PERGUB = "pergub", _("Peraturan Gubernur")
        KEPGUB = "kepgub", _("Keputusan Gubernur")
        KEP_SEKDA = "kep_sekda", _("Keputusan Sekretaris Daerah")
        KEP_KADIS = "kep_kadis", _("Keputusan Kepala Dinas")
        LAINNYA = "lainnya", _("Peraturan lainnya")

    jenis = models.CharField(_("jenis"), max_length=15, choices=Jenis.choices)
    nomor = models.CharField(_("nomor"), max_length=150)
    tanggal = models.DateField(_("tanggal penetapan"))
    tentang = models.CharField(_("tentang"), max_length=300)
    berkas = models.FileField(_("pindaian (PDF)"), upload_to=UnggahKe("organisasi/dasar-hukum"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dasar hukum")
        verbose_name_plural = _("dasar hukum")
        ordering = ["-tanggal", "nomor"]
        constraints = [models.UniqueConstraint(fields=["jenis", "nomor"], name="dasar_hukum_unik")]

    def __str__(self):
        return f"{self.get_jenis_display()} Nomor {self.nomor} tentang {self.tentang}"


class TarifTunjanganQuerySet(models.QuerySet):
    def berlaku_dalam(self, mulai, sampai):
        """Rates in force on at least one day of [mulai, sampai] (both inclusive)."""
        return self.filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=mulai), berlaku_mulai__lte=sampai)


class TarifTunjangan(models.Model):
    """The monthly amount for the holder of a position, in force from `berlaku_mulai` to
    `berlaku_sampai` (both inclusive, as decrees write them: "1 Januari s.d. 31 Desember")."""

    class Jenis(models.TextChoices):
        TUNJANGAN = "tunjangan", _("Tunjangan / tambahan penghasilan")
        HONORARIUM = "honorarium", _("Honorarium")

    jabatan = models.ForeignKey(
        "organisasi.Jabatan", verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="tarif_tunjangan"
    )
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices, default=Jenis.HONORARIUM)
    besaran = models.DecimalField(
        _("besaran per bulan (Rp)"), max_digits=15, decimal_places=0, validators=[MinValueValidator(Decimal(1))]
    )
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    berlaku_sampai = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Hari terakhir berlaku. Kosongkan bila belum ditentukan."),
    )
    dasar_hukum = models.ForeignKey(
        DasarHukum, verbose_name=_("dasar hukum"), on_delete=models.PROTECT, related_name="tarif"
    )
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    dibuat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TarifTunjanganQuerySet.as_manager()

    class Meta:
        verbose_name = _("tarif tunjangan/honorarium")
        verbose_name_plural = _("tarif tunjangan/honorarium")
        ordering = ["jabatan__unit__urutan", "jabatan__urutan", "-berlaku_mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=models.F("berlaku_mulai")),
                name="tarif_periode_urut",
            ),
            models.CheckConstraint(condition=Q(besaran__gt=0), name="tarif_besaran_positif"),
        ]
        permissions = [("kelola_tarif_tunjangan", _("Mencatat tarif tunjangan/honorarium dan dasar hukumnya"))]

    def __str__(self):
        return f"{self.jabatan} · Rp{self.besaran:,.0f}".replace(",", ".")


class DaftarTunjanganQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.has_perm("organisasi.view_daftartunjangan"):
            return self
        return self.none()


class DaftarTunjangan(models.Model):
    """The list of one month: computed by the Sekretariat, approved by the Kepala LPSE."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan ke Kepala LPSE")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk diperbaiki")
        DISETUJUI = "disetujui", _("Disetujui")

    tahun = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(2017)])
    bulan = models.PositiveSmallIntegerField(_("bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.DRAF)
    total = models.DecimalField(_("jumlah (Rp)"), max_digits=15, decimal_places=0, default=0)
    dihitung_at = models.DateTimeField(_("dihitung pada"), null=True, blank=True)
    catatan = models.TextField(_("catatan pengembalian"), blank=True)
    disetujui_oleh = models.ForeignKey(
        "organisasi.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    disetujui_at = models.DateTimeField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DaftarTunjanganQuerySet.as_manager()

    class Meta:
        verbose_name = _("daftar tunjangan bulanan")
        verbose_name_plural = _("daftar tunjangan bulanan")
        ordering = ["-tahun", "-bulan"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "bulan"], name="daftar_tunjangan_sebulan_satu"),
            models.CheckConstraint(condition=Q(bulan__gte=1, bulan__lte=12), name="daftar_tunjangan_bulan_sah"),
        ]
        permissions = [
            ("susun_daftar_tunjangan", _("Menyusun dan mengajukan daftar tunjangan bulanan")),
            ("setujui_daftar_tunjangan", _("Menyetujui daftar tunjangan bulanan")),
        ]

    def __str__(self):
        return f"{self.periode}"

    @property
    def periode(self) -> str:
        return f"{NAMA_BULAN[self.bulan]} {self.tahun}"

    @property
    def dapat_diubah(self) -> bool:
        return self.status in (self.Status.DRAF, self.Status.DIKEMBALIKAN)


class RincianTunjangan(models.Model):
    """One line of a list: who held which position on which days of the month, at which rate.
    Names, positions and the legal basis are copied, so the list reads the same later."""

    daftar = models.ForeignKey(DaftarTunjangan, on_delete=models.CASCADE, related_name="rincian")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    penugasan = models.ForeignKey("organisasi.Penugasan", on_delete=models.PROTECT, related_name="+")
    tarif = models.ForeignKey(TarifTunjangan, on_delete=models.PROTECT, related_name="+")
    nama = models.CharField(_("nama"), max_length=250)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=12, choices=TarifTunjangan.Jenis.choices)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=500)
    besaran = models.DecimalField(_("tarif per bulan"), max_digits=15, decimal_places=0)
    mulai = models.DateField(_("dari tanggal"))
    sampai = models.DateField(_("sampai tanggal"))
    hari = models.PositiveSmallIntegerField(_("hari menjabat"))
    hari_bulan = models.PositiveSmallIntegerField(_("hari dalam bulan"))
    jumlah = models.DecimalField(_("jumlah (Rp)"), max_digits=15, decimal_places=0)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("rincian tunjangan")
        verbose_name_plural = _("rincian tunjangan")
        ordering = ["daftar", "urutan", "pk"]

    def __str__(self):
        return f"{self.nama} · {self.jabatan}"

    @property
    def penuh(self) -> bool:
        return self.hari == self.hari_bulan
