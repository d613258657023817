"""Allowances and honoraria (Pergub NTB 6/2017 Lampiran VII): rates with their legal basis,
and the monthly list computed from the assignments, approved by the Kepala LPSE.

Pro-rata rule (one place, applied line by line):
- a person holds a position on a day when their assignment is active that day (TMT semantics:
  from tmt_mulai, no longer from tmt_selesai); a rate applies on a day from berlaku_mulai up to
  and including berlaku_sampai;
- one line per assignment and rate: days = calendar days of the month on which both hold;
- amount = monthly rate × days / calendar days of the month, rounded half up to whole rupiah
  (so a full month is exactly the rate); each line is rounded on its own and the list total is
  the sum of the rounded lines;
- a person with two positions in the month gets a line for each.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi.models import (
    DaftarTunjangan,
    DasarHukum,
    Jabatan,
    Penugasan,
    RincianTunjangan,
    TarifTunjangan,
    User,
)
from organisasi.services.umum import ekstensi, tgl, wajib_izin

SATU_HARI = datetime.timedelta(days=1)


# --- rates ------------------------------------------------------------------------------------


def catat_dasar_hukum(*, data: dict, oleh: User, berkas=None, ip: str | None = None) -> DasarHukum:
    """Record the decree that sets amounts (the Pergub leaves them to other regulations)."""
    wajib_izin(oleh, "organisasi.kelola_tarif_tunjangan")
    with transaksi_berkas():
        dasar = DasarHukum(**data)
        dasar.nomor = " ".join(dasar.nomor.split())
        if not dasar.nomor or not dasar.tentang.strip():
            raise TransisiTidakSah(_("Nomor dan judul (tentang) dasar hukum wajib diisi."))
        if DasarHukum.objects.filter(jenis=dasar.jenis, nomor__iexact=dasar.nomor).exists():
            raise TransisiTidakSah(_("Dasar hukum %(d)s sudah dicatat.") % {"d": dasar})
        if berkas:
            dasar.berkas.save(f"dasar-hukum{ekstensi(berkas)}", berkas, save=False)
        dasar.save()
        catat_peristiwa(dasar, oleh=oleh, ip=ip, aksi="catat", catatan=str(dasar)[:500])
    return dasar


def _periode(mulai: datetime.date, sampai: datetime.date | None) -> str:
    return _("%(mulai)s s.d. %(sampai)s") % {
        "mulai": tgl(mulai),
        "sampai": tgl(sampai) if sampai else _("waktu yang belum ditentukan"),
    }


def _tolak_tumpang_tindih(jabatan: Jabatan, mulai, sampai, kecuali: int | None = None) -> None:
    bentrok = (
        TarifTunjangan.objects.filter(jabatan=jabatan)
        .filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=mulai))
        .exclude(pk=kecuali)
    )
    if sampai is not None:
        bentrok = bentrok.filter(berlaku_mulai__lte=sampai)
    lain = bentrok.first()
    if lain:
        raise TransisiTidakSah(
            _(
                "Jabatan %(jabatan)s sudah memiliki tarif untuk periode %(periode)s (Rp%(besaran)s). "
                "Satu jabatan hanya boleh memiliki satu tarif pada satu periode; akhiri tarif itu lebih dulu."
            )
            % {
                "jabatan": jabatan.nama,
                "periode": _periode(lain.berlaku_mulai, lain.berlaku_sampai),
                "besaran": f"{lain.besaran:,.0f}".replace(",", "."),
            }
        )


def catat_tarif(
    *,
    jabatan_id: int,
    besaran: Decimal,
    berlaku_mulai: datetime.date,
    dasar_hukum_id: int | None,
    oleh: User,
    jenis: str = TarifTunjangan.Jenis.HONORARIUM,
    berlaku_sampai: datetime.date | None = None,
    keterangan: str = "",
    ip: str | None = None,
) -> TarifTunjangan:
    """Record a rate for a position and period. No amount is hard-coded: each rate names the
    decree that sets it (Lampiran VII), and a position has one rate on any day."""
    wajib_izin(oleh, "organisasi.kelola_tarif_tunjangan")
    with transaction.atomic():
        # Lock the position: two rates for it cannot both pass the overlap check.
        jabatan = Jabatan.objects.select_for_update().get(pk=jabatan_id)
        if not dasar_hukum_id:
            raise TransisiTidakSah(
                _("Tarif wajib menyebut dasar hukum yang menetapkan besarannya (Pergub NTB 6/2017 Lampiran VII).")
            )
        dasar = DasarHukum.objects.filter(pk=dasar_hukum_id).first()
        if dasar is None:
            raise TransisiTidakSah(_("Dasar hukum tidak ditemukan."))
        if besaran is None or besaran <= 0:
            raise TransisiTidakSah(_("Besaran tarif harus lebih dari nol."))
        if besaran != besaran.quantize(Decimal(1)):
            raise TransisiTidakSah(_("Besaran tarif ditulis dalam rupiah penuh, tanpa sen."))
        if berlaku_sampai is not None and berlaku_sampai < berlaku_mulai:
            raise TransisiTidakSah(_("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku."))
        _tolak_tumpang_tindih(jabatan, berlaku_mulai, berlaku_sampai)
        tarif = TarifTunjangan.objects.create(
            jabatan=jabatan,
            jenis=jenis,
            besaran=besaran,
            berlaku_mulai=berlaku_mulai,
            berlaku_sampai=berlaku_sampai,
            dasar_hukum=dasar,
            keterangan=keterangan.strip(),
            dibuat_oleh=oleh,
        )
        catat_peristiwa(
            tarif,
            oleh=oleh,
            ip=ip,
            aksi="catat",
            catatan=f"{jabatan.nama}: {_periode(berlaku_mulai, berlaku_sampai)}",
            data={"besaran": str(besaran), "dasar_hukum": dasar.pk},
        )
    return tarif


def akhiri_tarif(*, tarif_id: int, berlaku_sampai: datetime.date, oleh: User, ip: str | None = None) -> TarifTunjangan:
    """Set the last day of a rate (a new decree replaces it). Approved lists keep their copy."""
    wajib_izin(oleh, "organisasi.kelola_tarif_tunjangan")
    with transaction.atomic():
        tarif = TarifTunjangan.objects.select_for_update().select_related("jabatan").get(pk=tarif_id)
        Jabatan.objects.select_for_update().get(pk=tarif.jabatan_id)
        if berlaku_sampai < tarif.berlaku_mulai:
            raise TransisiTidakSah(_("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku."))
        _tolak_tumpang_tindih(tarif.jabatan, tarif.berlaku_mulai, berlaku_sampai, kecuali=tarif.pk)
        sebelumnya = tarif.berlaku_sampai
        tarif.berlaku_sampai = berlaku_sampai
        tarif.save(update_fields=["berlaku_sampai", "updated_at"])
        catat_peristiwa(
            tarif, oleh=oleh, ip=ip, aksi="akhiri", data={"sebelumnya": sebelumnya, "berlaku_sampai": berlaku_sampai}
        )
    return tarif


# --- the monthly computation ------------------------------------------------------------------


@dataclass(frozen=True)
class Baris:
    penugasan: Penugasan
    tarif: TarifTunjangan
    mulai: datetime.date
    sampai: datetime.date  # inclusive
    hari: int
    hari_bulan: int
    jumlah: Decimal


def hari_dalam_bulan(tahun: int, bulan: int) -> int:
    return calendar.monthrange(tahun, bulan)[1]


def prorata(besaran: Decimal, hari: int, hari_bulan: int) -> Decimal:
    """Monthly rate × days held / days in the month, rounded half up to whole rupiah."""
    return (Decimal(besaran) * hari / hari_bulan).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def hitung_rincian(tahun: int, bulan: int) -> list[Baris]:
    """The lines of a month, by the pro-rata rule above (reads only; two queries)."""
    awal = datetime.date(tahun, bulan, 1)
    n = hari_dalam_bulan(tahun, bulan)
    akhir = datetime.date(tahun, bulan, n) + SATU_HARI  # exclusive
    tarif_per_jabatan: dict[int, list[TarifTunjangan]] = {}
    for t in TarifTunjangan.objects.berlaku_dalam(awal, akhir - SATU_HARI).select_related("dasar_hukum"):
        tarif_per_jabatan.setdefault(t.jabatan_id, []).append(t)
    penugasan = (
        Penugasan.objects.filter(jabatan_id__in=tarif_per_jabatan)
        .bertumpang_tindih(awal, akhir)
        .select_related("pegawai", "jabatan__unit")
        .order_by("jabatan__unit__urutan", "jabatan__urutan", "pegawai__nama", "tmt_mulai", "pk")
    )
    hasil = []
    for p in penugasan:
        p_mulai = max(p.tmt_mulai, awal)
        p_akhir = min(p.tmt_selesai or akhir, akhir)
        for t in sorted(tarif_per_jabatan[p.jabatan_id], key=lambda t: t.berlaku_mulai):
            mulai = max(p_mulai, t.berlaku_mulai)
            sampai_eks = min(p_akhir, t.berlaku_sampai + SATU_HARI if t.berlaku_sampai else akhir)
            hari = (sampai_eks - mulai).days
            if hari <= 0:
                continue
            hasil.append(Baris(p, t, mulai, sampai_eks - SATU_HARI, hari, n, prorata(t.besaran, hari, n)))
    return hasil


# --- the monthly list -------------------------------------------------------------------------


def _pesan_terkunci(daftar: DaftarTunjangan) -> str:
    if daftar.status == DaftarTunjangan.Status.DISETUJUI:
        return _("Daftar tunjangan %(periode)s sudah disetujui Kepala LPSE dan tidak dapat diubah lagi.") % {
            "periode": daftar.periode
        }
    return _(
        "Daftar tunjangan %(periode)s sedang diajukan ke Kepala LPSE; minta dikembalikan dulu untuk mengubahnya."
    ) % {"periode": daftar.periode}


def _isi_rincian(daftar: DaftarTunjangan) -> None:
    daftar.rincian.all().delete()
    baris = hitung_rincian(daftar.tahun, daftar.bulan)
    RincianTunjangan.objects.bulk_create(
        RincianTunjangan(
            daftar=daftar,
            pegawai=b.penugasan.pegawai,
            penugasan=b.penugasan,
            tarif=b.tarif,
            nama=b.penugasan.pegawai.nama_lengkap,
            nip=b.penugasan.pegawai.nip or "",
            jabatan=b.penugasan.jabatan.nama,
            jenis=b.tarif.jenis,
            dasar_hukum=str(b.tarif.dasar_hukum)[:500],
            besaran=b.tarif.besaran,
            mulai=b.mulai,
            sampai=b.sampai,
            hari=b.hari,
            hari_bulan=b.hari_bulan,
            jumlah=b.jumlah,
            urutan=i,
        )
        for i, b in enumerate(baris, start=1)
    )
    daftar.total = sum((b.jumlah for b in baris), Decimal(0))
    daftar.dihitung_at = timezone.now()


def susun_daftar_tunjangan(*, tahun: int, bulan: int, oleh: User, ip: str | None = None) -> DaftarTunjangan:
    """Compute (or recompute) the list of a month from the assignments and rates in force."""
    wajib_izin(oleh, "organisasi.susun_daftar_tunjangan")
    hari_ini = timezone.localdate()
    if not 1 <= bulan <= 12:
        raise TransisiTidakSah(_("Bulan harus 1 sampai 12."))
    if (tahun, bulan) > (hari_ini.year, hari_ini.month):
        raise TransisiTidakSah(_("Daftar tunjangan bulan yang belum dimulai belum dapat disusun."))
    with transaction.atomic():
        daftar, dibuat = DaftarTunjangan.objects.get_or_create(tahun=tahun, bulan=bulan, defaults={"dibuat_oleh": oleh})
        daftar = DaftarTunjangan.objects.select_for_update().get(pk=daftar.pk)
        if not daftar.dapat_diubah:
            raise TransisiTidakSah(_pesan_terkunci(daftar))
        _isi_rincian(daftar)
        daftar.save(update_fields=["total", "dihitung_at", "updated_at"])
        catat_peristiwa(
            daftar,
            oleh=oleh,
            ip=ip,
            aksi="susun" if dibuat else "hitung_ulang",
            ke=daftar.status,
            data={"baris": daftar.rincian.count(), "total": str(daftar.total)},
        )
    return daftar


def ajukan_daftar_tunjangan(*, daftar_id: int, oleh: User, ip: str | None = None) -> DaftarTunjangan:
    """The Sekretariat submits the list to the Kepala LPSE for approval."""
    wajib_izin(oleh, "organisasi.susun_daftar_tunjangan")
    with transaction.atomic():
        daftar = DaftarTunjangan.objects.select_for_update().get(pk=daftar_id)
        if not daftar.dapat_diubah:
            raise TransisiTidakSah(_pesan_terkunci(daftar))
        if not daftar.rincian.exists():
            raise TransisiTidakSah(_("Daftar ini kosong: tidak ada pegawai dengan tarif pada bulan itu."))
        dari = daftar.status
        daftar.status = DaftarTunjangan.Status.DIAJUKAN
        daftar.save(update_fields=["status", "updated_at"])
        catat_peristiwa(daftar, oleh=oleh, ip=ip, aksi="ajukan", dari=dari, ke=daftar.status)
        kepala = User.objects.filter(groups__name="kepala_lpse", is_active=True).exclude(email="")
        kirim_surel(
            kepada=list(kepala.values_list("email", flat=True)),
            subjek=_("Daftar tunjangan %(periode)s menunggu persetujuan") % {"periode": daftar.periode},
            template="organisasi/email_daftar_tunjangan_diajukan",
            konteks={"daftar": daftar},
        )
    return daftar


def setujui_daftar_tunjangan(*, daftar_id: int, oleh: User, ip: str | None = None) -> DaftarTunjangan:
    """The Kepala LPSE approves the list; from then on it never changes."""
    wajib_izin(oleh, "organisasi.setujui_daftar_tunjangan")
    with transaction.atomic():
        daftar = DaftarTunjangan.objects.select_for_update().get(pk=daftar_id)
        if daftar.status == DaftarTunjangan.Status.DISETUJUI:
            raise TransisiTidakSah(_pesan_terkunci(daftar))
        if daftar.status != DaftarTunjangan.Status.DIAJUKAN:
            raise TransisiTidakSah(_("Daftar ini belum diajukan oleh Sekretariat."))
        daftar.status = DaftarTunjangan.Status.DISETUJUI
        daftar.disetujui_oleh = oleh
        daftar.disetujui_at = timezone.now()
        daftar.save(update_fields=["status", "disetujui_oleh", "disetujui_at", "updated_at"])
        catat_peristiwa(
            daftar,
            oleh=oleh,
            ip=ip,
            aksi="setujui",
            dari="diajukan",
            ke=daftar.status,
            data={"total": str(daftar.total)},
        )
    return daftar


def kembalikan_daftar_tunjangan(*, daftar_id: int, catatan: str, oleh: User, ip: str | None = None) -> DaftarTunjangan:
    """The Kepala LPSE returns a submitted list with a note, for correction."""
    wajib_izin(oleh, "organisasi.setujui_daftar_tunjangan")
    with transaction.atomic():
        daftar = DaftarTunjangan.objects.select_for_update().get(pk=daftar_id)
        if daftar.status != DaftarTunjangan.Status.DIAJUKAN:
            raise TransisiTidakSah(
                _pesan_terkunci(daftar)
                if daftar.status == DaftarTunjangan.Status.DISETUJUI
                else _("Daftar ini belum diajukan oleh Sekretariat.")
            )
        if not catatan.strip():
            raise TransisiTidakSah(_("Catatan pengembalian wajib diisi."))
        daftar.status = DaftarTunjangan.Status.DIKEMBALIKAN
        daftar.catatan = catatan.strip()
        daftar.save(update_fields=["status", "catatan", "updated_at"])
        catat_peristiwa(
            daftar, oleh=oleh, ip=ip, aksi="kembalikan", dari="diajukan", ke=daftar.status, catatan=daftar.catatan
        )
    return daftar
