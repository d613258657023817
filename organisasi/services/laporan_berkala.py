"""Staff periodic reports (Pergub NTB 6/2017 Lampiran V.5: "Setiap Pelaksana ... bertanggung
jawab kepada atasan masing-masing dan menyampaikan laporan berkala tepat pada waktunya";
V.6: every report received is processed into policy material; II.3.b.4: the Sekretariat
controls, evaluates and reports).

Rules, in one place:
- A report is owed for a period by whoever held, on at least one day of it, a position that
  has a superior position; one report per person, position and period.
- A draft may be written from the first day of the period. It can be submitted from the last
  working day of the period (the day monthly reports are written in the provincial offices),
  never earlier: a report on a period still running would report on work not yet done.
- After submission the author cannot change it; the holder of the superior position on the
  day of the review accepts it or returns it with a note; a returned report is corrected and
  submitted again. Nobody reviews their own report.
- A report not submitted by the `tenggat_hari_kerja`-th working day after the period ends is
  overdue (a returned one was submitted in time and is not). The daily job reminds the author
  once a day and sends each superior one list a day.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi.kalender import Kalender
from organisasi.models import (
    AturanLaporanBerkala,
    Jabatan,
    LaporanBerkala,
    Pegawai,
    PengingatLaporanBerkala,
    Penugasan,
    Periode,
    Unit,
    User,
)
from organisasi.models.laporan_berkala import jabatan_dipegang
from organisasi.services.umum import ekstensi, tgl

BAGIAN = ("kegiatan", "hasil", "masalah", "rencana")
MAKS_TEKS = 5000


def _label_bagian() -> dict[str, str]:
    return {
        "kegiatan": _("kegiatan"),
        "hasil": _("hasil"),
        "masalah": _("permasalahan"),
        "rencana": _("rencana periode berikutnya"),
    }


# --- periods, deadlines and obligations (reads) -------------------------------------------------


def pasang_aturan_bawaan() -> None:
    """Installed once after migrate: monthly, five working days, owed from this period on."""
    mulai = Periode.memuat(timezone.localdate(), "bulanan").mulai
    AturanLaporanBerkala.objects.get_or_create(pk=1, defaults={"wajib_mulai": mulai})


def awal_pengajuan(periode: Periode, kalender: Kalender) -> datetime.date:
    """The first day a report on `periode` may be submitted: its last working day."""
    hari = periode.selesai
    while hari >= periode.mulai:
        if kalender.hari_kerja(hari):
            return hari
        hari -= datetime.timedelta(days=1)
    return periode.selesai


def tenggat(periode: Periode, aturan: AturanLaporanBerkala, kalender: Kalender) -> datetime.date:
    """The last day a report on `periode` is on time."""
    return kalender.tambah_hari_kerja(periode.selesai, aturan.tenggat_hari_kerja)


def daftar_periode(aturan: AturanLaporanBerkala, sampai: datetime.date) -> list[Periode]:
    """The periods owed, from the first one of the rule up to the one containing `sampai`."""
    hasil = []
    p = aturan.periode_pertama
    while p.mulai <= sampai:
        hasil.append(p)
        p = p.berikutnya()
    return hasil


@dataclass
class Kewajiban:
    """One report owed: who, for which position and period, and the report if it exists."""

    pegawai: Pegawai
    jabatan: Jabatan
    periode: Periode
    tenggat: datetime.date
    laporan: LaporanBerkala | None = None
    lewat: bool = False  # overdue on the day it was computed (for templates)

    @property
    def status(self) -> str:
        return self.laporan.status if self.laporan else "belum"

    @property
    def status_label(self) -> str:
        return self.laporan.get_status_display() if self.laporan else _("Belum dibuat")

    @property
    def warna(self) -> str:
        return self.laporan.warna if self.laporan else "light"

    @property
    def sudah_diajukan(self) -> bool:
        return bool(self.laporan and self.laporan.pertama_diajukan_at)

    def terlambat(self, hari_ini: datetime.date) -> bool:
        """Overdue: never submitted, and the deadline has passed."""
        return not self.sudah_diajukan and hari_ini > self.tenggat

    @property
    def diajukan_terlambat(self) -> bool:
        """Submitted, but only after the deadline."""
        return self.sudah_diajukan and timezone.localdate(self.laporan.pertama_diajukan_at) > self.tenggat


def hitung_kewajiban(
    periode_list: list[Periode],
    *,
    aturan: AturanLaporanBerkala,
    kalender: Kalender,
    pegawai_id: int | None = None,
    jabatan_ids=None,
    hari_ini: datetime.date | None = None,
) -> list[Kewajiban]:
    """Every report owed in the given periods (optionally for one person or some positions),
    ordered by period, unit, position and name. Two queries whatever the number of rows."""
    hari_ini = hari_ini or timezone.localdate()
    if not periode_list:
        return []
    awal = min(p.mulai for p in periode_list)
    akhir = max(p.selesai for p in periode_list)
    penugasan = (
        Penugasan.objects.filter(jabatan__atasan__isnull=False, tmt_mulai__lte=akhir)
        .filter(Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=awal))
        .select_related("pegawai__user", "jabatan__unit", "jabatan__atasan")
        .order_by("jabatan__unit__urutan", "jabatan__urutan", "pegawai__nama", "pk")
    )
    laporan = LaporanBerkala.objects.filter(periode_mulai__in=[p.mulai for p in periode_list])
    if pegawai_id is not None:
        penugasan = penugasan.filter(pegawai_id=pegawai_id)
        laporan = laporan.filter(pegawai_id=pegawai_id)
    if jabatan_ids is not None:
        penugasan = penugasan.filter(jabatan_id__in=list(jabatan_ids))
        laporan = laporan.filter(jabatan_id__in=list(jabatan_ids))
    penugasan = list(penugasan)
    per_kunci = {(r.pegawai_id, r.jabatan_id, r.periode_mulai): r for r in laporan}
    hasil = []
    for p in sorted(periode_list):
        batas = tenggat(p, aturan, kalender)
        sudah = set()
        for t in penugasan:
            if t.tmt_mulai > p.selesai or (t.tmt_selesai is not None and t.tmt_selesai <= p.mulai):
                continue
            kunci = (t.pegawai_id, t.jabatan_id)
            if kunci in sudah:  # two assignments to the same position in one period: one report
                continue
            sudah.add(kunci)
            k = Kewajiban(t.pegawai, t.jabatan, p, batas, per_kunci.get((*kunci, p.mulai)))
            k.lewat = k.terlambat(hari_ini)
            hasil.append(k)
    return hasil


@dataclass
class RekapUnit:
    unit: Unit
    kewajiban: list[Kewajiban] = field(default_factory=list)

    @property
    def diterima(self) -> list[Kewajiban]:
        return [k for k in self.kewajiban if k.status == LaporanBerkala.Status.DITERIMA]

    @property
    def belum_diterima(self) -> list[Kewajiban]:
        return [k for k in self.kewajiban if k.status != LaporanBerkala.Status.DITERIMA]

    @property
    def terlambat(self) -> list[Kewajiban]:
        return [k for k in self.kewajiban if k.lewat]


def rekap_periode(periode: Periode, *, hari_ini: datetime.date | None = None) -> list[RekapUnit]:
    """The Kepala LPSE's activity report of a period (Lampiran II.2, V.6): per unit, the
    accepted reports, and the reports still missing (not accepted), with the overdue ones."""
    hari_ini = hari_ini or timezone.localdate()
    aturan = AturanLaporanBerkala.berlaku()
    kewajiban = hitung_kewajiban([periode], aturan=aturan, kalender=Kalender.dari_database(), hari_ini=hari_ini)
    per_unit: dict[int, RekapUnit] = {}
    for unit in Unit.objects.order_by("urutan", "nama"):
        per_unit[unit.pk] = RekapUnit(unit=unit)
    for k in kewajiban:
        per_unit[k.jabatan.unit_id].kewajiban.append(k)
    return [r for r in per_unit.values() if r.kewajiban]


# --- the workflow -------------------------------------------------------------------------------


def _pegawai_dari(oleh: User, *, kunci: bool = False) -> Pegawai:
    qs = Pegawai.objects.filter(user_id=oleh.pk)
    pegawai = (qs.select_for_update() if kunci else qs).first()
    if pegawai is None:
        raise TransisiTidakSah(
            _("Akun Anda tidak terhubung dengan data pegawai LPSE; laporan berkala tidak dapat dibuat.")
        )
    return pegawai


def _periode_dari_kode(kode: str, aturan: AturanLaporanBerkala) -> Periode:
    try:
        periode = Periode.dari_kode(kode)
    except ValueError:
        raise TransisiTidakSah(_("Periode laporan tidak dikenal."))
    if periode.jenis != aturan.jenis_periode:
        raise TransisiTidakSah(
            _("Laporan berkala disusun per periode %(jenis)s.") % {"jenis": aturan.get_jenis_periode_display().lower()}
        )
    return periode


def _email_pegawai(pegawai: Pegawai) -> list[str]:
    alamat = pegawai.user.email if pegawai.user_id and pegawai.user.is_active else ""
    return [alamat or pegawai.email] if (alamat or pegawai.email) else []


def _email_pemegang(jabatan_id: int, hari_ini: datetime.date) -> list[str]:
    aktif = Penugasan.objects.aktif_pada(hari_ini).filter(jabatan_id=jabatan_id)
    return sorted(
        set(
            User.objects.filter(pegawai__penugasan__in=aktif, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _bersihkan(teks: str, label: str) -> str:
    teks = (teks or "").strip()
    if len(teks) > MAKS_TEKS:
        raise TransisiTidakSah(
            _("Bagian %(bagian)s terlalu panjang (paling banyak %(n)s karakter).") % {"bagian": label, "n": MAKS_TEKS}
        )
    return teks


def simpan_draf(
    *,
    oleh: User,
    jabatan_id: int,
    periode: str,
    kegiatan: str = "",
    hasil: str = "",
    masalah: str = "",
    rencana: str = "",
    lampiran=None,
    hapus_lampiran: bool = False,
    ip: str | None = None,
) -> LaporanBerkala:
    """Write or correct one's own report for a position and period (`periode` is its code,
    e.g. 2026-03). Allowed while it is a draft or returned; never after submission."""
    hari_ini = timezone.localdate()
    aturan = AturanLaporanBerkala.berlaku()
    label = _label_bagian()
    isi = {
        "kegiatan": _bersihkan(kegiatan, label["kegiatan"]),
        "hasil": _bersihkan(hasil, label["hasil"]),
        "masalah": _bersihkan(masalah, label["masalah"]),
        "rencana": _bersihkan(rencana, label["rencana"]),
    }
    p = _periode_dari_kode(periode, aturan)
    with transaksi_berkas():
        # The person's row serialises their saves: two tabs cannot create the report twice.
        pegawai = _pegawai_dari(oleh, kunci=True)
        if p.mulai > hari_ini:
            raise TransisiTidakSah(_("Periode %(p)s belum dimulai.") % {"p": p.label})
        if p < aturan.periode_pertama:
            raise TransisiTidakSah(
                _("Laporan berkala di portal wajib mulai periode %(p)s; periode sebelumnya tidak dilaporkan di sini.")
                % {"p": aturan.periode_pertama.label}
            )
        jabatan = Jabatan.objects.select_related("atasan").filter(pk=jabatan_id).first()
        if jabatan is None:
            raise TransisiTidakSah(_("Jabatan tidak ditemukan."))
        if jabatan.atasan_id is None:
            raise TransisiTidakSah(
                _("Jabatan %(j)s tidak memiliki atasan; pemegangnya tidak menyampaikan laporan berkala.")
                % {"j": jabatan.nama}
            )
        memegang = (
            Penugasan.objects.filter(pegawai=pegawai, jabatan=jabatan, tmt_mulai__lte=p.selesai)
            .filter(Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=p.mulai))
            .exists()
        )
        if not memegang:
            raise TransisiTidakSah(
                _("Anda tidak memegang jabatan %(j)s pada periode %(p)s.") % {"j": jabatan.nama, "p": p.label}
            )
        laporan = (
            LaporanBerkala.objects.select_for_update()
            .filter(pegawai=pegawai, jabatan=jabatan, periode_mulai=p.mulai)
            .first()
        )
        if laporan is None:
            bentrok = LaporanBerkala.objects.filter(
                pegawai=pegawai, jabatan=jabatan, periode_mulai__lte=p.selesai, periode_selesai__gte=p.mulai
            ).first()
            if bentrok:
                raise TransisiTidakSah(
                    _("Sudah ada laporan untuk periode %(p)s yang beririsan dengan periode ini.")
                    % {"p": bentrok.periode.label}
                )
        elif not laporan.dapat_diubah:
            raise TransisiTidakSah(
                _("Laporan %(p)s sudah %(s)s; isinya tidak dapat diubah lagi.")
                % {"p": p.label, "s": laporan.get_status_display().lower()}
            )
        ada_lampiran = bool(lampiran) or bool(laporan and laporan.lampiran and not hapus_lampiran)
        if not any(isi.values()) and not ada_lampiran:
            raise TransisiTidakSah(_("Isi sedikitnya satu bagian laporan sebelum menyimpan draf."))
        baru = laporan is None
        if baru:
            laporan = LaporanBerkala(
                pegawai=pegawai,
                jabatan=jabatan,
                jenis_periode=p.jenis,
                periode_mulai=p.mulai,
                periode_selesai=p.selesai,
            )
        for nama, nilai in isi.items():
            setattr(laporan, nama, nilai)
        lama = laporan.lampiran.name if laporan.lampiran else ""
        if lampiran:
            laporan.lampiran.save(f"laporan-berkala{ekstensi(lampiran)}", lampiran, save=False)
        elif hapus_lampiran:
            laporan.lampiran = ""
        laporan.save()
        if lama and laporan.lampiran.name != lama:
            penyimpanan = laporan.lampiran.storage
            transaction.on_commit(lambda: penyimpanan.delete(lama))
        catat_peristiwa(
            laporan,
            oleh=oleh,
            ip=ip,
            aksi="buat" if baru else "simpan",
            ke=laporan.status,
            catatan=p.label,
            data={"lampiran": bool(laporan.lampiran)},
        )
    return laporan


def ajukan_laporan(*, laporan_id: int, oleh: User, ip: str | None = None) -> LaporanBerkala:
    """The author submits the report to the holder of the superior position (Lampiran V.5)."""
    hari_ini = timezone.localdate()
    kalender = Kalender.dari_database()
    with transaction.atomic():
        laporan = LaporanBerkala.objects.select_for_update().get(pk=laporan_id)
        pegawai = Pegawai.objects.get(pk=laporan.pegawai_id)
        if pegawai.user_id != oleh.pk:
            raise TransisiTidakSah(_("Hanya penyusun laporan yang dapat mengajukannya."))
        if laporan.status == LaporanBerkala.Status.DIAJUKAN:
            raise TransisiTidakSah(_("Laporan ini sudah diajukan dan sedang menunggu tinjauan atasan."))
        if laporan.status == LaporanBerkala.Status.DITERIMA:
            raise TransisiTidakSah(_("Laporan ini sudah diterima atasan; tidak dapat diajukan lagi."))
        p = laporan.periode
        mulai = awal_pengajuan(p, kalender)
        if hari_ini < mulai:
            raise TransisiTidakSah(
                _(
                    "Periode %(p)s belum berakhir. Laporan dapat diajukan mulai hari kerja terakhir periode itu, "
                    "%(tgl)s; sampai saat itu simpan sebagai draf."
                )
                % {"p": p.label, "tgl": tgl(mulai)}
            )
        label = _label_bagian()
        kosong = [label[b] for b in BAGIAN if not getattr(laporan, b).strip()]
        if kosong:
            raise TransisiTidakSah(
                _('Lengkapi dulu bagian %(bagian)s (tulis "Tidak ada" bila memang tidak ada permasalahan).')
                % {"bagian": ", ".join(kosong)}
            )
        dari = laporan.status
        sekarang = timezone.now()
        laporan.status = LaporanBerkala.Status.DIAJUKAN
        laporan.diajukan_at = sekarang
        laporan.pertama_diajukan_at = laporan.pertama_diajukan_at or sekarang
        laporan.save(update_fields=["status", "diajukan_at", "pertama_diajukan_at", "updated_at"])
        catat_peristiwa(laporan, oleh=oleh, ip=ip, aksi="ajukan", dari=dari, ke=laporan.status, catatan=p.label)
        jabatan = Jabatan.objects.select_related("atasan").get(pk=laporan.jabatan_id)
        kirim_surel(
            kepada=_email_pemegang(jabatan.atasan_id, hari_ini),
            subjek=_("Laporan berkala %(p)s dari %(nama)s menunggu tinjauan") % {"p": p.label, "nama": pegawai},
            template="organisasi/email_laporan_berkala_diajukan",
            konteks={"laporan": laporan, "pegawai": pegawai, "jabatan": jabatan, "periode": p.label, "ulang": dari},
        )
    return laporan


def _tinjau(laporan_id: int, oleh: User) -> tuple[LaporanBerkala, Pegawai, Jabatan]:
    """Lock the report and check that `oleh` may review it now."""
    laporan = LaporanBerkala.objects.select_for_update().get(pk=laporan_id)
    pegawai = Pegawai.objects.select_related("user").get(pk=laporan.pegawai_id)
    jabatan = Jabatan.objects.select_related("atasan").get(pk=laporan.jabatan_id)
    if pegawai.user_id == oleh.pk:
        raise TransisiTidakSah(_("Anda tidak dapat meninjau laporan Anda sendiri."))
    # The reviewer is the holder of the superior position today, whoever that is.
    if jabatan.atasan_id not in jabatan_dipegang(oleh, timezone.localdate()):
        raise TransisiTidakSah(
            _("Hanya pemegang jabatan %(atasan)s saat ini yang dapat menerima atau mengembalikan laporan ini.")
            % {"atasan": jabatan.atasan.nama}
        )
    if laporan.status == LaporanBerkala.Status.DRAF:
        raise TransisiTidakSah(_("Laporan ini belum diajukan."))
    if laporan.status == LaporanBerkala.Status.DITERIMA:
        raise TransisiTidakSah(_("Laporan ini sudah diterima."))
    if laporan.status == LaporanBerkala.Status.DIKEMBALIKAN:
        raise TransisiTidakSah(_("Laporan ini sudah dikembalikan dan menunggu perbaikan penyusunnya."))
    return laporan, pegawai, jabatan


def _selesai_tinjau(laporan, pegawai, *, status, catatan, oleh, ip, aksi, template, subjek) -> LaporanBerkala:
    laporan.status = status
    laporan.catatan_peninjau = catatan
    laporan.ditinjau_oleh = oleh
    laporan.ditinjau_at = timezone.now()
    laporan.save(update_fields=["status", "catatan_peninjau", "ditinjau_oleh", "ditinjau_at", "updated_at"])
    catat_peristiwa(laporan, oleh=oleh, ip=ip, aksi=aksi, dari="diajukan", ke=status, catatan=catatan)
    kirim_surel(
        kepada=_email_pegawai(pegawai),
        subjek=subjek,
        template=template,
        konteks={"laporan": laporan, "periode": laporan.periode.label, "peninjau": oleh},
    )
    return laporan


def terima_laporan(*, laporan_id: int, oleh: User, catatan: str = "", ip: str | None = None) -> LaporanBerkala:
    """The holder of the superior position accepts a submitted report; it then rolls up into
    the Kepala LPSE's activity report of the period (Lampiran V.6)."""
    catatan = (catatan or "").strip()[:MAKS_TEKS]
    with transaction.atomic():
        laporan, pegawai, _jabatan = _tinjau(laporan_id, oleh)
        return _selesai_tinjau(
            laporan,
            pegawai,
            status=LaporanBerkala.Status.DITERIMA,
            catatan=catatan,
            oleh=oleh,
            ip=ip,
            aksi="terima",
            template="organisasi/email_laporan_berkala_diterima",
            subjek=_("Laporan berkala %(p)s diterima") % {"p": laporan.periode.label},
        )


