"""Incidents: the handling of technical problems (Pergub NTB 6/2017 Lampiran II.4.b.2, SOP VI.c)
and the information given to LKPP about them (II.4.b.3); monthly availability from downtime."""

import calendar
import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from sistem.models import Insiden, TiketTerkait

KOLOM_INSIDEN = (
    "judul",
    "layanan",
    "tingkat",
    "layanan_terhenti",
    "mulai",
    "selesai",
    "uraian",
    "penyebab",
    "tindakan",
)


def _wajib_izin(oleh, izin: str) -> None:
    if not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def _periksa_waktu(mulai, selesai) -> None:
    sekarang = timezone.now()
    if mulai > sekarang + datetime.timedelta(minutes=5):
        raise TransisiTidakSah(_("Waktu mulai insiden tidak boleh di masa depan."))
    if selesai is not None:
        if selesai < mulai:
            raise TransisiTidakSah(_("Waktu selesai tidak boleh sebelum waktu mulai."))
        if selesai > sekarang + datetime.timedelta(minutes=5):
            raise TransisiTidakSah(_("Waktu selesai insiden tidak boleh di masa depan."))


def _nomor_tiket(teks: str) -> list[str]:
    return sorted({n.strip().upper() for n in teks.replace(";", ",").replace("\n", ",").split(",") if n.strip()})


def _tiket_di_portal(nomor: list[str]) -> dict[str, tuple[ContentType, int]]:
    """Helpdesk tickets known to the portal, by number. Looked up by app label, not imported:
    the helpdesk app may be absent, and the link is generic (content type + id)."""
    try:
        model = apps.get_model("layanan", "Tiket")
    except LookupError:
        return {}
    if not nomor or not any(f.name == "nomor" for f in model._meta.get_fields()):
        return {}
    ct = ContentType.objects.get_for_model(model)
    return {n.upper(): (ct, pk) for n, pk in model.objects.filter(nomor__in=nomor).values_list("nomor", "pk")}


def _sinkron_tiket(insiden: Insiden, teks: str) -> None:
    nomor = _nomor_tiket(teks)
    if any(len(n) > 50 for n in nomor):
        raise TransisiTidakSah(_("Nomor tiket paling panjang 50 karakter."))
    insiden.tiket_terkait.exclude(nomor_tiket__in=nomor).delete()
    ada = set(insiden.tiket_terkait.values_list("nomor_tiket", flat=True))
    dikenal = _tiket_di_portal([n for n in nomor if n not in ada])
    TiketTerkait.objects.bulk_create(
        [
            TiketTerkait(
                insiden=insiden,
                nomor_tiket=n,
                content_type=dikenal.get(n, (None, None))[0],
                object_id=dikenal.get(n, (None, None))[1],
            )
            for n in nomor
            if n not in ada
        ]
    )


def simpan_insiden(
    *, data: dict, tiket: str = "", oleh, insiden_id: int | None = None, ip: str | None = None
) -> Insiden:
    """Record or correct an incident with its linked helpdesk tickets (by ticket number)."""
    _wajib_izin(oleh, "sistem.change_insiden" if insiden_id else "sistem.add_insiden")
    with transaction.atomic():
        if insiden_id:
            insiden = Insiden.objects.select_for_update().get(pk=insiden_id)
            aksi = "ubah"
        else:
            insiden = Insiden(dicatat_oleh=oleh)
            aksi = "catat"
        sebelum = insiden.status if insiden_id else ""
        for kolom in KOLOM_INSIDEN:
            if kolom in data:
                setattr(insiden, kolom, data[kolom])
        _periksa_waktu(insiden.mulai, insiden.selesai)
        if insiden.selesai and not (insiden.penyebab.strip() and insiden.tindakan.strip()):
            raise TransisiTidakSah(_("Insiden yang selesai wajib mencatat penyebab dan tindakan yang diambil."))
        insiden.save()
        _sinkron_tiket(insiden, tiket)
        catat_peristiwa(
            insiden, oleh=oleh, ip=ip, aksi=aksi, dari=sebelum, ke=insiden.status, data={"kolom": sorted(data)}
        )
    return insiden


def selesaikan_insiden(
    *, insiden_id: int, selesai: datetime.datetime, penyebab: str, tindakan: str, oleh, ip: str | None = None
) -> Insiden:
    """Close an incident: when it ended, what caused it, what was done (SOP VI.c)."""
    _wajib_izin(oleh, "sistem.change_insiden")
    with transaction.atomic():
        insiden = Insiden.objects.select_for_update().get(pk=insiden_id)
        if insiden.selesai is not None:
            raise TransisiTidakSah(_("Insiden ini sudah selesai."))
        if not penyebab.strip() or not tindakan.strip():
            raise TransisiTidakSah(_("Penyebab dan tindakan wajib diisi untuk menyelesaikan insiden."))
        _periksa_waktu(insiden.mulai, selesai)
        insiden.selesai = selesai
        insiden.penyebab = penyebab.strip()
        insiden.tindakan = tindakan.strip()
        insiden.save(update_fields=["selesai", "penyebab", "tindakan", "updated_at"])
        catat_peristiwa(insiden, oleh=oleh, ip=ip, aksi="selesaikan", dari="terbuka", ke="selesai")
    return insiden


