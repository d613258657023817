"""SOP documents of the LPSE (Pergub NTB 6/2017 Lampiran VI): categories, SOPs, versions and steps.

An approved version is never edited: a change is a new version. The rule is kept three times —
by the services, by `save()`/`delete()` here, and by a PostgreSQL trigger (migration 0002) that
also stops `QuerySet.update()` and raw SQL.
"""

import hashlib
import json

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from lpse_portal.exceptions import TransisiTidakSah


class Kategori(models.Model):
    """A subject SOPs must cover. The six of Lampiran VI are mandatory; more may be added."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    butir = models.CharField(_("butir Pergub"), max_length=20, blank=True, help_text=_("mis. Lampiran VI.a"))
    wajib = models.BooleanField(
        _("wajib"), default=False, help_text=_("Wajib ada SOP yang berlaku (Pergub NTB 6/2017 Lampiran VI).")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        verbose_name = _("kategori SOP")
        verbose_name_plural = _("kategori SOP")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


def _ada_versi(*status):
    return models.Exists(VersiSOP.objects.filter(sop=models.OuterRef("pk"), status__in=status))


class SOPQuerySet(models.QuerySet):
    def publik(self):
        """SOPs the public may read: marked public and with a current version."""
        return self.filter(_ada_versi(VersiSOP.Status.BERLAKU), publik=True)

    def berlaku(self):
        return self.filter(_ada_versi(VersiSOP.Status.BERLAKU))

    def visible_to(self, user):
        """The one place that says who sees which SOP (readers never see an SOP that is only a draft)."""
        from sop import aturan

        if aturan.penyusun_semua_unit(user) or aturan.boleh_setujui(user):
            return self
        if aturan.staf(user):
            syarat = Q(_ada_versi(*VersiSOP.STATUS_TERBIT))
            unit = aturan.unit_koordinator(user)
            if unit:
                syarat |= Q(unit__in=unit)
            return self.filter(syarat)
        return self.publik()

    def lewat_tinjauan(self, tanggal):
        return self.berlaku().filter(tinjau_berikutnya__lt=tanggal)

    def segera_ditinjau(self, tanggal, sampai):
        return self.berlaku().filter(tinjau_berikutnya__gte=tanggal, tinjau_berikutnya__lte=sampai)

    def dengan_versi(self):
        """Prefetch the current and the pending version of each SOP (two queries for any number)."""
        # A list row names a version (number, title, status, dates), never its texts.
        kolom = ["sop_id", "status", "mayor", "minor", "judul", "tanggal_berlaku", "diajukan_pada"]
        return self.prefetch_related(
            models.Prefetch("versi", queryset=VersiSOP.objects.berlaku().only(*kolom), to_attr="versi_berlaku_list"),
            models.Prefetch("versi", queryset=VersiSOP.objects.tertunda().only(*kolom), to_attr="versi_tertunda_list"),
        )


class SOP(models.Model):
    """One standard operating procedure; its content lives in its versions."""

    kode = models.CharField(
        _("kode SOP"),
        max_length=40,
        unique=True,
        help_text=_("Huruf kapital, angka, titik, garis miring atau tanda hubung; mis. SOP-LPSE/RV-01."),
    )
    judul = models.CharField(_("judul"), max_length=200, help_text=_("Judul versi yang berlaku (atau draf pertama)."))
    kategori = models.ForeignKey(Kategori, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="sop")
    unit = models.ForeignKey(
        "organisasi.Unit", verbose_name=_("unit pemilik"), on_delete=models.PROTECT, related_name="sop"
    )
    publik = models.BooleanField(
        _("terbuka untuk publik"), default=False, help_text=_("Versi yang berlaku tampil di halaman SOP publik.")
    )
    interval_tinjauan_bulan = models.PositiveSmallIntegerField(
        _("interval tinjauan (bulan)"), default=12, help_text=_("Tinjauan berikutnya = tanggal berlaku + interval.")
    )
    tinjauan_terakhir = models.DateField(_("tinjauan terakhir"), null=True, blank=True)
    tinjau_berikutnya = models.DateField(_("tinjauan berikutnya"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        "organisasi.User", verbose_name=_("dibuat oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SOPQuerySet.as_manager()

    class Meta:
        verbose_name = _("SOP")
        verbose_name_plural = _("SOP")
        ordering = ["kategori__urutan", "kode"]
        constraints = [
            models.CheckConstraint(condition=Q(interval_tinjauan_bulan__gte=1), name="sop_interval_positif"),
        ]

    def __str__(self):
        return f"{self.kode} {self.judul}"

    @property
    def versi_berlaku(self):
        """The current version (prefetch `versi_berlaku_list` to avoid a query per row)."""
        if hasattr(self, "versi_berlaku_list"):
            return self.versi_berlaku_list[0] if self.versi_berlaku_list else None
        return self.versi.filter(status=VersiSOP.Status.BERLAKU).first()

    @property
    def versi_tertunda(self):
        """The version in progress (draft … approved but not yet effective), if any."""
        if hasattr(self, "versi_tertunda_list"):
            return self.versi_tertunda_list[0] if self.versi_tertunda_list else None
        return self.versi.filter(status__in=VersiSOP.STATUS_TERTUNDA).first()


class VersiSOPQuerySet(models.QuerySet):
    def terbit(self):
        return self.filter(status__in=VersiSOP.STATUS_TERBIT)

    def berlaku(self):
        return self.filter(status=VersiSOP.Status.BERLAKU)

    def tertunda(self):
        return self.filter(status__in=VersiSOP.STATUS_TERTUNDA)

    def visible_to(self, user):
        """Readers (staff and public) see only current and superseded versions, never a draft."""
        from sop import aturan

        if aturan.penyusun_semua_unit(user) or aturan.boleh_setujui(user):
            return self
        if aturan.staf(user):
            syarat = Q(status__in=VersiSOP.STATUS_TERBIT)
            unit = aturan.unit_koordinator(user)
            if unit:
                syarat |= Q(sop__unit__in=unit)
            return self.filter(syarat)
        return self.filter(status__in=VersiSOP.STATUS_TERBIT, sop__publik=True)

    def menunggu_pembina(self):
        return self.filter(status=VersiSOP.Status.DIAJUKAN).order_by("diajukan_pada", "pk")

    def jatuh_tempo_berlaku(self, tanggal):
        return self.filter(status=VersiSOP.Status.DISETUJUI, tanggal_berlaku__lte=tanggal).order_by(
            "tanggal_berlaku", "mayor", "minor", "pk"
        )


class VersiSOP(models.Model):
    """A version of an SOP, numbered major.minor. Editable only while it is a draft."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DITINJAU = "ditinjau", _("Ditinjau Kepala LPSE")
        DIAJUKAN = "diajukan", _("Diajukan ke Pembina")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
        DISETUJUI = "disetujui", _("Disetujui, menunggu tanggal berlaku")
        BERLAKU = "berlaku", _("Berlaku")
        DIGANTI = "diganti", _("Diganti")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    # Content may change only in these; an approved version never returns to them.
    STATUS_DAPAT_DIUBAH = ("draf", "dikembalikan")
    STATUS_TERTUNDA = ("draf", "ditinjau", "diajukan", "dikembalikan", "disetujui")
    STATUS_TERKUNCI = ("disetujui", "berlaku", "diganti")
    STATUS_TERBIT = ("berlaku", "diganti")
    # The only columns that change on a locked version (status moves on, superseded date).
    KOLOM_BEBAS_TERKUNCI = ("status", "diganti_pada", "updated_at")

    sop = models.ForeignKey(SOP, verbose_name=_("SOP"), on_delete=models.PROTECT, related_name="versi")
    mayor = models.PositiveSmallIntegerField(_("versi mayor"))
    minor = models.PositiveSmallIntegerField(_("versi minor"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAF)
    judul = models.CharField(_("judul"), max_length=200)
    tujuan = models.TextField(_("tujuan"), blank=True, help_text=_("Teks Markdown; HTML tidak diizinkan."))
    ruang_lingkup = models.TextField(_("ruang lingkup"), blank=True, help_text=_("Teks Markdown."))
    dasar_hukum = models.TextField(_("dasar hukum"), blank=True, help_text=_("Teks Markdown, mis. daftar peraturan."))
    formulir_catatan = models.TextField(
        _("formulir dan catatan terkait"), blank=True, help_text=_("Teks Markdown: formulir dan rekaman yang dipakai.")
    )
    alasan_perubahan = models.TextField(_("alasan perubahan"), blank=True)
    berkas_ttd = models.FileField(
        _("pindaian bertanda tangan (PDF)"), upload_to=UnggahKe("sop/ttd"), blank=True, max_length=200
    )
    catatan_pengembalian = models.TextField(_("catatan pengembalian terakhir"), blank=True)
    disusun_oleh = models.ForeignKey(
        "organisasi.User", verbose_name=_("disusun oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditinjau_oleh = models.ForeignKey(
        "organisasi.User",
        verbose_name=_("ditinjau oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diajukan_pada = models.DateTimeField(_("diajukan ke Pembina pada"), null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        "organisasi.User",
        verbose_name=_("disetujui oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nama_penyetuju = models.CharField(_("nama penyetuju"), max_length=200, blank=True)
    jabatan_penyetuju = models.CharField(_("jabatan penyetuju"), max_length=200, blank=True)
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    tanggal_berlaku = models.DateField(_("tanggal berlaku"), null=True, blank=True)
    diganti_pada = models.DateField(_("diganti pada"), null=True, blank=True)
    hash_isi = models.CharField(_("hash isi (SHA-256)"), max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VersiSOPQuerySet.as_manager()

    class Meta:
        verbose_name = _("versi SOP")
        verbose_name_plural = _("versi SOP")
        ordering = ["sop", "-mayor", "-minor"]
        permissions = [("setujui_versisop", _("Menyetujui versi SOP (hanya Pembina LPSE)"))]
        constraints = [
            models.UniqueConstraint(
                fields=["sop", "mayor", "minor"],
                condition=~Q(status="dibatalkan"),
                name="versi_sop_nomor_unik",
            ),
            # One version in progress per SOP: a second draft is refused (Lampiran VI, one effective text).
            models.UniqueConstraint(
                fields=["sop"],
                condition=Q(status__in=["draf", "ditinjau", "diajukan", "dikembalikan", "disetujui"]),
                name="versi_sop_satu_tertunda",
            ),
            models.UniqueConstraint(fields=["sop"], condition=Q(status="berlaku"), name="versi_sop_satu_berlaku"),
            models.CheckConstraint(
                condition=~Q(status__in=["disetujui", "berlaku", "diganti"])
                | (Q(disetujui_oleh__isnull=False) & Q(tanggal_berlaku__isnull=False) & ~Q(hash_isi="")),
                name="versi_sop_disetujui_lengkap",
            ),
        ]
        indexes = [models.Index(fields=["status", "tanggal_berlaku"], name="versi_sop_status_idx")]

    def __str__(self):
        return f"{self.sop.kode} v{self.nomor}"

    # --- immutability ------------------------------------------------------------------

    def save(self, *args, **kwargs):
        if self.pk:
            asal = VersiSOP.objects.filter(pk=self.pk).values().first()
            if asal and asal["status"] in self.STATUS_TERKUNCI:
                berubah = [
                    f.attname
                    for f in self._meta.concrete_fields
                    if f.attname not in self.KOLOM_BEBAS_TERKUNCI and _nilai(f, self) != asal[f.attname]
                ]
                if berubah or self.status not in self.STATUS_TERKUNCI:
                    raise TransisiTidakSah(
                        _("Versi SOP yang sudah disetujui tidak dapat diubah; buat versi baru untuk perubahan.")
                    )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if VersiSOP.objects.filter(pk=self.pk, status__in=self.STATUS_TERKUNCI).exists():
            raise TransisiTidakSah(_("Versi SOP yang sudah disetujui tidak dapat dihapus."))
        return super().delete(*args, **kwargs)

    @property
    def nomor(self) -> str:
        return f"{self.mayor}.{self.minor}"

    @property
    def dapat_diubah(self) -> bool:
        return self.status in self.STATUS_DAPAT_DIUBAH

    @property
    def terkunci(self) -> bool:
        return self.status in self.STATUS_TERKUNCI

    # --- canonical content ---------------------------------------------------------------

    def isi_kanonik(self) -> dict:
        """What the content hash covers: the text a reader relies on, in a fixed shape."""
        return {
            "sop": self.sop.kode,
            "versi": self.nomor,
            "judul": self.judul,
            "tujuan": self.tujuan,
            "ruang_lingkup": self.ruang_lingkup,
            "dasar_hukum": self.dasar_hukum,
            "formulir_catatan": self.formulir_catatan,
            "alasan_perubahan": self.alasan_perubahan,
            "langkah": [
                {
                    "urutan": s.urutan,
                    "uraian": s.uraian,
                    "pelaksana": s.pelaksana,
                    "masukan": s.masukan,
                    "keluaran": s.keluaran,
                    "waktu": s.waktu,
                }
                for s in self.langkah.order_by("urutan")
            ],
            "berkas_ttd_sha256": self._sha256_berkas(),
        }

    def _sha256_berkas(self) -> str:
        if not self.berkas_ttd:
            return ""
        h = hashlib.sha256()
        with self.berkas_ttd.open("rb") as f:
            for potong in iter(lambda: f.read(65536), b""):
                h.update(potong)
        return h.hexdigest()

    def hitung_hash_isi(self) -> str:
        kanonik = json.dumps(self.isi_kanonik(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(kanonik.encode("utf-8")).hexdigest()


def _nilai(field, obj):
    nilai = getattr(obj, field.attname)
    if isinstance(field, models.FileField):
        return nilai.name if nilai else ""
    return nilai


class LangkahSOP(models.Model):
    """One ordered step of a version: what is done, by whom, from what, into what, in how long."""

    versi = models.ForeignKey(VersiSOP, verbose_name=_("versi"), on_delete=models.CASCADE, related_name="langkah")
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    uraian = models.TextField(_("uraian kegiatan"))
    pelaksana = models.CharField(_("pelaksana (peran)"), max_length=150)
    masukan = models.CharField(_("masukan"), max_length=300, blank=True)
    keluaran = models.CharField(_("keluaran"), max_length=300, blank=True)
    waktu = models.CharField(_("waktu"), max_length=60, blank=True, help_text=_("mis. 15 menit, 1 hari kerja"))

    class Meta:
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")
        ordering = ["versi", "urutan"]
        constraints = [models.UniqueConstraint(fields=["versi", "urutan"], name="langkah_sop_urutan_unik")]

    def __str__(self):
        return f"{self.urutan}. {self.uraian[:60]}"

    def save(self, *args, **kwargs):
        self._periksa_versi()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._periksa_versi()
        return super().delete(*args, **kwargs)

    def _periksa_versi(self):
        if VersiSOP.objects.filter(pk=self.versi_id, status__in=VersiSOP.STATUS_TERKUNCI).exists():
            raise TransisiTidakSah(_("Langkah versi SOP yang sudah disetujui tidak dapat diubah."))