def kembalikan_laporan(*, laporan_id: int, catatan: str, oleh: User, ip: str | None = None) -> LaporanBerkala:
    """The holder of the superior position returns a submitted report with a note."""
    catatan = (catatan or "").strip()
    with transaction.atomic():
        laporan, pegawai, _jabatan = _tinjau(laporan_id, oleh)
        if not catatan:
            raise TransisiTidakSah(_("Catatan pengembalian wajib diisi: sampaikan apa yang perlu diperbaiki."))
        if len(catatan) > MAKS_TEKS:
            raise TransisiTidakSah(_("Catatan terlalu panjang (paling banyak %(n)s karakter).") % {"n": MAKS_TEKS})
        return _selesai_tinjau(
            laporan,
            pegawai,
            status=LaporanBerkala.Status.DIKEMBALIKAN,
            catatan=catatan,
            oleh=oleh,
            ip=ip,
            aksi="kembalikan",
            template="organisasi/email_laporan_berkala_dikembalikan",
            subjek=_("Laporan berkala %(p)s dikembalikan untuk diperbaiki") % {"p": laporan.periode.label},
        )


# --- the daily reminder -------------------------------------------------------------------------


def laporan_terlambat(hari_ini: datetime.date | None = None) -> list[Kewajiban]:
    """Every report overdue today, oldest period first."""
    hari_ini = hari_ini or timezone.localdate()
    aturan = AturanLaporanBerkala.berlaku()
    kalender = Kalender.dari_database()
    lewat = [p for p in daftar_periode(aturan, hari_ini) if tenggat(p, aturan, kalender) < hari_ini]
    return [k for k in hitung_kewajiban(lewat, aturan=aturan, kalender=kalender, hari_ini=hari_ini) if k.lewat]


