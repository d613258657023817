"""The correspondence register (agenda surat) of the Sekretariat (Pergub NTB 6/2017 Lampiran
II.3.b.2: penyelenggaraan ketatausahaan): incoming letters with the Kepala LPSE's dispositions
and their follow-up, outgoing letters numbered from a pattern per year and classification, and
links from a letter to what it concerns."""

import re
import string

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe

BULAN_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ISIAN_POLA = {
    "nomor": _("nomor urut"),
    "klasifikasi": _("kode klasifikasi"),
    "tahun": _("tahun surat"),
    "bulan": _("bulan surat, dua angka"),
    "bulan_romawi": _("bulan surat dalam angka Romawi"),
}
POLA_BAWAAN = "{klasifikasi}/{nomor}/LPSE/{tahun}"
_LEBAR_NOMOR = re.compile(r"^0[1-9]$")


def validasi_pola(pola: str) -> None:
    """A numbering pattern uses only the known fields, and must contain {nomor} and {tahun}:
    the serial number makes numbers distinct within a sequence, the year across years."""
    try:
        bagian = list(string.Formatter().parse(pola))
    except ValueError:
        raise ValidationError(_("Pola nomor tidak sah: periksa pasangan kurung kurawal { }."), code="pola")
    dipakai = set()
    for _teks, nama, spesifikasi, konversi in bagian:
        if nama is None:
            continue
        if nama not in ISIAN_POLA or konversi:
            raise ValidationError(
                _("Isian {%(nama)s} tidak dikenal. Yang boleh dipakai: %(daftar)s.")
                % {"nama": nama, "daftar": ", ".join("{" + k + "}" for k in ISIAN_POLA)},
                code="pola",
            )
        if spesifikasi and not (nama == "nomor" and _LEBAR_NOMOR.match(spesifikasi)):
            raise ValidationError(
                _("Format isian {%(nama)s:%(spek)s} tidak didukung; untuk nomor dengan nol di depan tulis {nomor:03}.")
                % {"nama": nama, "spek": spesifikasi},
                code="pola",
            )
        dipakai.add(nama)
    kurang = {"nomor", "tahun"} - dipakai
    if kurang:
        raise ValidationError(
            _("Pola nomor wajib memuat %(isian)s agar nomor surat tidak pernah berulang.")
            % {"isian": " dan ".join("{" + k + "}" for k in sorted(kurang))},
            code="pola",
        )


class KlasifikasiSurat(models.Model):
    """A filing classification code (pedoman klasifikasi arsip), set up by the Sekretariat."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("klasifikasi surat")
        verbose_name_plural = _("klasifikasi surat")
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class PenomoranSurat(models.Model):
    """The numbering of outgoing letters for one year: one row per classification that has its
    own sequence, and one general row (no classification) shared by all the others."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    klasifikasi = models.ForeignKey(
        KlasifikasiSurat,
        verbose_name=_("klasifikasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penomoran",
        help_text=_("Kosongkan untuk urutan umum yang dipakai semua klasifikasi tanpa urutan sendiri."),
    )
    pola = models.CharField(
        _("pola nomor"),
        max_length=120,
        default=POLA_BAWAAN,
        validators=[validasi_pola],
        help_text=_(
            "Isian: {nomor} (atau {nomor:03} dengan nol di depan), {klasifikasi}, {tahun}, {bulan}, "
            "{bulan_romawi}. Contoh: {klasifikasi}/{nomor}/LPSE/{tahun}."
        ),
    )
    nomor_terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("penomoran surat keluar")
        verbose_name_plural = _("penomoran surat keluar")
        ordering = ["-tahun", "klasifikasi__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "klasifikasi"],
                condition=Q(klasifikasi__isnull=False),
                name="penomoran_per_klasifikasi",
            ),
            models.UniqueConstraint(fields=["tahun"], condition=Q(klasifikasi__isnull=True), name="penomoran_umum"),
        ]

    def __str__(self):
        return f"{self.tahun} · {self.klasifikasi.kode if self.klasifikasi_id else _('umum')} · {self.pola}"

    def bentuk(self, *, nomor: int, klasifikasi: KlasifikasiSurat, tanggal) -> str:
        return self.pola.format(
            nomor=nomor,
            klasifikasi=klasifikasi.kode,
            tahun=tanggal.year,
            bulan=f"{tanggal.month:02d}",
            bulan_romawi=BULAN_ROMAWI[tanggal.month - 1],
        )


