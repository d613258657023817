"""Tickets of the helpdesk: consultation, complaints, technical problems, service requests and
proposals (Lampiran II.6.b, IV.1.b), with replies, internal notes, attachments and escalations."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from lpse_portal.models import Peristiwa


def _token_acak() -> str:
    return secrets.token_urlsafe(24)


class KategoriTiket(models.Model):
    """What a ticket is about (login, SIKaP, registrasi, tender, …); editable in admin."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kategori tiket")
        verbose_name_plural = _("kategori tiket")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class Jenis(models.TextChoices):
    KONSULTASI = "konsultasi", _("Konsultasi")
    PENGADUAN = "pengaduan", _("Pengaduan")
    PERMASALAHAN_TEKNIS = "permasalahan_teknis", _("Permasalahan teknis")
    PERMINTAAN_LAYANAN = "permintaan_layanan", _("Permintaan layanan (reset kata sandi, ganti e-mail, …)")
    USULAN = "usulan", _("Usulan")


class Tingkat(models.TextChoices):
    """Complaint levels of the published complaint-handling standard."""

    RINGAN = "ringan", _("Pengaduan ringan")
    NORMATIF = "normatif", _("Pengaduan normatif")
    TANPA_PENGAWASAN = "tanpa_pengawasan", _("Pengaduan tanpa pengawasan")
    DENGAN_PENGAWASAN = "dengan_pengawasan", _("Pengaduan dengan pengawasan")


