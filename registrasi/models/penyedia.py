"""Vendors, their registration and their documents (Lampiran II.5.b.1, 3, 4, 5)."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from lpse_portal.identitas import format_nib, format_npwp, samarkan
from registrasi.models.referensi import AlasanTidakValid, BentukUsaha, JenisDokumen


def _boleh_lihat_semua(user) -> bool:
    return user.is_authenticated and (
        user.has_perm("registrasi.view_penyedia") or user.has_perm("registrasi.verifikasi_pendaftaran")
    )


class PenyediaQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff of the Unit (and its superiors) see every vendor; a vendor only itself."""
        if _boleh_lihat_semua(user):
            return self
        if user.is_authenticated:
            return self.filter(user=user)
        return self.none()

    def terdaftar(self):
        """Vendors whose registration has not been rejected: they hold their NPWP, NIB and e-mail."""
        return self.filter(ditolak=False)

    def cari(self, teks: str):
        """By name, user ID, NPWP or NIB. Each kind of input gets a condition on the vendor table
        alone: an OR across a join made PostgreSQL walk all 50,000 rows (bench/registrasi_50rb.py)."""
        from django.contrib.auth import get_user_model

        from lpse_portal.identitas import hanya_digit

        teks = (teks or "").strip()
        if not teks:
            return self
        angka = hanya_digit(teks)
        if angka.isdigit() and len(angka) >= 4:
            if len(angka) >= 13:
                return self.filter(Q(npwp=angka.rjust(16, "0")) | Q(npwp=angka) | Q(nib=angka))
            return self.filter(npwp__endswith=angka)
        # The user ID first, as a list: an OR with a subquery kept PostgreSQL from combining the
        # name's trigram index with the user index, so it read every vendor (bench/skala).
        pemilik = list(get_user_model().objects.filter(username__iexact=teks).values_list("pk", flat=True)[:10])
        syarat = Q(nama__icontains=teks)
        if pemilik:
            syarat |= Q(user_id__in=pemilik)
        return self.filter(syarat)