class Kerahasiaan(models.TextChoices):
    BIASA = "biasa", _("Biasa")
    RAHASIA = "rahasia", _("Rahasia")


class SifatSurat(models.TextChoices):
    BIASA = "biasa", _("Biasa")
    SEGERA = "segera", _("Segera")
    SANGAT_SEGERA = "sangat_segera", _("Sangat segera")


def _filter_rahasia(qs, user, *, lewat_disposisi: bool):
    """Confidential letters: only the roles that handle them (tangani_surat_rahasia) and, for
    an incoming letter, the recipients of one of its dispositions."""
    from lpse_portal.akses import punya_peran
    from organisasi.peran import PERAN_STAF

    if not punya_peran(user, *PERAN_STAF):
        return qs.none()
    if user.has_perm("organisasi.tangani_surat_rahasia"):
        return qs
    boleh = Q(kerahasiaan=Kerahasiaan.BIASA)
    if lewat_disposisi:
        boleh |= Q(pk__in=Disposisi.objects.untuk(user).values("surat"))
    return qs.filter(boleh)


class SuratMasukQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _filter_rahasia(self, user, lewat_disposisi=True)

    def terbuka(self):
        return self.exclude(status=SuratMasuk.Status.SELESAI)


class SuratMasuk(models.Model):
    class Status(models.TextChoices):
        BARU = "baru", _("Baru dicatat")
        DIDISPOSISI = "didisposisi", _("Didisposisi")
        SELESAI = "selesai", _("Selesai")

    tahun_agenda = models.PositiveSmallIntegerField(_("tahun agenda"))
    nomor_agenda = models.PositiveIntegerField(_("nomor agenda"))
    nomor_surat = models.CharField(_("nomor surat"), max_length=120)
    tanggal_surat = models.DateField(_("tanggal surat"))
    tanggal_diterima = models.DateField(_("tanggal diterima"))
    pengirim = models.CharField(_("pengirim"), max_length=200)
    perihal = models.CharField(_("perihal"), max_length=300)
    klasifikasi = models.ForeignKey(
        KlasifikasiSurat, verbose_name=_("klasifikasi"), on_delete=models.PROTECT, related_name="surat_masuk"
    )
    kerahasiaan = models.CharField(
        _("kerahasiaan"), max_length=10, choices=Kerahasiaan.choices, default=Kerahasiaan.BIASA
    )
    sifat = models.CharField(_("sifat"), max_length=15, choices=SifatSurat.choices, default=SifatSurat.BIASA)
    berkas = models.FileField(_("pindaian surat"), upload_to=UnggahKe("organisasi/surat-masuk"))
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.BARU)
    catatan_selesai = models.TextField(_("catatan penyelesaian"), blank=True)
    dicatat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SuratMasukQuerySet.as_manager()

    class Meta:
        verbose_name = _("surat masuk")
        verbose_name_plural = _("surat masuk")
        ordering = ["-tahun_agenda", "-nomor_agenda"]
        constraints = [
            models.UniqueConstraint(fields=["tahun_agenda", "nomor_agenda"], name="surat_masuk_agenda_unik"),
        ]
        indexes = [models.Index(fields=["pengirim", "nomor_surat"], name="surat_masuk_asal_idx")]
        permissions = [("tangani_surat_rahasia", _("Menangani surat rahasia (melihat dan mengelolanya)"))]

    def __str__(self):
        return f"{self.agenda} · {self.perihal}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("organisasi:surat_masuk_detail", args=[self.pk])

    @property
    def agenda(self) -> str:
        return f"{self.nomor_agenda:04d}/{self.tahun_agenda}"

    @property
    def rahasia(self) -> bool:
        return self.kerahasiaan == Kerahasiaan.RAHASIA


