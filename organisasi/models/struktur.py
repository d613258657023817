"""The LPSE's organisation (Pergub NTB 6/2017 Lampiran II–III): units, positions, staff and
their assignments by decree. A staff member's roles follow from their active assignments."""

import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from lpse_portal.identitas import format_nik, format_nip, samarkan


class User(AbstractUser):
    """A login. Staff, vendors and procurement officials alike; roles are groups."""

    nama = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        indexes = [
            # Case-insensitive user-ID lookups (vendor search, "lanjutkan pendaftaran") read an
            # index instead of 50,000 accounts (bench/skala, issue 10).
            models.Index(Upper("username"), name="user_username_upper_idx"),
        ]

    def get_full_name(self):
        return self.nama or super().get_full_name() or self.username

    def get_short_name(self):
        return (self.nama.split()[0] if self.nama else "") or self.username

    def __str__(self):
        return self.get_full_name()


class Unit(models.Model):
    """A part of the LPSE (Pergub Lampiran II): Pembina, Kepala, Sekretariat, the three units."""

    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=120)
    tugas = models.TextField(_("tugas dan fungsi"), blank=True)
    peran = models.CharField(
        _("peran anggota"),
        max_length=40,
        blank=True,
        help_text=_("Peran (grup) yang didapat koordinator dan pelaksana unit ini, mis. verifikator."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("unit")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class Jabatan(models.Model):
    class Jenis(models.TextChoices):
        PEMBINA = "pembina", _("Pembina LPSE")
        KEPALA_LPSE = "kepala_lpse", _("Kepala LPSE")
        SEKRETARIS = "sekretaris", _("Sekretaris")
        KOORDINATOR = "koordinator", _("Koordinator")
        PELAKSANA = "pelaksana", _("Pelaksana")

    class Penetap(models.TextChoices):
        SEKDA = "sekda", _("Sekretaris Daerah")
        KEPALA_DINAS = "kepala_dinas", _("Kepala Dinas Kominfotik")

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama jabatan"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="jabatan")
    atasan = models.ForeignKey(
        "self",
        verbose_name=_("atasan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bawahan",
        help_text=_("Pemegang jabatan ini melapor kepada pemegang jabatan atasan, siapa pun orangnya."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__urutan", "urutan", "nama"]

    def __str__(self):
        return self.nama

    @property
    def penetap_wajib(self) -> str:
        """Lampiran III.2: Pembina, Kepala LPSE, Sekretaris and Koordinator by SK of the
        Sekretaris Daerah; III.3: pelaksana by SK of the Kepala Dinas."""
        return self.Penetap.KEPALA_DINAS if self.jenis == self.Jenis.PELAKSANA else self.Penetap.SEKDA

    @property
    def tunggal(self) -> bool:
        """Leading positions have one holder at a time; pelaksana positions have many."""
        return self.jenis != self.Jenis.PELAKSANA

    @property
    def peran(self) -> set[str]:
        hasil = set()
        if self.jenis != self.Jenis.PELAKSANA:
            hasil.add(self.jenis)
        if self.jenis in (self.Jenis.KOORDINATOR, self.Jenis.PELAKSANA) and self.unit.peran:
            hasil.add(self.unit.peran)
        return hasil


class PegawaiQuerySet(models.QuerySet):
    def dengan_penugasan_aktif(self, tanggal: datetime.date | None = None):
        tanggal = tanggal or timezone.localdate()
        return self.filter(
            Q(penugasan__tmt_mulai__lte=tanggal)
            & (Q(penugasan__tmt_selesai__isnull=True) | Q(penugasan__tmt_selesai__gt=tanggal))
        ).distinct()

    def visible_to(self, user):
        from lpse_portal.akses import punya_peran
        from organisasi.peran import PERAN_STAF

        if punya_peran(user, *PERAN_STAF):
            return self
        return self.none()


class Pegawai(models.Model):
    """A person working in the LPSE: PNS (with NIP) or non-PNS (with NIK), Lampiran III.1."""

    class Status(models.TextChoices):
        PNS = "pns", _("PNS")
        NON_PNS = "non_pns", _("Non-PNS")

    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=30, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    status_kepegawaian = models.CharField(_("status kepegawaian"), max_length=10, choices=Status.choices)
    nip = models.CharField(_("NIP"), max_length=18, null=True, blank=True, unique=True)
    nik = models.CharField(_("NIK"), max_length=16, null=True, blank=True, unique=True)
    pangkat_golongan = models.CharField(_("pangkat/golongan"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    user = models.OneToOneField(
        "organisasi.User",
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status_kepegawaian="pns") & Q(nip__isnull=False))
                | (Q(status_kepegawaian="non_pns") & Q(nik__isnull=False)),
                name="pegawai_pns_ber_nip_non_pns_ber_nik",
            )
        ]
        permissions = [("lihat_nik_pegawai", _("Melihat NIK pegawai secara utuh"))]

    def __str__(self):
        return self.nama_lengkap

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def nomor_induk(self) -> str:
        return format_nip(self.nip) if self.nip else ""

    @property
    def nik_samaran(self) -> str:
        return samarkan(self.nik or "")

    @property
    def nik_tampil(self) -> str:
        return format_nik(self.nik or "")


class Kualifikasi(models.Model):
    """Kualifikasi teknis dan manajerial (Lampiran III.1.a), including certificates."""

    class Jenis(models.TextChoices):
        TEKNIS = "teknis", _("Kualifikasi teknis")
        MANAJERIAL = "manajerial", _("Kualifikasi manajerial")
        SERTIFIKAT = "sertifikat", _("Sertifikat (mis. sertifikat PBJ)")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="kualifikasi")
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    nama = models.CharField(_("nama kualifikasi/sertifikat"), max_length=200)
    nomor = models.CharField(_("nomor sertifikat"), max_length=100, blank=True)
    penerbit = models.CharField(_("penerbit"), max_length=150, blank=True)
    tanggal_terbit = models.DateField(_("tanggal terbit"), null=True, blank=True)
    berlaku_sampai = models.DateField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("kualifikasi")
        verbose_name_plural = _("kualifikasi")
        ordering = ["-tanggal_terbit", "nama"]

    def __str__(self):
        return self.nama

    @property
    def kedaluwarsa(self) -> bool:
        return bool(self.berlaku_sampai and self.berlaku_sampai < timezone.localdate())


class RiwayatPendidikan(models.Model):
    """Formal education and informal training (Lampiran V.7)."""

    class Jenis(models.TextChoices):
        FORMAL = "formal", _("Pendidikan formal")
        INFORMAL = "informal", _("Pelatihan/pendidikan informal")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_pendidikan")
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    nama = models.CharField(_("nama pendidikan/pelatihan"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    tanggal_mulai = models.DateField(_("tanggal mulai"), null=True, blank=True)
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("riwayat pendidikan/pelatihan")
        verbose_name_plural = _("riwayat pendidikan/pelatihan")
        ordering = ["-tanggal_mulai", "nama"]

    def __str__(self):
        return self.nama


class PenugasanQuerySet(models.QuerySet):
    def aktif_pada(self, tanggal: datetime.date):
        """TMT semantics: active from tmt_mulai, no longer active from tmt_selesai."""
        return self.filter(Q(tmt_mulai__lte=tanggal) & (Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=tanggal)))

    def aktif(self):
        return self.aktif_pada(timezone.localdate())

    def bertumpang_tindih(self, mulai: datetime.date, selesai: datetime.date | None):
        qs = self.filter(Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=mulai))
        if selesai is not None:
            qs = qs.filter(tmt_mulai__lt=selesai)
        return qs


class Penugasan(models.Model):
    """An assignment of a person to a position by decree (SK), from TMT start to TMT end."""

    pegawai = models.ForeignKey(Pegawai, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="penugasan")
    jabatan = models.ForeignKey(Jabatan, verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="penugasan")
    nomor_sk = models.CharField(_("nomor SK"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    penetap = models.CharField(_("pejabat penetap SK"), max_length=20, choices=Jabatan.Penetap.choices)
    nama_penetap = models.CharField(_("nama pejabat penetap"), max_length=150, blank=True)
    tmt_mulai = models.DateField(_("TMT mulai"))
    tmt_selesai = models.DateField(
        _("TMT selesai"), null=True, blank=True, help_text=_("Hari pertama pegawai tidak lagi memegang jabatan.")
    )
    berkas_sk = models.FileField(_("pindaian SK (PDF)"), upload_to=UnggahKe("organisasi/sk"))
    nomor_sk_selesai = models.CharField(_("nomor SK pemberhentian"), max_length=100, blank=True)
    tanggal_sk_selesai = models.DateField(_("tanggal SK pemberhentian"), null=True, blank=True)
    berkas_sk_selesai = models.FileField(
        _("pindaian SK pemberhentian (PDF)"), upload_to=UnggahKe("organisasi/sk"), blank=True
    )
    alasan_selesai = models.TextField(_("alasan berakhir"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["-tmt_mulai", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=models.F("tmt_mulai")),
                name="penugasan_selesai_setelah_mulai",
            )
        ]
        indexes = [models.Index(fields=["jabatan", "tmt_mulai"], name="penugasan_jabatan_idx")]
        permissions = [("kelola_penugasan", _("Mengangkat dan memberhentikan pegawai LPSE"))]

    def __str__(self):
        return f"{self.pegawai} — {self.jabatan}"

    @property
    def unit(self) -> Unit:
        return self.jabatan.unit

    def aktif_pada(self, tanggal: datetime.date) -> bool:
        return self.tmt_mulai <= tanggal and (self.tmt_selesai is None or tanggal < self.tmt_selesai)

    @property
    def aktif(self) -> bool:
        return self.aktif_pada(timezone.localdate())


class HariLibur(models.Model):
    """National holidays and cuti bersama (SKB 3 Menteri), editable in admin."""

    class Jenis(models.TextChoices):
        LIBUR_NASIONAL = "libur_nasional", _("Libur nasional")
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        LIBUR_DAERAH = "libur_daerah", _("Libur daerah")

    tanggal = models.DateField(_("tanggal"), unique=True)
    nama = models.CharField(_("keterangan"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices, default=Jenis.LIBUR_NASIONAL)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class JamKerja(models.Model):
    """Office hours per weekday, in WITA. A weekday without a row is not a working day."""

    class Hari(models.IntegerChoices):
        SENIN = 0, _("Senin")
        SELASA = 1, _("Selasa")
        RABU = 2, _("Rabu")
        KAMIS = 3, _("Kamis")
        JUMAT = 4, _("Jumat")
        SABTU = 5, _("Sabtu")
        MINGGU = 6, _("Minggu")

    hari = models.PositiveSmallIntegerField(_("hari"), choices=Hari.choices, unique=True)
    mulai = models.TimeField(_("jam mulai"))
    selesai = models.TimeField(_("jam selesai"))

    class Meta:
        verbose_name = _("jam kerja")
        verbose_name_plural = _("jam kerja")
        ordering = ["hari"]
        constraints = [models.CheckConstraint(condition=Q(selesai__gt=models.F("mulai")), name="jam_kerja_urut")]

    def __str__(self):
        return f"{self.get_hari_display()} {self.mulai:%H.%M}–{self.selesai:%H.%M}"