class Penyedia(models.Model):
    """A vendor (badan usaha or perorangan) and the status of its SPSE user ID."""

    class Status(models.TextChoices):
        NONAKTIF = "nonaktif", _("Nonaktif (belum diverifikasi)")
        AKTIF = "aktif", _("Aktif")
        DINONAKTIFKAN = "dinonaktifkan", _("Dinonaktifkan")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("akun"), on_delete=models.PROTECT, related_name="penyedia"
    )
    nama = models.CharField(_("nama perusahaan"), max_length=200)
    bentuk_usaha = models.ForeignKey(BentukUsaha, verbose_name=_("bentuk usaha"), on_delete=models.PROTECT)
    npwp = models.CharField(_("NPWP"), max_length=16)
    nib = models.CharField(_("NIB"), max_length=13)
    alamat = models.TextField(_("alamat"))
    provinsi = models.CharField(_("provinsi"), max_length=100)
    kabupaten_kota = models.CharField(_("kabupaten/kota"), max_length=100)
    kode_pos = models.CharField(_("kode pos"), max_length=5)
    telepon = models.CharField(_("telepon"), max_length=30)
    email = models.EmailField(_("e-mail perusahaan"))
    pj_nama = models.CharField(_("nama penanggung jawab"), max_length=150)
    pj_nik = models.CharField(_("NIK penanggung jawab"), max_length=16)
    pj_jabatan = models.CharField(_("jabatan penanggung jawab"), max_length=100)
    pj_adalah_pimpinan = models.BooleanField(
        _("penanggung jawab adalah direktur/pemilik"),
        default=True,
        help_text=_("Bila tidak, surat kuasa dari direktur/pemilik wajib diunggah."),
    )
    status = models.CharField(_("status User ID"), max_length=20, choices=Status.choices, default=Status.NONAKTIF)
    ditolak = models.BooleanField(
        _("pendaftaran ditolak"),
        default=False,
        help_text=_("NPWP, NIB dan e-mail penyedia yang ditolak dapat dipakai untuk pendaftaran baru."),
    )
    dokumen_kedaluwarsa = models.BooleanField(_("ada dokumen kedaluwarsa"), default=False)
    aktif_sejak = models.DateTimeField(_("aktif sejak"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PenyediaQuerySet.as_manager()

    class Meta:
        verbose_name = _("penyedia")
        verbose_name_plural = _("penyedia")
        ordering = ["nama"]
        constraints = [
            # One live registration per NPWP, NIB and e-mail: twenty racing registrations make one.
            models.UniqueConstraint(fields=["npwp"], condition=Q(ditolak=False), name="penyedia_npwp_unik"),
            models.UniqueConstraint(fields=["nib"], condition=Q(ditolak=False), name="penyedia_nib_unik"),
            models.UniqueConstraint(Lower("email"), condition=Q(ditolak=False), name="penyedia_email_unik"),
        ]
        indexes = [
            # The vendor list pages by name: an index walk instead of sorting 50,000 rows.
            models.Index(fields=["nama", "id"], name="penyedia_nama_idx"),
            models.Index(fields=["status", "nama"], name="penyedia_status_idx"),
            models.Index(fields=["npwp"], name="penyedia_npwp_idx"),
            models.Index(fields=["nib"], name="penyedia_nib_idx"),
            # The queue filtered by form of business merges this with pendaftaran_antre_penyedia_idx,
            # both read from the index alone (its capped count: 6.8 ms -> 1.4 ms at 50,000 vendors).
            models.Index(fields=["bentuk_usaha", "id"], name="penyedia_bentuk_usaha_idx"),
            # A name search is `UPPER(nama) LIKE '%…%'` (icontains): a trigram index answers it
            # without reading all 50,000 names (PostgreSQL only; migration 0004).
            GinIndex(OpClass(Upper("nama"), name="gin_trgm_ops"), name="penyedia_nama_trgm_idx"),
        ]
        permissions = [
            ("lihat_nik_penyedia", _("Melihat NIK dan NPWP penyedia secara utuh")),
            ("ekspor_arsip_penyedia", _("Mengekspor arsip dokumen penyedia")),
        ]

    def __str__(self):
        return self.nama

    @property
    def npwp_tampil(self) -> str:
        return format_npwp(self.npwp)

    @property
    def npwp_samaran(self) -> str:
        return samarkan(self.npwp)

    @property
    def nib_tampil(self) -> str:
        return format_nib(self.nib)


class PendaftaranQuerySet(models.QuerySet):
    MENUNGGU = ("diajukan", "diverifikasi")

    def visible_to(self, user):
        if _boleh_lihat_semua(user):
            return self
        if user.is_authenticated:
            return self.filter(penyedia__user=user)
        return self.none()

    def antrean_verifikasi(self):
        """Files waiting for or under verification, oldest first, with only what a queue row
        shows (the full rows of five tables were a third of the page's query time)."""
        return (
            self.filter(status__in=self.MENUNGGU)
            .select_related("penyedia__bentuk_usaha", "penyedia__user", "verifikator")
            .only(
                "status", "antre_sejak", "pra_format", "pra_duplikat", "pra_daftar_hitam",
                "penyedia__nama", "penyedia__npwp", "penyedia__bentuk_usaha__nama", "penyedia__user__username",
                "verifikator__nama", "verifikator__first_name", "verifikator__last_name", "verifikator__username",
            )
            .order_by("antre_sejak", "pk")
        )  # fmt: skip


def lampirkan_ringkasan_dokumen(daftar: list) -> list:
    """Document counts for the rows of one page, in one query: counting inside the paged query
    would aggregate the whole queue before the LIMIT (0.7 s at 50,000 vendors)."""
    usulan = Dokumen.objects.filter(pendaftaran__in=[p.pk for p in daftar], keadaan=Dokumen.Keadaan.USULAN)
    hitung = {
        r["pendaftaran"]: r
        for r in usulan.values("pendaftaran").annotate(
            jumlah=Count("id"),
            valid=Count("id", filter=Q(hasil=Dokumen.Hasil.VALID)),
            tidak_valid=Count("id", filter=Q(hasil=Dokumen.Hasil.TIDAK_VALID)),
        )
    }
    for p in daftar:
        r = hitung.get(p.pk, {})
        p.jumlah_dokumen, p.jumlah_valid, p.jumlah_tidak_valid = (
            r.get(k, 0) for k in ("jumlah", "valid", "tidak_valid")
        )
    return daftar


class Pendaftaran(models.Model):
    """The registration of one vendor: draf → diajukan → diverifikasi → (perlu_perbaikan →
    diajukan …) → disetujui or ditolak."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        DIVERIFIKASI = "diverifikasi", _("Sedang diverifikasi")
        PERLU_PERBAIKAN = "perlu_perbaikan", _("Perlu perbaikan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    class Mode(models.TextChoices):
        TATAP_MUKA = "tatap_muka", _("Tatap muka di kantor LPSE")
        DARING = "daring", _("Daring (rapat video)")

    penyedia = models.OneToOneField(Penyedia, on_delete=models.PROTECT, related_name="pendaftaran")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAF)
    verifikator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verifikator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diklaim_at = models.DateTimeField(_("diambil pada"), null=True, blank=True)
    diajukan_pertama_at = models.DateTimeField(_("pertama diajukan"), null=True, blank=True)
    antre_sejak = models.DateTimeField(_("masuk antrean sejak"), null=True, blank=True)
    diputuskan_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    mode_verifikasi = models.CharField(_("mode verifikasi"), max_length=20, choices=Mode.choices, blank=True)
    jadwal_verifikasi = models.DateTimeField(_("jadwal verifikasi"), null=True, blank=True)
    tempat_verifikasi = models.CharField(_("tempat"), max_length=250, blank=True)
    tautan_verifikasi = models.URLField(_("tautan rapat daring"), blank=True)
    catatan_perbaikan = models.TextField(_("catatan perbaikan"), blank=True)
    alasan_penolakan = models.TextField(_("alasan penolakan"), blank=True)
    prapemeriksaan = models.JSONField(_("hasil pemeriksaan otomatis"), default=list, blank=True)
    pra_format = models.BooleanField(_("temuan format identitas"), default=False)
    pra_duplikat = models.BooleanField(_("temuan duplikat"), default=False)
    pra_daftar_hitam = models.BooleanField(_("temuan daftar hitam"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PendaftaranQuerySet.as_manager()

    class Meta:
        verbose_name = _("pendaftaran penyedia")
        verbose_name_plural = _("pendaftaran penyedia")
        ordering = ["-created_at"]
        indexes = [
            # The queue pages oldest first by walking this index (6 ms at 50,000 vendors, not 120).
            models.Index(
                fields=["antre_sejak", "id"],
                condition=Q(status__in=["diajukan", "diverifikasi"]),
                name="pendaftaran_antrean_idx",
            ),
            models.Index(
                fields=["penyedia"],
                condition=Q(status__in=["diajukan", "diverifikasi"]),
                name="pendaftaran_antre_penyedia_idx",
            ),
        ]
        permissions = [("verifikasi_pendaftaran", _("Memverifikasi pendaftaran dan data pengguna SPSE"))]

    def __str__(self):
        return f"{self.penyedia} ({self.get_status_display()})"

    @property
    def ada_temuan(self) -> bool:
        return self.pra_format or self.pra_duplikat or self.pra_daftar_hitam

    @property
    def umur_hari(self) -> int | None:
        if not self.antre_sejak:
            return None
        return (timezone.now() - self.antre_sejak).days

    @property
    def dapat_diubah_pendaftar(self) -> bool:
        return self.status in (self.Status.DRAF, self.Status.PERLU_PERBAIKAN)

    def dokumen_terkini(self):
        """The current version of each document of this registration (proposed, or in force once approved)."""
        return self.dokumen.filter(keadaan__in=[Dokumen.Keadaan.USULAN, Dokumen.Keadaan.BERLAKU]).select_related(
            "jenis", "alasan"
        )


class DokumenQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(penyedia__in=Penyedia.objects.visible_to(user))

    def berlaku(self):
        return self.filter(keadaan=Dokumen.Keadaan.BERLAKU)


class Dokumen(models.Model):
    """One uploaded version of one document of a vendor. Never overwritten: a replacement is a
    new version, and the old one stays in the archive with who uploaded it and when (II.5.b.4)."""

    class Keadaan(models.TextChoices):
        USULAN = "usulan", _("Diajukan, menunggu keputusan")
        BERLAKU = "berlaku", _("Berlaku")
        DIGANTI = "diganti", _("Diganti versi baru")
        DITOLAK = "ditolak", _("Tidak diterima")

    class Hasil(models.TextChoices):
        MENUNGGU = "menunggu", _("Belum diperiksa")
        VALID = "valid", _("Valid")
        TIDAK_VALID = "tidak_valid", _("Tidak valid")

    penyedia = models.ForeignKey(Penyedia, on_delete=models.PROTECT, related_name="dokumen")
    pendaftaran = models.ForeignKey(
        Pendaftaran, null=True, blank=True, on_delete=models.PROTECT, related_name="dokumen"
    )
    perubahan = models.ForeignKey(
        "registrasi.PermintaanPerubahan", null=True, blank=True, on_delete=models.PROTECT, related_name="dokumen"
    )
    jenis = models.ForeignKey(JenisDokumen, verbose_name=_("jenis dokumen"), on_delete=models.PROTECT)
    versi = models.PositiveIntegerField(_("versi"))
    berkas = models.FileField(_("berkas"), upload_to=UnggahKe("registrasi/dokumen"))
    nama_berkas = models.CharField(_("nama berkas asli"), max_length=150)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    tipe = models.CharField(_("tipe"), max_length=10)
    nomor = models.CharField(_("nomor dokumen"), max_length=100, blank=True)
    berlaku_sampai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    keadaan = models.CharField(_("keadaan"), max_length=10, choices=Keadaan.choices, default=Keadaan.USULAN)
    hasil = models.CharField(_("hasil verifikasi"), max_length=12, choices=Hasil.choices, default=Hasil.MENUNGGU)
    alasan = models.ForeignKey(
        AlasanTidakValid, verbose_name=_("alasan"), null=True, blank=True, on_delete=models.PROTECT
    )
    catatan = models.TextField(_("catatan verifikator"), blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    diperiksa_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diperiksa_at = models.DateTimeField(_("diperiksa pada"), null=True, blank=True)

    objects = DokumenQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokumen penyedia")
        verbose_name_plural = _("dokumen penyedia")
        ordering = ["jenis__urutan", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["penyedia", "jenis", "versi"], name="dokumen_versi_unik"),
            models.UniqueConstraint(
                fields=["penyedia", "jenis"], condition=Q(keadaan="usulan"), name="dokumen_satu_usulan"
            ),
            models.UniqueConstraint(
                fields=["penyedia", "jenis"], condition=Q(keadaan="berlaku"), name="dokumen_satu_berlaku"
            ),
            models.CheckConstraint(
                condition=~Q(hasil="tidak_valid") | Q(alasan__isnull=False), name="dokumen_tidak_valid_beralasan"
            ),
        ]
        indexes = [models.Index(fields=["keadaan", "berlaku_sampai"], name="dokumen_masa_berlaku_idx")]

    def __str__(self):
        return f"{self.jenis} v{self.versi}"

    @property
    def gambar(self) -> bool:
        return self.tipe in ("png", "jpeg")
