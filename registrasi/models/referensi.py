"""Reference data the Unit configures in admin: forms of business, document types and which
of them each form of business must submit (Lampiran II.5.b.2), reasons a document is refused."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import SEMUA_JENIS


class BentukUsaha(models.Model):
    """PT, CV, Firma, Koperasi, Perorangan, …"""

    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    perorangan = models.BooleanField(
        _("perorangan"), default=False, help_text=_("Usaha perorangan: NPWP boleh berupa NIK pemilik.")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("dapat dipilih"), default=True)

    class Meta:
        verbose_name = _("bentuk usaha")
        verbose_name_plural = _("bentuk usaha")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class JenisDokumen(models.Model):
    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama dokumen"), max_length=150)
    keterangan = models.TextField(_("keterangan untuk pendaftar"), blank=True)
    minta_nomor = models.BooleanField(_("minta nomor dokumen"), default=False)
    minta_masa_berlaku = models.BooleanField(_("minta tanggal berlaku sampai"), default=False)
    maks_mb = models.PositiveSmallIntegerField(_("ukuran paling besar (MB)"), default=5)
    jenis_berkas = models.CharField(
        _("jenis berkas yang diterima"),
        max_length=40,
        default="pdf",
        help_text=_("Dipisah koma, dari: pdf, jpeg, png."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis dokumen")
        verbose_name_plural = _("jenis dokumen")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama

    @property
    def daftar_jenis_berkas(self) -> tuple[str, ...]:
        kode = tuple(k.strip() for k in self.jenis_berkas.split(",") if k.strip() in SEMUA_JENIS)
        return kode or ("pdf",)

    @property
    def label_jenis_berkas(self) -> str:
        return ", ".join(SEMUA_JENIS[k].label for k in self.daftar_jenis_berkas)

    def clean(self):
        from django.core.exceptions import ValidationError

        salah = [k.strip() for k in self.jenis_berkas.split(",") if k.strip() and k.strip() not in SEMUA_JENIS]
        if salah:
            raise ValidationError({"jenis_berkas": _("Jenis berkas tidak dikenal: %(s)s.") % {"s": ", ".join(salah)}})


class PersyaratanQuerySet(models.QuerySet):
    def untuk(self, bentuk_usaha, *, pj_adalah_pimpinan: bool = True):
        """The requirements that apply to one applicant."""
        qs = self.filter(bentuk_usaha=bentuk_usaha).select_related("jenis").order_by("jenis__urutan", "jenis__nama")
        if pj_adalah_pimpinan:
            qs = qs.exclude(berlaku=Persyaratan.Berlaku.BUKAN_PIMPINAN)
        return qs


class Persyaratan(models.Model):
    """One document type required (or accepted) for one form of business."""

    class Berlaku(models.TextChoices):
        SELALU = "selalu", _("Selalu")
        BUKAN_PIMPINAN = "bukan_pimpinan", _("Hanya bila pendaftar bukan direktur/pemilik")

    bentuk_usaha = models.ForeignKey(
        BentukUsaha, verbose_name=_("bentuk usaha"), on_delete=models.CASCADE, related_name="persyaratan"
    )
    jenis = models.ForeignKey(
        JenisDokumen, verbose_name=_("jenis dokumen"), on_delete=models.PROTECT, related_name="persyaratan"
    )
    wajib = models.BooleanField(_("wajib"), default=True)
    berlaku = models.CharField(_("berlaku"), max_length=20, choices=Berlaku.choices, default=Berlaku.SELALU)

    objects = PersyaratanQuerySet.as_manager()

    class Meta:
        verbose_name = _("persyaratan dokumen")
        verbose_name_plural = _("persyaratan dokumen")
        ordering = ["bentuk_usaha__urutan", "jenis__urutan"]
        constraints = [models.UniqueConstraint(fields=["bentuk_usaha", "jenis"], name="persyaratan_unik")]

    def __str__(self):
        return f"{self.bentuk_usaha}: {self.jenis}"


class AlasanTidakValid(models.Model):
    """The coded list of reasons a verifikator gives for an invalid document."""

    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("alasan"), max_length=200)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("dapat dipilih"), default=True)

    class Meta:
        verbose_name = _("alasan dokumen tidak valid")
        verbose_name_plural = _("alasan dokumen tidak valid")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama
