"""The other SPSE users: PA/KPA, PPK, Pokja Pemilihan, Pejabat Pengadaan, Auditor, Admin Agency,
registered on request of their perangkat daerah with the SK or surat tugas."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from lpse_portal.identitas import format_nip


class PerangkatDaerah(models.Model):
    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    aktif = models.BooleanField(_("dapat dipilih"), default=True)

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class SubPeran(models.TextChoices):
    PA = "pa", _("Pengguna Anggaran (PA)")
    KPA = "kpa", _("Kuasa Pengguna Anggaran (KPA)")
    PPK = "ppk", _("Pejabat Pembuat Komitmen (PPK)")
    POKJA = "pokja_pemilihan", _("Pokja Pemilihan (dahulu Pokja ULP)")
    PEJABAT_PENGADAAN = "pejabat_pengadaan", _("Pejabat Pengadaan")
    AUDITOR = "auditor", _("Auditor")
    ADMIN_AGENCY = "admin_agency", _("Admin Agency")


# Pergub Lampiran II.5.b.6: deactivation is requested by PA/KPA/PPK and the procurement
# committee (now Pokja Pemilihan); Pejabat Pengadaan proposes sanctions under Perpres 16/2018.
SUB_PERAN_PEMOHON_PENONAKTIFAN = (
    SubPeran.PA,
    SubPeran.KPA,
    SubPeran.PPK,
    SubPeran.POKJA,
    SubPeran.PEJABAT_PENGADAAN,
)


class PejabatPengadaan(models.Model):
    """The profile of an approved official's account (role `pejabat_pengadaan`)."""

    SubPeran = SubPeran

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("akun"), on_delete=models.PROTECT, related_name="pejabat"
    )
    nama = models.CharField(_("nama"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    sub_peran = models.CharField(_("peran di SPSE"), max_length=20, choices=SubPeran.choices)
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, verbose_name=_("perangkat daerah"), on_delete=models.PROTECT, related_name="pejabat"
    )
    jabatan = models.CharField(_("jabatan"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pejabat pengadaan")
        verbose_name_plural = _("pejabat pengadaan")
        ordering = ["nama"]

    def __str__(self):
        return f"{self.nama} ({self.get_sub_peran_display()}, {self.perangkat_daerah})"

    @property
    def nip_tampil(self) -> str:
        return format_nip(self.nip) if self.nip else ""


class PermohonanPejabatQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.is_authenticated and user.has_perm("registrasi.verifikasi_pejabat"):
            return self
        return self.none()

    def antrean_verifikasi(self):
        return (
            self.filter(status__in=[PermohonanPejabat.Status.DIAJUKAN, PermohonanPejabat.Status.DIPROSES])
            .select_related("perangkat_daerah", "verifikator")
            .order_by("created_at", "pk")
        )


class PermohonanPejabat(models.Model):
    """A perangkat daerah's request for an official's user ID, with the SK or surat tugas."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DIPROSES = "diproses", _("Sedang diverifikasi")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    # Target turnaround, in working days of the LPSE calendar.
    TARGET_HARI_KERJA = 2

    pengaju_nama = models.CharField(_("nama petugas pengaju"), max_length=150)
    pengaju_jabatan = models.CharField(_("jabatan petugas pengaju"), max_length=150)
    pengaju_email = models.EmailField(_("e-mail petugas pengaju"))
    pengaju_telepon = models.CharField(_("telepon petugas pengaju"), max_length=30, blank=True)
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, verbose_name=_("perangkat daerah"), on_delete=models.PROTECT, related_name="+"
    )
    nama = models.CharField(_("nama pejabat"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    sub_peran = models.CharField(_("peran di SPSE"), max_length=20, choices=SubPeran.choices)
    jabatan = models.CharField(_("jabatan"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail pejabat"))
    telepon = models.CharField(_("telepon pejabat"), max_length=30, blank=True)
    user_id = models.CharField(_("User ID yang diminta"), max_length=30)
    nomor_sk = models.CharField(_("nomor SK / surat tugas"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK / surat tugas"))
    berkas_sk = models.FileField(_("pindaian SK / surat tugas"), upload_to=UnggahKe("registrasi/pejabat"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DIAJUKAN)
    tenggat = models.DateField(_("target selesai"))
    verifikator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alasan_penolakan = models.TextField(_("alasan penolakan"), blank=True)
    pejabat = models.OneToOneField(
        PejabatPengadaan, null=True, blank=True, on_delete=models.PROTECT, related_name="permohonan"
    )
    created_at = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    diputuskan_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)

    objects = PermohonanPejabatQuerySet.as_manager()

    class Meta:
        verbose_name = _("permohonan akun pejabat")
        verbose_name_plural = _("permohonan akun pejabat")
        ordering = ["-created_at"]
        permissions = [("verifikasi_pejabat", _("Memverifikasi permohonan akun pejabat pengadaan"))]

    def __str__(self):
        return f"{self.nama} ({self.get_sub_peran_display()})"

    @property
    def terlambat(self) -> bool:
        terbuka = self.status in (self.Status.DIAJUKAN, self.Status.DIPROSES)
        return terbuka and timezone.localdate() > self.tenggat