class TargetSLA(models.Model):
    """First-response and resolution targets for a ticket type, optionally narrowed to a
    category and a complaint level; the most specific match wins. A type without a target
    has no SLA."""

    class Satuan(models.TextChoices):
        JAM = "jam", _("jam kerja")
        HARI = "hari", _("hari kerja")

    jenis = models.CharField(_("jenis tiket"), max_length=30, choices=Jenis.choices)
    kategori = models.ForeignKey(
        KategoriTiket, verbose_name=_("kategori"), null=True, blank=True, on_delete=models.CASCADE
    )
    tingkat = models.CharField(_("tingkat pengaduan"), max_length=30, choices=Tingkat.choices, blank=True)
    respons_jumlah = models.PositiveIntegerField(_("respons pertama"), null=True, blank=True)
    respons_satuan = models.CharField(_("satuan respons"), max_length=5, choices=Satuan.choices, default=Satuan.JAM)
    selesai_jumlah = models.PositiveIntegerField(_("penyelesaian"), null=True, blank=True)
    selesai_satuan = models.CharField(
        _("satuan penyelesaian"), max_length=5, choices=Satuan.choices, default=Satuan.JAM
    )
    dasar = models.CharField(_("dasar"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("target SLA")
        verbose_name_plural = _("target SLA")
        ordering = ["jenis", "kategori__nama", "tingkat"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis", "kategori", "tingkat"], condition=Q(kategori__isnull=False), name="target_sla_unik"
            ),
            models.UniqueConstraint(
                fields=["jenis", "tingkat"], condition=Q(kategori__isnull=True), name="target_sla_umum_unik"
            ),
        ]

    def __str__(self):
        bagian = [self.get_jenis_display()]
        if self.kategori_id:
            bagian.append(str(self.kategori))
        if self.tingkat:
            bagian.append(self.get_tingkat_display())
        return " / ".join(bagian)


class TiketQuerySet(models.QuerySet):
    TERBUKA = ("baru", "ditangani", "menunggu_pengguna", "eskalasi_lkpp")

    def terbuka(self):
        return self.filter(status__in=self.TERBUKA)

    def visible_to(self, user):
        from lpse_portal.akses import punya_peran

        if punya_peran(user, "layanan", "kepala_lpse", "sekretaris"):
            return self
        if user.is_authenticated:
            return self.filter(pelapor=user)
        return self.none()

    def milik(self, user):
        return self.filter(pelapor=user) if user.is_authenticated else self.none()

    def antrean(self):
        """The staff queue with what each row shows; oldest first, so the longest-waiting ticket
        leads. The SLA clocks of a page are read by layanan.sla.PenghitungSLA.pasang."""
        return (
            self.select_related("kategori", "ditangani_oleh")
            # What a row shows and its SLA target reads, not the whole ticket and officer.
            .only(
                "nomor", "judul", "jenis", "tingkat", "kanal", "status", "nama_pelapor", "created_at",
                "kategori__nama", "ditangani_oleh__nama", "ditangani_oleh__first_name",
                "ditangani_oleh__last_name", "ditangani_oleh__username",
            )
            .order_by("created_at", "pk")
        )  # fmt: skip


class Tiket(models.Model):
    """A request for help. Status flow (DESIGN.md): baru → ditangani → menunggu_pengguna ⇄
    ditangani → eskalasi_lkpp → selesai → ditutup. SLA state is computed from the events."""

    Jenis = Jenis
    Tingkat = Tingkat

    class Status(models.TextChoices):
        BARU = "baru", _("Baru")
        DITANGANI = "ditangani", _("Ditangani")
        MENUNGGU_PENGGUNA = "menunggu_pengguna", _("Menunggu pengguna")
        ESKALASI_LKPP = "eskalasi_lkpp", _("Eskalasi ke LKPP")
        SELESAI = "selesai", _("Selesai")
        DITUTUP = "ditutup", _("Ditutup")

    class Kanal(models.TextChoices):
        WEB = "web", _("Web")
        EMAIL = "email", _("E-mail")
        TELEPON = "telepon", _("Telepon")
        TATAP_MUKA = "tatap_muka", _("Tatap muka")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Aplikasi(models.TextChoices):
        SPSE = "spse", _("SPSE")
        SIKAP = "sikap", _("SIKaP")
        SIRUP = "sirup", _("SiRUP")
        KATALOG = "katalog", _("e-Katalog / e-Purchasing")
        PORTAL = "portal", _("Portal LPSE")
        LAINNYA = "lainnya", _("Lainnya")

    nomor = models.CharField(_("nomor tiket"), max_length=20, unique=True, null=True, blank=True)
    jenis = models.CharField(_("jenis"), max_length=30, choices=Jenis.choices)
    tingkat = models.CharField(
        _("tingkat pengaduan"),
        max_length=30,
        choices=Tingkat.choices,
        blank=True,
        help_text=_("Hanya untuk pengaduan; menentukan tenggat penyelesaian."),
    )
    kategori = models.ForeignKey(KategoriTiket, verbose_name=_("kategori"), on_delete=models.PROTECT)
    kanal = models.CharField(_("kanal"), max_length=20, choices=Kanal.choices, default=Kanal.WEB)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BARU)
    judul = models.CharField(_("judul"), max_length=200)
    uraian = models.TextField(_("uraian"))
    aplikasi = models.CharField(_("aplikasi"), max_length=20, choices=Aplikasi.choices, default=Aplikasi.SPSE)
    kode_paket = models.CharField(_("kode tender/paket"), max_length=40, blank=True)
    kode_error = models.CharField(_("kode/pesan galat"), max_length=200, blank=True)
    # The requester; a login is optional (Lampiran IV.1: anyone may ask).
    pelapor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pelapor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tiket_dilaporkan",
    )
    nama_pelapor = models.CharField(_("nama"), max_length=150)
    email_pelapor = models.EmailField(_("e-mail"), blank=True)
    telepon_pelapor = models.CharField(_("telepon/WhatsApp"), max_length=30, blank=True)
    instansi_pelapor = models.CharField(_("instansi/badan usaha"), max_length=200, blank=True)
    peran_pelapor = models.CharField(
        _("sebagai"),
        max_length=30,
        blank=True,
        choices=[
            ("penyedia", _("Penyedia")),
            ("ppk", _("PA/KPA/PPK")),
            ("pokja", _("Pokja Pemilihan")),
            ("pejabat_pengadaan", _("Pejabat Pengadaan")),
            ("auditor", _("Auditor/APIP")),
            ("masyarakat", _("Masyarakat")),
        ],
    )
    # Guest-book fields for walk-in and phone tickets recorded by staff.
    keperluan_tamu = models.CharField(_("keperluan (buku tamu)"), max_length=200, blank=True)
    waktu_kontak = models.DateTimeField(_("waktu datang/menelepon"), null=True, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ditangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tiket_ditangani",
    )
    gabung_ke = models.ForeignKey(
        "self", verbose_name=_("digabung ke"), null=True, blank=True, on_delete=models.PROTECT, related_name="duplikat"
    )
    # A registration or vendor this ticket is about: generic, so the link works whatever
    # registrasi's models are called (layanan never imports registrasi).
    terkait_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    terkait_id = models.PositiveBigIntegerField(null=True, blank=True)
    terkait = GenericForeignKey("terkait_type", "terkait_id")
    token = models.CharField(max_length=64, default=_token_acak, editable=False)
    artikel = models.ManyToManyField("layanan.Artikel", verbose_name=_("artikel terkait"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    peristiwa = GenericRelation(Peristiwa, object_id_field="object_id", content_type_field="content_type")

    objects = TiketQuerySet.as_manager()

    class Meta:
        verbose_name = _("tiket")
        verbose_name_plural = _("tiket")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="tiket_antrean_idx"),
            # The open queue, oldest first, read straight off this index (bench/layanan_antrean.py).
            models.Index(
                fields=["created_at", "id"], name="tiket_terbuka_idx", condition=Q(status__in=TiketQuerySet.TERBUKA)
            ),
            models.Index(fields=["-created_at", "-id"], name="tiket_terbaru_idx"),
            models.Index(fields=["pelapor", "-created_at"], name="tiket_pelapor_idx"),
            models.Index(fields=["ditangani_oleh", "status"], name="tiket_petugas_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(terkait_type__isnull=True, terkait_id__isnull=True)
                | Q(terkait_type__isnull=False, terkait_id__isnull=False),
                name="tiket_tautan_lengkap",
            )
        ]
        permissions = [
            ("tangani_tiket", _("Menangani tiket (membalas, menugaskan, mengeskalasi, menyelesaikan)")),
            ("lihat_rekap_kepuasan", _("Melihat rekap kepuasan per petugas dan kategori")),
        ]

    def __str__(self):
        return f"{self.nomor or '—'} {self.judul}"

    @property
    def terbuka(self) -> bool:
        return self.status in TiketQuerySet.TERBUKA