class UrutanAgenda(models.Model):
    """The last agenda number of incoming letters per year; locked to hand out the next one."""

    tahun = models.PositiveSmallIntegerField(unique=True)
    nomor_terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("urutan agenda surat masuk")
        verbose_name_plural = _("urutan agenda surat masuk")

    def __str__(self):
        return f"{self.tahun}: {self.nomor_terakhir}"


class SuratKeluarQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _filter_rahasia(self, user, lewat_disposisi=False)


class SuratKeluar(models.Model):
    class Status(models.TextChoices):
        DINOMORI = "dinomori", _("Bernomor, menunggu tanda tangan")
        DITANDATANGANI = "ditandatangani", _("Ditandatangani")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    nomor = models.CharField(_("nomor surat"), max_length=150, unique=True)
    nomor_urut = models.PositiveIntegerField(_("nomor urut"), null=True, blank=True)
    penomoran = models.ForeignKey(
        PenomoranSurat, null=True, blank=True, on_delete=models.PROTECT, related_name="surat_keluar"
    )
    tanggal_surat = models.DateField(_("tanggal surat"))
    tujuan = models.CharField(_("tujuan"), max_length=250)
    perihal = models.CharField(_("perihal"), max_length=300)
    klasifikasi = models.ForeignKey(
        KlasifikasiSurat, verbose_name=_("klasifikasi"), on_delete=models.PROTECT, related_name="surat_keluar"
    )
    kerahasiaan = models.CharField(
        _("kerahasiaan"), max_length=10, choices=Kerahasiaan.choices, default=Kerahasiaan.BIASA
    )
    balasan_atas = models.ForeignKey(
        SuratMasuk,
        verbose_name=_("balasan atas surat masuk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="balasan",
    )
    berkas_ttd = models.FileField(
        _("pindaian surat bertanda tangan"), upload_to=UnggahKe("organisasi/surat-keluar"), blank=True
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.DINOMORI)
    alasan_batal = models.TextField(_("alasan pembatalan"), blank=True)
    dibuat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SuratKeluarQuerySet.as_manager()

    class Meta:
        verbose_name = _("surat keluar")
        verbose_name_plural = _("surat keluar")
        ordering = ["-tanggal_surat", "-pk"]

    def __str__(self):
        return f"{self.nomor} · {self.perihal}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("organisasi:surat_keluar_detail", args=[self.pk])

    @property
    def rahasia(self) -> bool:
        return self.kerahasiaan == Kerahasiaan.RAHASIA


class DisposisiQuerySet(models.QuerySet):
    def untuk(self, user):
        """Dispositions addressed to the user in person or to a unit the user works in today."""
        from organisasi.models.struktur import Penugasan

        if not user.is_authenticated:
            return self.none()
        unit_saya = Penugasan.objects.aktif().filter(pegawai__user=user).values("jabatan__unit")
        return self.filter(Q(pegawai__user=user) | Q(unit__in=unit_saya))

    def visible_to(self, user):
        """The roles that handle letters see every disposition; others those addressed to them."""
        if user.has_perm("organisasi.tangani_surat_rahasia"):
            return self
        return self.untuk(user)

    def terbuka(self):
        return self.exclude(status=Disposisi.Status.SELESAI)


class Disposisi(models.Model):
    """An instruction of the Kepala LPSE on an incoming letter to one unit or one person."""

    class Status(models.TextChoices):
        BARU = "baru", _("Menunggu tindak lanjut")
        DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
        SELESAI = "selesai", _("Selesai")

    surat = models.ForeignKey(SuratMasuk, on_delete=models.PROTECT, related_name="disposisi")
    unit = models.ForeignKey(
        "organisasi.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pegawai = models.ForeignKey(
        "organisasi.Pegawai",
        verbose_name=_("pegawai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disposisi",
    )
    instruksi = models.TextField(_("instruksi"))
    batas_waktu = models.DateField(_("batas waktu"))
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.BARU)
    dibuat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    diselesaikan_oleh = models.ForeignKey(
        "organisasi.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    selesai_at = models.DateTimeField(null=True, blank=True)
    catatan_selesai = models.TextField(_("catatan penutupan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DisposisiQuerySet.as_manager()

    class Meta:
        verbose_name = _("disposisi")
        verbose_name_plural = _("disposisi")
        ordering = ["batas_waktu", "pk"]
        constraints = [
            # To a unit or to a person, never to nobody and never to both in one row.
            models.CheckConstraint(
                condition=(Q(unit__isnull=False) & Q(pegawai__isnull=True))
                | (Q(unit__isnull=True) & Q(pegawai__isnull=False)),
                name="disposisi_satu_penerima",
            )
        ]
        permissions = [("tutup_disposisi", _("Menutup disposisi yang sudah ditindaklanjuti"))]

    def __str__(self):
        return f"{self.surat.agenda} → {self.penerima}"

    @property
    def penerima(self) -> str:
        return str(self.unit) if self.unit_id else str(self.pegawai)

    def terlambat(self, hari_ini) -> bool:
        return self.status != self.Status.SELESAI and self.batas_waktu < hari_ini


class TindakLanjut(models.Model):
    """A recipient's report on what was done with a disposition."""

    disposisi = models.ForeignKey(Disposisi, on_delete=models.PROTECT, related_name="tindak_lanjut")
    isi = models.TextField(_("tindak lanjut"))
    berkas = models.FileField(_("lampiran"), upload_to=UnggahKe("organisasi/tindak-lanjut"), blank=True)
    oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tindak lanjut disposisi")
        verbose_name_plural = _("tindak lanjut disposisi")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.isi[:60]


class TautanSurat(models.Model):
    """A link from a letter to what it concerns (a deactivation request, an LKPP instruction,
    an SOP…), as content type + id. Only kinds registered in organisasi.tautan_surat are
    accepted, and the object must exist: checked on every save."""

    surat_masuk = models.ForeignKey(SuratMasuk, null=True, blank=True, on_delete=models.CASCADE, related_name="tautan")
    surat_keluar = models.ForeignKey(
        SuratKeluar, null=True, blank=True, on_delete=models.CASCADE, related_name="tautan"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    dibuat_oleh = models.ForeignKey("organisasi.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tautan surat")
        verbose_name_plural = _("tautan surat")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(surat_masuk__isnull=False) & Q(surat_keluar__isnull=True))
                | (Q(surat_masuk__isnull=True) & Q(surat_keluar__isnull=False)),
                name="tautan_satu_surat",
            ),
            models.UniqueConstraint(
                fields=["surat_masuk", "content_type", "object_id"],
                condition=Q(surat_masuk__isnull=False),
                name="tautan_surat_masuk_unik",
            ),
            models.UniqueConstraint(
                fields=["surat_keluar", "content_type", "object_id"],
                condition=Q(surat_keluar__isnull=False),
                name="tautan_surat_keluar_unik",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="tautan_objek_idx")]

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id}"

    def save(self, *args, **kwargs):
        # Validated on every save, whatever the caller (service, admin, another app).
        self.clean()
        super().save(*args, **kwargs)

    @property
    def surat(self):
        return self.surat_masuk if self.surat_masuk_id else self.surat_keluar

    def clean(self):
        from organisasi.tautan_surat import periksa_objek

        periksa_objek(self.content_type, self.object_id)