def ingatkan_laporan_berkala(hari_ini: datetime.date | None = None) -> int:
    """Daily job: remind each author of an overdue report (once per report and day, recorded
    in PengingatLaporanBerkala) and send each superior position's holders one list of their
    overdue reports a day. Nothing is sent on days off. Returns the e-mails queued; a second
    run on the same day queues none."""
    hari_ini = hari_ini or timezone.localdate()
    if not Kalender.dari_database().hari_kerja(hari_ini):
        return 0
    terkirim = 0
    per_atasan: dict[int, list[Kewajiban]] = defaultdict(list)
    for k in laporan_terlambat(hari_ini):
        per_atasan[k.jabatan.atasan_id].append(k)
        try:
            with transaction.atomic():
                _pengingat, baru = PengingatLaporanBerkala.objects.get_or_create(
                    pegawai=k.pegawai, jabatan=k.jabatan, periode_mulai=k.periode.mulai, tanggal=hari_ini
                )
                if not baru:
                    continue
                email = kirim_surel(
                    kepada=_email_pegawai(k.pegawai),
                    subjek=_("Laporan berkala %(p)s belum Anda ajukan") % {"p": k.periode.label},
                    template="organisasi/email_laporan_berkala_pengingat",
                    konteks={"k": k, "periode": k.periode.label, "tenggat": tgl(k.tenggat)},
                    kunci=f"laporan-berkala-ingat:{k.pegawai.pk}:{k.jabatan.pk}:{k.periode.mulai}:{hari_ini}",
                )
        except IntegrityError:  # a second run at the same moment recorded it first
            continue
        terkirim += email is not None
    for atasan_id, daftar in sorted(per_atasan.items()):
        with transaction.atomic():
            email = kirim_surel(
                kepada=_email_pemegang(atasan_id, hari_ini),
                subjek=_("%(n)s laporan berkala bawahan Anda terlambat") % {"n": len(daftar)},
                template="organisasi/email_laporan_berkala_tunggakan",
                konteks={"daftar": [(k, tgl(k.tenggat)) for k in daftar]},
                kunci=f"laporan-berkala-tunggakan:{atasan_id}:{hari_ini}",
            )
        terkirim += email is not None
    return terkirim
