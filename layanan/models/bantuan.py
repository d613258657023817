"""The knowledge base (Lampiran II.6.b.2: information on SPSE features) and feedback on the
LPSE's service (Lampiran IV.1.d)."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

KONFIGURASI_FTS = "indonesian"


def vektor_artikel():
    """The one search-vector expression: the GIN index and every query use exactly this."""
    return SearchVector("judul", weight="A", config=KONFIGURASI_FTS) + SearchVector(
        "isi", weight="B", config=KONFIGURASI_FTS
    )


class ArtikelQuerySet(models.QuerySet):
    def terbit(self):
        return self.filter(terbit=True)

    def cari(self, kata: str):
        """Full-text search on PostgreSQL (ranked); a plain substring match on SQLite (demo)."""
        kata = (kata or "").strip()
        if not kata:
            return self
        if connection.vendor != "postgresql":
            return self.filter(Q(judul__icontains=kata) | Q(isi__icontains=kata))
        kueri = SearchQuery(kata, config=KONFIGURASI_FTS, search_type="websearch")
        return (
            self.annotate(vektor=vektor_artikel())
            .filter(vektor=kueri)
            .annotate(peringkat=SearchRank(models.F("vektor"), kueri))
            .order_by("-peringkat", "judul")
        )


class Artikel(models.Model):
    class Jenis(models.TextChoices):
        PANDUAN = "panduan", _("Panduan fitur SPSE")
        TANYA_JAWAB = "tanya_jawab", _("Tanya jawab")

    judul = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices, default=Jenis.TANYA_JAWAB)
    kategori = models.ForeignKey(
        "layanan.KategoriTiket", verbose_name=_("kategori"), null=True, blank=True, on_delete=models.SET_NULL
    )
    isi = models.TextField(_("isi"), help_text=_("Markdown sederhana: paragraf, daftar, **tebal**, tautan."))
    terbit = models.BooleanField(_("terbit"), default=False)
    dari_tiket = models.ForeignKey(
        "layanan.Tiket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    penulis = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArtikelQuerySet.as_manager()

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikel")
        ordering = ["judul"]
        indexes = [GinIndex(vektor_artikel(), name="artikel_fts_idx")]
        permissions = [("kelola_artikel", _("Menulis dan menerbitkan artikel pusat bantuan"))]

    def __str__(self):
        return self.judul


class MasukanQuerySet(models.QuerySet):
    def rekap(self, mulai=None, sampai=None):
        """Counts per category and status, for the periodic reports (laporan reads this)."""
        qs = self
        if mulai:
            qs = qs.filter(created_at__date__gte=mulai)
        if sampai:
            qs = qs.filter(created_at__date__lte=sampai)
        return qs.values("kategori", "status").annotate(jumlah=Count("pk")).order_by("kategori", "status")


class Masukan(models.Model):
    """Feedback to improve the LPSE's service (Pergub Lampiran IV.1.d), from the public or officials."""

    class Kategori(models.TextChoices):
        PELAYANAN = "pelayanan", _("Pelayanan petugas")
        SPSE = "spse", _("Aplikasi SPSE")
        PELATIHAN = "pelatihan", _("Pelatihan")
        SARANA = "sarana", _("Sarana dan fasilitas")
        INFORMASI = "informasi", _("Informasi dan publikasi")
        LAINNYA = "lainnya", _("Lainnya")

    class Pengirim(models.TextChoices):
        PUBLIK = "publik", _("Masyarakat/penyedia")
        PEJABAT = "pejabat", _("PA/KPA/PPK/UKPBJ/Pejabat Pengadaan")

    class Status(models.TextChoices):
        BARU = "baru", _("Baru")
        DIJAWAB = "dijawab", _("Dijawab")

    kategori = models.CharField(_("kategori"), max_length=20, choices=Kategori.choices)
    pengirim = models.CharField(_("pengirim"), max_length=10, choices=Pengirim.choices)
    nama = models.CharField(_("nama"), max_length=150)
    email = models.EmailField(_("e-mail"))
    instansi = models.CharField(_("instansi"), max_length=200, blank=True)
    isi = models.TextField(_("masukan"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BARU)
    jawaban = models.TextField(_("jawaban"), blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dijawab_pada = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MasukanQuerySet.as_manager()

    class Meta:
        verbose_name = _("masukan")
        verbose_name_plural = _("masukan")
        ordering = ["-created_at", "-pk"]
        permissions = [("jawab_masukan", _("Menjawab masukan layanan"))]

    def __str__(self):
        return f"{self.get_kategori_display()}: {self.nama}"
