"""Staff periodic reports (laporan berkala), Pergub NTB 6/2017 Lampiran V.5–6: every pelaksana
reports periodically, on time, to their superior; every report received is processed into
material for policy (the Kepala LPSE's activity report, II.2, and the Sekretariat's control
and evaluation, II.3.b.4).

Who reports: whoever holds a position that has a superior position (`Jabatan.atasan`) during
a period. Who reviews: whoever holds that superior position on the day of the review — a
position, never a fixed person, so a new coordinator inherits the queue.

The reporting rhythm is one rule for the whole LPSE (`AturanLaporanBerkala`, one row, edited
in admin), not one per position: the Kepala LPSE's activity report rolls the units' reports
up per period, which only adds up when every report covers the same period.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import UnggahKe
from organisasi.models.tunjangan import NAMA_BULAN

ROMAWI = ["I", "II", "III", "IV"]
_KODE_BULAN = re.compile(r"^(\d{4})-(\d{2})$")
_KODE_TRIWULAN = re.compile(r"^(\d{4})-T([1-4])$")


class JenisPeriode(models.TextChoices):
    BULANAN = "bulanan", _("Bulanan")
    TRIWULANAN = "triwulanan", _("Triwulanan")


@dataclass(frozen=True, order=True)
class Periode:
    """A reporting period: [mulai, selesai], both inclusive, in calendar dates (WITA)."""

    mulai: datetime.date
    selesai: datetime.date
    jenis: str = JenisPeriode.BULANAN

    @classmethod
    def memuat(cls, tanggal: datetime.date, jenis: str) -> "Periode":
        """The period of kind `jenis` that contains `tanggal`."""
        if jenis == JenisPeriode.TRIWULANAN:
            bulan_awal = (tanggal.month - 1) // 3 * 3 + 1
            bulan_akhir = bulan_awal + 2
        else:
            bulan_awal = bulan_akhir = tanggal.month
        hari_akhir = calendar.monthrange(tanggal.year, bulan_akhir)[1]
        return cls(
            datetime.date(tanggal.year, bulan_awal, 1), datetime.date(tanggal.year, bulan_akhir, hari_akhir), jenis
        )

    @classmethod
    def dari_kode(cls, kode: str) -> "Periode":
        """`2026-03` (a month) or `2026-T1` (a quarter); ValueError for anything else."""
        kode = (kode or "").strip()
        if m := _KODE_BULAN.match(kode):
            tahun, bulan = int(m[1]), int(m[2])
            if not (2000 <= tahun <= 2100 and 1 <= bulan <= 12):
                raise ValueError(kode)
            return cls.memuat(datetime.date(tahun, bulan, 1), JenisPeriode.BULANAN)
        if m := _KODE_TRIWULAN.match(kode):
            tahun, tw = int(m[1]), int(m[2])
            if not 2000 <= tahun <= 2100:
                raise ValueError(kode)
            return cls.memuat(datetime.date(tahun, tw * 3 - 2, 1), JenisPeriode.TRIWULANAN)
        raise ValueError(kode)

    @property
    def kode(self) -> str:
        if self.jenis == JenisPeriode.TRIWULANAN:
            return f"{self.mulai.year}-T{(self.mulai.month - 1) // 3 + 1}"
        return f"{self.mulai:%Y-%m}"

    @property
    def label(self) -> str:
        if self.jenis == JenisPeriode.TRIWULANAN:
            return _("Triwulan %(tw)s %(tahun)s") % {
                "tw": ROMAWI[(self.mulai.month - 1) // 3],
                "tahun": self.mulai.year,
            }
        return f"{NAMA_BULAN[self.mulai.month]} {self.mulai.year}"

    def __str__(self):
        return str(self.label)

    def sebelumnya(self) -> "Periode":
        return Periode.memuat(self.mulai - datetime.timedelta(days=1), self.jenis)

    def berikutnya(self) -> "Periode":
        return Periode.memuat(self.selesai + datetime.timedelta(days=1), self.jenis)


class AturanLaporanBerkala(models.Model):
    """The one reporting rule of the LPSE (a single row, pk 1), editable in admin.

    Installed once after migrate with `wajib_mulai` on the first day of the period it was
    installed in: nobody owes reports for the months before the portal existed."""

    jenis_periode = models.CharField(
        _("periode laporan"), max_length=12, choices=JenisPeriode.choices, default=JenisPeriode.BULANAN
    )
    tenggat_hari_kerja = models.PositiveSmallIntegerField(
        _("tenggat (hari kerja setelah periode berakhir)"),
        default=5,
        help_text=_("Laporan yang belum diajukan sesudah sekian hari kerja setelah periode berakhir terlambat."),
    )
    wajib_mulai = models.DateField(
        _("wajib mulai"),
        help_text=_(
            "Periode pertama yang wajib dilaporkan ialah periode yang memuat tanggal ini. Bila periode laporan "
            "diubah, isi dengan hari pertama periode baru yang pertama."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aturan laporan berkala")
        verbose_name_plural = _("aturan laporan berkala")

    def __str__(self):
        return f"{self.get_jenis_periode_display()}, {self.tenggat_hari_kerja} hari kerja"

    @classmethod
    def berlaku(cls) -> "AturanLaporanBerkala":
        """The rule in force; the code's default (from this period on) if the row is missing."""
        from django.utils import timezone

        aturan = cls.objects.filter(pk=1).first()
        if aturan is None:
            mulai = Periode.memuat(timezone.localdate(), JenisPeriode.BULANAN).mulai
            aturan = cls(pk=1, wajib_mulai=mulai)
        return aturan

    def periode(self, tanggal: datetime.date) -> Periode:
        return Periode.memuat(tanggal, self.jenis_periode)

    @property
    def periode_pertama(self) -> Periode:
        return self.periode(self.wajib_mulai)