def laporkan_ke_lkpp(
    *, insiden_id: int, nomor: str, tanggal: datetime.date, jawaban: str = "", oleh, ip: str | None = None
) -> Insiden:
    """Record the report of a technical problem to LKPP and, later, LKPP's answer (II.4.b.3)."""
    _wajib_izin(oleh, "sistem.change_insiden")
    with transaction.atomic():
        insiden = Insiden.objects.select_for_update().get(pk=insiden_id)
        if not nomor.strip():
            raise TransisiTidakSah(_("Nomor laporan ke LKPP wajib diisi."))
        if tanggal < timezone.localtime(insiden.mulai).date():
            raise TransisiTidakSah(_("Tanggal laporan ke LKPP tidak boleh sebelum insiden dimulai."))
        if tanggal > timezone.localdate():
            raise TransisiTidakSah(_("Tanggal laporan ke LKPP tidak boleh di masa depan."))
        aksi = "jawaban_lkpp" if insiden.nomor_laporan_lkpp and jawaban.strip() else "lapor_lkpp"
        insiden.nomor_laporan_lkpp = nomor.strip()
        insiden.tanggal_laporan_lkpp = tanggal
        insiden.jawaban_lkpp = jawaban.strip()
        insiden.save(update_fields=["nomor_laporan_lkpp", "tanggal_laporan_lkpp", "jawaban_lkpp", "updated_at"])
        catat_peristiwa(insiden, oleh=oleh, ip=ip, aksi=aksi, catatan=nomor.strip())
    return insiden


# --- availability ----------------------------------------------------------------------------------


def _gabung(interval: list[tuple[datetime.datetime, datetime.datetime]]):
    hasil: list[list[datetime.datetime]] = []
    for a, b in sorted(interval):
        if hasil and a <= hasil[-1][1]:
            hasil[-1][1] = max(hasil[-1][1], b)
        else:
            hasil.append([a, b])
    return hasil


def waktu_henti(
    interval: list[tuple[datetime.datetime, datetime.datetime | None]],
    awal: datetime.datetime,
    akhir: datetime.datetime,
) -> datetime.timedelta:
    """Total downtime inside [awal, akhir); overlapping incidents count once, open ones until `akhir`."""
    potong = []
    for a, b in interval:
        a, b = max(a, awal), min(b or akhir, akhir)
        if b > a:
            potong.append((a, b))
    return sum((b - a for a, b in _gabung(potong)), datetime.timedelta())


def batas_bulan(tahun: int, bulan: int) -> tuple[datetime.datetime, datetime.datetime]:
    zona = timezone.get_current_timezone()
    awal = datetime.datetime(tahun, bulan, 1, tzinfo=zona)
    hari = calendar.monthrange(tahun, bulan)[1]
    return awal, awal + datetime.timedelta(days=hari)


def _persen(interval, awal, akhir) -> tuple[datetime.timedelta, float]:
    henti = waktu_henti(interval, awal, akhir)
    durasi = akhir - awal
    return henti, 100.0 if durasi <= datetime.timedelta() else 100 * (1 - henti / durasi)


def ketersediaan_bulanan(tahun: int, bulan: int, layanan: str | None = None) -> dict:
    """Availability of a service (or of any service) in a WITA month: 1 − downtime / duration.
    A month still running is measured up to now. For the reporting dashboard."""
    awal, akhir = batas_bulan(tahun, bulan)
    akhir_ukur = min(akhir, max(awal, timezone.now()))
    qs = Insiden.objects.filter(layanan_terhenti=True).bertumpang_tindih(awal, akhir_ukur)
    if layanan:
        qs = qs.filter(layanan=layanan)
    henti, persen = _persen(list(qs.values_list("mulai", "selesai")), awal, akhir_ukur)
    return {"tahun": tahun, "bulan": bulan, "layanan": layanan, "waktu_henti": henti, "persen": persen}


def tabel_ketersediaan(sampai: datetime.date | None = None, bulan: int = 12) -> list[dict]:
    """The last `bulan` months, newest first, per service and overall, from one query."""
    sampai = sampai or timezone.localdate()
    periode, th, bl = [], sampai.year, sampai.month
    for _i in range(bulan):
        periode.append((th, bl))
        th, bl = (th, bl - 1) if bl > 1 else (th - 1, 12)
    awal_semua = batas_bulan(*periode[-1])[0]
    sekarang = timezone.now()
    insiden = list(
        Insiden.objects.filter(layanan_terhenti=True)
        .bertumpang_tindih(awal_semua, sekarang)
        .values_list("layanan", "mulai", "selesai")
    )
    hasil = []
    for th, bl in periode:
        awal, akhir = batas_bulan(th, bl)
        akhir = min(akhir, max(awal, sekarang))
        baris = {"tahun": th, "bulan": bl, "awal": awal, "layanan": {}}
        for kode, _label in Insiden.Layanan.choices:
            baris["layanan"][kode] = _persen([(m, s) for k, m, s in insiden if k == kode], awal, akhir)
        baris["semua"] = _persen([(m, s) for _k, m, s in insiden], awal, akhir)
        hasil.append(baris)
    return hasil
