"""Changes after activation that a verifikator must approve ("verifikasi perubahan data")."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registrasi.models.penyedia import Penyedia, _boleh_lihat_semua
from registrasi.models.referensi import BentukUsaha


class PermintaanPerubahanQuerySet(models.QuerySet):
    def visible_to(self, user):
        if _boleh_lihat_semua(user):
            return self
        if user.is_authenticated:
            return self.filter(penyedia__user=user)
        return self.none()

    def antrean_verifikasi(self):
        return (
            self.filter(status=PermintaanPerubahan.Status.DIAJUKAN)
            .select_related("penyedia__user", "penyedia__bentuk_usaha", "bentuk_usaha_baru")
            .order_by("created_at", "pk")
        )


class PermintaanPerubahan(models.Model):
    """A change of NPWP, NIB, name, form of business, e-mail or a document of an active vendor.
    Until a verifikator approves it, the old data stays in force."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    penyedia = models.ForeignKey(Penyedia, on_delete=models.PROTECT, related_name="perubahan")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DIAJUKAN)
    nama_baru = models.CharField(_("nama perusahaan baru"), max_length=200, blank=True)
    bentuk_usaha_baru = models.ForeignKey(
        BentukUsaha, verbose_name=_("bentuk usaha baru"), null=True, blank=True, on_delete=models.PROTECT
    )
    npwp_baru = models.CharField(_("NPWP baru"), max_length=16, blank=True)
    nib_baru = models.CharField(_("NIB baru"), max_length=13, blank=True)
    email_baru = models.EmailField(_("e-mail baru"), blank=True)
    keterangan = models.TextField(_("keterangan dari penyedia"), blank=True)
    verifikator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alasan_penolakan = models.TextField(_("alasan penolakan"), blank=True)
    created_at = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    diputuskan_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)

    objects = PermintaanPerubahanQuerySet.as_manager()

    class Meta:
        verbose_name = _("permintaan perubahan data")
        verbose_name_plural = _("permintaan perubahan data")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["penyedia"],
                condition=Q(status="diajukan"),
                name="perubahan_satu_terbuka",
            )
        ]

    def __str__(self):
        return f"{self.penyedia} — {self.get_status_display()}"

    @property
    def terbuka(self) -> bool:
        return self.status == self.Status.DIAJUKAN

    def daftar_perubahan(self) -> list[tuple[str, str, str]]:
        """(label, old, new) for every changed field; NPWP shown formatted (staff and owner only)."""
        from lpse_portal.identitas import format_npwp

        p = self.penyedia
        hasil = []
        if self.nama_baru:
            hasil.append((_("Nama perusahaan"), p.nama, self.nama_baru))
        if self.bentuk_usaha_baru_id:
            hasil.append((_("Bentuk usaha"), str(p.bentuk_usaha), str(self.bentuk_usaha_baru)))
        if self.npwp_baru:
            hasil.append((_("NPWP"), format_npwp(p.npwp), format_npwp(self.npwp_baru)))
        if self.nib_baru:
            hasil.append((_("NIB"), p.nib, self.nib_baru))
        if self.email_baru:
            hasil.append((_("E-mail"), p.email, self.email_baru))
        return hasil