def jabatan_dipegang(user, tanggal: datetime.date) -> list[int]:
    """The positions `user` holds on `tanggal` (through an active assignment)."""
    from organisasi.models.struktur import Penugasan

    if not user.is_authenticated:
        return []
    return list(Penugasan.objects.aktif_pada(tanggal).filter(pegawai__user=user).values_list("jabatan_id", flat=True))


def jabatan_bawahan(jabatan_ids) -> set[int]:
    """Every position below the given ones, at any depth (the tree is small: one query)."""
    from organisasi.models.struktur import Jabatan

    anak: dict[int, list[int]] = {}
    for pk, atasan_id in Jabatan.objects.filter(atasan__isnull=False).values_list("pk", "atasan_id"):
        anak.setdefault(atasan_id, []).append(pk)
    hasil: set[int] = set()
    antre = list(jabatan_ids)
    while antre:
        for pk in anak.get(antre.pop(), []):
            if pk not in hasil:
                hasil.add(pk)
                antre.append(pk)
    return hasil


class LaporanBerkalaQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The author sees their reports in every state. A draft is nobody else's business;
        once submitted, a report is seen by the holders of the positions above the author's
        (the coordinator of the unit, then the Kepala LPSE), and by the roles that roll the
        reports up (Pembina, Kepala LPSE, Sekretaris: lihat_semua_laporan_berkala)."""
        from django.utils import timezone

        if not user.is_authenticated:
            return self.none()
        sendiri = Q(pegawai__user=user)
        if user.has_perm("organisasi.lihat_semua_laporan_berkala"):
            return self.filter(sendiri | ~Q(status=LaporanBerkala.Status.DRAF))
        bawahan = jabatan_bawahan(jabatan_dipegang(user, timezone.localdate()))
        return self.filter(sendiri | (Q(jabatan_id__in=bawahan) & ~Q(status=LaporanBerkala.Status.DRAF)))

    def menunggu_tinjauan(self, jabatan_ids):
        """Submitted reports addressed to the given positions (the author's position's superior)."""
        return self.filter(status=LaporanBerkala.Status.DIAJUKAN, jabatan__atasan_id__in=list(jabatan_ids))


class LaporanBerkala(models.Model):
    """One report of one person for one position and one period."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan ke atasan")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk diperbaiki")
        DITERIMA = "diterima", _("Diterima")

    WARNA = {"draf": "secondary", "diajukan": "primary", "dikembalikan": "warning", "diterima": "success"}

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="laporan_berkala"
    )
    jabatan = models.ForeignKey(
        "organisasi.Jabatan", verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="laporan_berkala"
    )
    jenis_periode = models.CharField(_("jenis periode"), max_length=12, choices=JenisPeriode.choices)
    periode_mulai = models.DateField(_("periode mulai"))
    periode_selesai = models.DateField(_("periode selesai"))
    kegiatan = models.TextField(_("kegiatan yang dilaksanakan"), blank=True)
    hasil = models.TextField(_("hasil yang dicapai"), blank=True)
    masalah = models.TextField(_("permasalahan dan kendala"), blank=True)
    rencana = models.TextField(_("rencana periode berikutnya"), blank=True)
    lampiran = models.FileField(_("lampiran (PDF)"), upload_to=UnggahKe("organisasi/laporan-berkala"), blank=True)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.DRAF)
    pertama_diajukan_at = models.DateTimeField(_("pertama diajukan"), null=True, blank=True)
    diajukan_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    catatan_peninjau = models.TextField(_("catatan atasan"), blank=True)
    ditinjau_oleh = models.ForeignKey(
        "organisasi.User",
        verbose_name=_("ditinjau oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ditinjau_at = models.DateTimeField(_("ditinjau"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LaporanBerkalaQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan berkala")
        verbose_name_plural = _("laporan berkala")
        ordering = ["-periode_mulai", "jabatan__unit__urutan", "jabatan__urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "jabatan", "periode_mulai"], name="laporan_berkala_satu_periode"
            ),
            models.CheckConstraint(
                condition=Q(periode_selesai__gte=models.F("periode_mulai")), name="laporan_berkala_periode_urut"
            ),
        ]
        indexes = [models.Index(fields=["periode_mulai", "status"], name="laporan_berkala_periode_idx")]
        permissions = [
            (
                "lihat_semua_laporan_berkala",
                _("Melihat laporan berkala yang diajukan seluruh pegawai dan rekapitulasinya"),
            )
        ]

    def __str__(self):
        return f"{self.pegawai} · {self.jabatan} · {self.periode}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("organisasi:laporan_berkala_detail", args=[self.pk])

    @property
    def periode(self) -> Periode:
        return Periode(self.periode_mulai, self.periode_selesai, self.jenis_periode)

    @property
    def dapat_diubah(self) -> bool:
        return self.status in (self.Status.DRAF, self.Status.DIKEMBALIKAN)

    @property
    def warna(self) -> str:
        return self.WARNA.get(self.status, "secondary")


class PengingatLaporanBerkala(models.Model):
    """A reminder sent about a report not submitted in time: at most one per report and day."""

    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="+")
    jabatan = models.ForeignKey("organisasi.Jabatan", on_delete=models.CASCADE, related_name="+")
    periode_mulai = models.DateField(_("periode mulai"))
    tanggal = models.DateField(_("tanggal pengingat"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat laporan berkala")
        verbose_name_plural = _("pengingat laporan berkala")
        ordering = ["-tanggal", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "jabatan", "periode_mulai", "tanggal"], name="pengingat_laporan_sekali_sehari"
            )
        ]

    def __str__(self):
        return f"{self.pegawai} · {self.periode_mulai:%m/%Y} · {self.tanggal}"