class BalasanTiket(models.Model):
    """A public reply (seen by the requester) or an internal note (staff only)."""

    tiket = models.ForeignKey(Tiket, on_delete=models.CASCADE, related_name="balasan")
    isi = models.TextField(_("isi"))
    internal = models.BooleanField(_("catatan internal"), default=False)
    dari_pelapor = models.BooleanField(default=False)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("balasan tiket")
        verbose_name_plural = _("balasan tiket")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(internal=True, dari_pelapor=True), name="balasan_internal_hanya_staf")
        ]

    def __str__(self):
        return f"{self.tiket.nomor} #{self.pk}"


class LampiranTiket(models.Model):
    tiket = models.ForeignKey(Tiket, on_delete=models.CASCADE, related_name="lampiran")
    balasan = models.ForeignKey(BalasanTiket, null=True, blank=True, on_delete=models.CASCADE, related_name="lampiran")
    berkas = models.FileField(_("berkas"), upload_to=UnggahKe("layanan/lampiran"))
    nama_asli = models.CharField(_("nama berkas"), max_length=150)
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran tiket")
        verbose_name_plural = _("lampiran tiket")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.nama_asli


class BalasanSiap(models.Model):
    """A canned reply staff insert and adapt."""

    judul = models.CharField(_("judul"), max_length=150)
    isi = models.TextField(_("isi"))
    kategori = models.ForeignKey(KategoriTiket, null=True, blank=True, on_delete=models.SET_NULL)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("balasan siap pakai")
        verbose_name_plural = _("balasan siap pakai")
        ordering = ["judul"]

    def __str__(self):
        return self.judul


class EskalasiLKPP(models.Model):
    """A question passed to LKPP (Lampiran IV.2.a): Helpdesk Eproc first, then Helpdesk Teknis."""

    class Tujuan(models.TextChoices):
        HELPDESK_EPROC = "helpdesk_eproc", _("Helpdesk Eproc LKPP")
        HELPDESK_TEKNIS = "helpdesk_teknis", _("Helpdesk Teknis LKPP")

    tiket = models.ForeignKey(Tiket, on_delete=models.CASCADE, related_name="eskalasi")
    tujuan = models.CharField(_("tujuan"), max_length=20, choices=Tujuan.choices)
    nomor_tiket_lkpp = models.CharField(_("nomor tiket LKPP"), max_length=60)
    dikirim_pada = models.DateTimeField(_("dikirim pada"))
    uraian = models.TextField(_("yang ditanyakan"))
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    jawaban = models.TextField(_("jawaban LKPP"), blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("eskalasi ke LKPP")
        verbose_name_plural = _("eskalasi ke LKPP")
        ordering = ["dikirim_pada", "pk"]

    def __str__(self):
        return f"{self.get_tujuan_display()} {self.nomor_tiket_lkpp}"


class JawabanKepuasan(models.Model):
    """One satisfaction answer per ticket, given through the e-mailed token link."""

    tiket = models.OneToOneField(Tiket, on_delete=models.CASCADE, related_name="kepuasan")
    nilai = models.PositiveSmallIntegerField(_("nilai"))
    komentar = models.TextField(_("komentar"), blank=True)
    # Who handled it and in which category, as they were when the answer came.
    petugas = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    kategori = models.ForeignKey(KategoriTiket, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jawaban kepuasan")
        verbose_name_plural = _("jawaban kepuasan")
        constraints = [models.CheckConstraint(condition=Q(nilai__gte=1, nilai__lte=5), name="kepuasan_nilai_1_5")]

    def __str__(self):
        return f"{self.tiket.nomor}: {self.nilai}"
