"""The figures of a period, read from the other apps (never written).

Every function here is a pure read: `(mulai, sampai[, ...]) -> Tabel`, where `mulai` and
`sampai` are the first and the last day of the period (WITA, both included). Rows come in a
fixed order, so the same period gives the same tables every time it is read.

The rule that keeps a closed period's figures from drifting (docs/laporan.md): a figure is
counted from timestamps that never change once written — the hash-chained event rows of
lpse_portal.peristiwa, creation times, decision times — and a status "at the end of the
period" is the `ke` of the last event before the period's end, never today's status column.
Aggregation runs in the database; only the per-ticket SLA clock is computed in Python, over
the tickets finished in the period, streamed in chunks.
"""

import datetime
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from laporan.periode import WITA
from lpse_portal.models import Peristiwa

POTONGAN = 2000  # rows per chunk when streaming (tickets' events)


@dataclass
class Tabel:
    kode: str
    judul: str
    kolom: list[str]
    baris: list[list] = field(default_factory=list)
    catatan: str = ""


def rentang(mulai: datetime.date, sampai: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[first instant, first instant after) of the period, in WITA."""
    awal = datetime.datetime.combine(mulai, datetime.time.min, tzinfo=WITA)
    akhir = datetime.datetime.combine(sampai + datetime.timedelta(days=1), datetime.time.min, tzinfo=WITA)
    return awal, akhir


def persentil(nilai: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (PostgreSQL's percentile_cont)."""
    if not nilai:
        return None
    urut = sorted(nilai)
    posisi = (len(urut) - 1) * p
    bawah, atas = math.floor(posisi), math.ceil(posisi)
    return urut[bawah] + (urut[atas] - urut[bawah]) * (posisi - bawah)


def _bulat(x: float | None, digit: int = 1):
    return None if x is None else round(x, digit)


def _ct(model) -> ContentType:
    return ContentType.objects.get_for_model(model, for_concrete_model=True)


def _peristiwa(model, awal, akhir):
    return Peristiwa.objects.filter(content_type=_ct(model), created_at__gte=awal, created_at__lt=akhir)


def _status_pada(model, akhir):
    """Subquery: the status (`ke`) of the outer row's last status event before `akhir`."""
    return Subquery(
        Peristiwa.objects.filter(content_type=_ct(model), object_id=OuterRef("pk"), created_at__lt=akhir)
        .exclude(ke="")
        .order_by("-created_at", "-pk")
        .values("ke")[:1]
    )


def _label(pilihan, kode) -> str:
    try:
        return str(pilihan(kode).label)
    except ValueError:
        return str(kode or "—")


# --- registration and verification ------------------------------------------------------------------


def pendaftaran_per_status(mulai, sampai) -> Tabel:
    """Registrations existing at the period's end, by their status then and their bentuk usaha."""
    from registrasi.models import Pendaftaran

    _awal, akhir = rentang(mulai, sampai)
    status_list = list(Pendaftaran.Status.values)
    baris_data = (
        Pendaftaran.objects.filter(created_at__lt=akhir)
        # Without any status event (never the case through the services) the row's own status stands.
        .annotate(s=Coalesce(_status_pada(Pendaftaran, akhir), F("status")))
        .values("penyedia__bentuk_usaha__nama", "s")
        .annotate(n=Count("pk"))
        .order_by()
    )
    pivot: dict[str, Counter] = defaultdict(Counter)
    for r in baris_data:
        pivot[r["penyedia__bentuk_usaha__nama"]][r["s"]] += r["n"]
    tabel = Tabel(
        "pendaftaran_status",
        _("Pendaftaran penyedia per status pada akhir periode, per bentuk usaha"),
        [_("Bentuk usaha"), *[_label(Pendaftaran.Status, s) for s in status_list], _("Jumlah")],
    )
    total = Counter()
    for bentuk in sorted(pivot):
        angka = [pivot[bentuk][s] for s in status_list]
        total.update(pivot[bentuk])
        tabel.baris.append([bentuk, *angka, sum(angka)])
    tabel.baris.append([_("Jumlah"), *[total[s] for s in status_list], sum(total.values())])
    return tabel


ARUS_PENDAFTARAN = [
    ("diajukan", _("Diajukan (termasuk pengajuan ulang)")),
    ("diverifikasi", _("Diambil verifikator")),
    ("perlu_perbaikan", _("Dikembalikan untuk perbaikan")),
    ("disetujui", _("Disetujui")),
    ("ditolak", _("Ditolak")),
]


def arus_pendaftaran(mulai, sampai) -> Tabel:
    """Status changes of registrations that happened inside the period."""
    from registrasi.models import Pendaftaran

    awal, akhir = rentang(mulai, sampai)
    hitung = {
        r["ke"]: r
        for r in _peristiwa(Pendaftaran, awal, akhir)
        .filter(ke__in=[k for k, _l in ARUS_PENDAFTARAN])
        .values("ke")
        .annotate(peristiwa=Count("pk"), pendaftaran=Count("object_id", distinct=True))
        .order_by()
    }
    tabel = Tabel(
        "pendaftaran_arus",
        _("Perubahan status pendaftaran dalam periode"),
        [_("Perubahan"), _("Jumlah peristiwa"), _("Jumlah pendaftaran")],
    )
    for kode, label in ARUS_PENDAFTARAN:
        r = hitung.get(kode, {})
        tabel.baris.append([str(label), r.get("peristiwa", 0), r.get("pendaftaran", 0)])
    return tabel


def waktu_verifikasi(mulai, sampai) -> Tabel:
    """Turnaround of registrations decided in the period, in hours (calendar time, WITA):
    from the first submission, and from the last submission (the verifikator's own part)."""
    from registrasi.models import Pendaftaran

    awal, akhir = rentang(mulai, sampai)
    durasi: dict[str, dict[str, list[float]]] = {s: {"pertama": [], "terakhir": []} for s in ("disetujui", "ditolak")}
    for status, pertama, terakhir, putus in (
        Pendaftaran.objects.filter(
            diputuskan_at__gte=awal,
            diputuskan_at__lt=akhir,
            status__in=["disetujui", "ditolak"],
            diajukan_pertama_at__isnull=False,
        )
        .order_by("pk")
        .values_list("status", "diajukan_pertama_at", "antre_sejak", "diputuskan_at")
        .iterator(chunk_size=POTONGAN)
    ):
        durasi[status]["pertama"].append((putus - pertama).total_seconds() / 3600)
        durasi[status]["terakhir"].append((putus - (terakhir or pertama)).total_seconds() / 3600)
    tabel = Tabel(
        "waktu_verifikasi",
        _("Waktu penyelesaian verifikasi (jam) untuk pendaftaran yang diputuskan dalam periode"),
        [
            _("Keputusan"),
            _("Jumlah"),
            _("Median sejak pengajuan pertama"),
            _("P90 sejak pengajuan pertama"),
            _("Median sejak pengajuan terakhir"),
            _("P90 sejak pengajuan terakhir"),
        ],
        catatan=_("P90: 90% pendaftaran diputuskan dalam waktu ini atau lebih cepat."),
    )
    semua = {"pertama": [], "terakhir": []}
    for status in ("disetujui", "ditolak"):
        d = durasi[status]
        semua["pertama"] += d["pertama"]
        semua["terakhir"] += d["terakhir"]
        tabel.baris.append(_baris_durasi(_label(Pendaftaran.Status, status), d))
    tabel.baris.append(_baris_durasi(_("Semua"), semua))
    return tabel


def _baris_durasi(label, d) -> list:
    return [
        label,
        len(d["pertama"]),
        _bulat(persentil(d["pertama"], 0.5)),
        _bulat(persentil(d["pertama"], 0.9)),
        _bulat(persentil(d["terakhir"], 0.5)),
        _bulat(persentil(d["terakhir"], 0.9)),
    ]


USER_ID = [
    ("aktifkan_user_id", _("User ID penyedia diaktifkan (pendaftaran disetujui)")),
    ("nonaktifkan_user_id", _("User ID penyedia dinonaktifkan (sanksi daftar hitam)")),
    ("aktifkan_kembali_user_id", _("User ID penyedia diaktifkan kembali")),
]


def user_id(mulai, sampai) -> Tabel:
    from registrasi.models import Penyedia, PermohonanPejabat

    awal, akhir = rentang(mulai, sampai)
    hitung = dict(
        _peristiwa(Penyedia, awal, akhir)
        .filter(aksi__in=[k for k, _l in USER_ID])
        .values("aksi")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
        .values_list("aksi", "n")
    )
    pejabat = _peristiwa(PermohonanPejabat, awal, akhir).filter(ke="disetujui").count()
    tabel = Tabel("user_id", _("User ID yang diaktifkan dan dinonaktifkan dalam periode"), [_("Kejadian"), _("Jumlah")])
    for kode, label in USER_ID:
        tabel.baris.append([str(label), hitung.get(kode, 0)])
    tabel.baris.append([_("User ID pejabat pengadaan dibuat (permohonan disetujui)"), pejabat])
    return tabel


def permintaan_penonaktifan(mulai, sampai) -> Tabel:
    """Deactivation requests: filed, decided (by outcome) inside the period, open at its end."""
    from registrasi.models import PermintaanPenonaktifan as P

    awal, akhir = rentang(mulai, sampai)
    keputusan = dict(
        _peristiwa(P, awal, akhir)
        .filter(ke__in=["disetujui", "ditolak"])
        .values("ke")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
        .values_list("ke", "n")
    )
    masuk = P.objects.filter(created_at__gte=awal, created_at__lt=akhir).count()
    terbuka = (
        P.objects.filter(created_at__lt=akhir)
        .filter(Q(diputuskan_at__isnull=True) | Q(diputuskan_at__gte=akhir))
        .count()
    )
    return Tabel(
        "penonaktifan",
        _("Permintaan penonaktifan User ID dari PA/KPA/PPK/Pokja Pemilihan"),
        [_("Keadaan"), _("Jumlah")],
        [
            [_("Masuk dalam periode"), masuk],
            [_("Disetujui dalam periode"), keputusan.get("disetujui", 0)],
            [_("Ditolak dalam periode"), keputusan.get("ditolak", 0)],
            [_("Belum diputuskan pada akhir periode"), terbuka],
        ],
    )


def sanksi(mulai, sampai) -> Tabel:
    """Blacklist sanctions recorded in the period and in force on its last day, per violation."""
    from registrasi.models import JenisPelanggaran, SanksiDaftarHitam

    awal, akhir = rentang(mulai, sampai)
    dicatat = dict(
        SanksiDaftarHitam.objects.filter(created_at__gte=awal, created_at__lt=akhir)
        .values("jenis_pelanggaran")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("jenis_pelanggaran", "n")
    )
    # Status on the last day from the events: a sanction recorded as tayang and suspended later
    # still counts for a period before the suspension.
    berlaku = dict(
        SanksiDaftarHitam.objects.filter(created_at__lt=akhir, mulai__lte=sampai, selesai__gte=sampai)
        .annotate(s=Coalesce(_status_pada(SanksiDaftarHitam, akhir), Value(SanksiDaftarHitam.Status.TAYANG)))
        .filter(s=SanksiDaftarHitam.Status.TAYANG)
        .values("jenis_pelanggaran")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("jenis_pelanggaran", "n")
    )
    tabel = Tabel(
        "sanksi",
        _("Sanksi daftar hitam per jenis pelanggaran"),
        [_("Pelanggaran"), _("Dicatat dalam periode"), _("Berlaku pada hari terakhir periode")],
    )
    for jp in JenisPelanggaran.objects.filter(pk__in=set(dicatat) | set(berlaku)).order_by("urutan", "nama", "pk"):
        tabel.baris.append([jp.nama, dicatat.get(jp.pk, 0), berlaku.get(jp.pk, 0)])
    tabel.baris.append([_("Jumlah"), sum(dicatat.values()), sum(berlaku.values())])
    return tabel


# --- helpdesk --------------------------------------------------------------------------------------------


def _sla_tiket_selesai(awal, akhir) -> dict[tuple[str, int], list[int]]:
    """For each (jenis, kategori): [finished, with an SLA target, within target] over the tickets
    that reached `selesai` in the period. Each clock is computed from the ticket's own events up
    to its last `selesai` in the period, so a later reopening does not change a closed period."""
    from layanan.models import Tiket
    from layanan.sla import Batas, PenghitungSLA, hitung_sla, langkah_tiket

    penghitung = PenghitungSLA(sekarang=akhir)
    selesai_pada = dict(
        _peristiwa(Tiket, awal, akhir)
        .filter(ke=Tiket.Status.SELESAI)
        .values("object_id")
        .annotate(t=Max("created_at"))
        .order_by()
        .values_list("object_id", "t")
    )
    hasil: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    ids = sorted(selesai_pada)
    for i in range(0, len(ids), POTONGAN):
        potongan = ids[i : i + POTONGAN]
        tiket = {
            pk: (jenis, kategori_id, tingkat)
            for pk, jenis, kategori_id, tingkat in Tiket.objects.filter(pk__in=potongan).values_list(
                "pk", "jenis", "kategori_id", "tingkat"
            )
        }
        # Each clock up to the ticket's last `selesai` in the period.
        langkah = {
            pk: [lk for lk in daftar if lk.waktu <= selesai_pada[pk]]
            for pk, daftar in langkah_tiket(potongan, sebelum=akhir).items()
        }
        for pk in potongan:
            if pk not in tiket:
                continue
            jenis, kategori_id, tingkat = tiket[pk]
            baris = hasil[(jenis, kategori_id)]
            baris[0] += 1
            target = penghitung.target_untuk(_TiketRingan(jenis, kategori_id, tingkat))
            if target is None or (target.respons_jumlah is None and target.selesai_jumlah is None):
                continue
            keadaan = hitung_sla(
                langkah.get(pk, []),
                respons=Batas(target.respons_jumlah, target.respons_satuan)
                if target.respons_jumlah is not None
                else None,
                selesai=Batas(target.selesai_jumlah, target.selesai_satuan)
                if target.selesai_jumlah is not None
                else None,
                kalender=penghitung.kalender,
                sekarang=selesai_pada[pk],
            )
            if not keadaan.ada:
                continue
            baris[1] += 1
            if not keadaan.dilanggar:
                baris[2] += 1
    return hasil


@dataclass(frozen=True)
class _TiketRingan:
    """What PenghitungSLA.target_untuk reads of a ticket."""

    jenis: str
    kategori_id: int
    tingkat: str


def tiket(mulai, sampai) -> Tabel:
    """Tickets by type and category: received and finished in the period, and SLA compliance
    of the finished ones (both clocks within target, working time, paused while waiting)."""
    from layanan.models import KategoriTiket, Tiket

    awal, akhir = rentang(mulai, sampai)
    masuk = {
        (r["jenis"], r["kategori_id"]): r["n"]
        for r in Tiket.objects.filter(created_at__gte=awal, created_at__lt=akhir)
        .values("jenis", "kategori_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    sla = _sla_tiket_selesai(awal, akhir)
    kategori = {k.pk: k for k in KategoriTiket.objects.all()}
    urutan_jenis = list(Tiket.Jenis.values)
    kunci = sorted(
        set(masuk) | set(sla),
        key=lambda k: (
            urutan_jenis.index(k[0]) if k[0] in urutan_jenis else 99,
            kategori[k[1]].urutan if k[1] in kategori else 0,
            kategori[k[1]].nama if k[1] in kategori else "",
            k[1] or 0,
        ),
    )
    tabel = Tabel(
        "tiket",
        _("Tiket per jenis dan kategori, dengan kepatuhan SLA tiket yang selesai"),
        [
            _("Jenis"),
            _("Kategori"),
            _("Masuk"),
            _("Selesai"),
            _("Selesai dengan target SLA"),
            _("Memenuhi SLA"),
            _("Kepatuhan SLA (%)"),
        ],
        catatan=_(
            "Tiket selesai: mencapai status selesai dalam periode. SLA dihitung dalam jam kerja WITA "
            "dan berhenti selama menunggu pengguna atau LKPP."
        ),
    )
    total = [0, 0, 0, 0]
    for k in kunci:
        s = sla.get(k, [0, 0, 0])
        baris = [masuk.get(k, 0), s[0], s[1], s[2]]
        total = [a + b for a, b in zip(total, baris, strict=True)]
        nama_kat = kategori[k[1]].nama if k[1] in kategori else "—"
        tabel.baris.append([_label(Tiket.Jenis, k[0]), nama_kat, *baris, _persen(s[2], s[1])])
    tabel.baris.append([_("Jumlah"), "", *total, _persen(total[3], total[2])])
    return tabel


def _persen(bagian: int, keseluruhan: int):
    return round(100 * bagian / keseluruhan, 1) if keseluruhan else None


# --- trainings, SOPs, infrastructure --------------------------------------------------------------------


def pelatihan(mulai, sampai) -> Tabel:
    """Trainings that started in the period (not cancelled), by audience, with attendance."""
    from layanan.models import Pelatihan, PesertaPelatihan

    awal, akhir = rentang(mulai, sampai)
    latih = {
        r["sasaran"]: r
        for r in Pelatihan.objects.filter(mulai__gte=awal, mulai__lt=akhir, dibatalkan=False)
        .values("sasaran")
        .annotate(n=Count("pk"), kapasitas=Sum("kapasitas"))
        .order_by()
    }
    hadir = dict(
        PesertaPelatihan.objects.filter(
            pelatihan__mulai__gte=awal,
            pelatihan__mulai__lt=akhir,
            pelatihan__dibatalkan=False,
            hadir_pada__isnull=False,
            hadir_pada__lt=akhir,
        )
        .values("pelatihan__sasaran")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("pelatihan__sasaran", "n")
    )
    tabel = Tabel(
        "pelatihan",
        _("Pelatihan yang diselenggarakan dalam periode"),
        [_("Sasaran"), _("Pelatihan"), _("Kapasitas"), _("Peserta hadir")],
    )
    total = [0, 0, 0]
    for s in Pelatihan.Sasaran.values:
        if s not in latih and s not in hadir:
            continue
        r = latih.get(s, {})
        baris = [r.get("n", 0), r.get("kapasitas") or 0, hadir.get(s, 0)]
        total = [a + b for a, b in zip(total, baris, strict=True)]
        tabel.baris.append([_label(Pelatihan.Sasaran, s), *baris])
    tabel.baris.append([_("Jumlah"), *total])
    return tabel


def sop(mulai, sampai) -> Tabel:
    from sop.models import VersiSOP

    awal, akhir = rentang(mulai, sampai)
    tabel = Tabel(
        "sop",
        _("Versi SOP yang disetujui Pembina dalam periode"),
        [_("Kode"), _("Judul"), _("Versi"), _("Disetujui pada")],
    )
    for kode, judul, mayor, minor, pada in (
        VersiSOP.objects.filter(disetujui_pada__gte=awal, disetujui_pada__lt=akhir)
        .order_by("disetujui_pada", "pk")
        .values_list("sop__kode", "judul", "mayor", "minor", "disetujui_pada")
    ):
        tabel.baris.append([kode, judul, f"{mayor}.{minor}", pada.astimezone(WITA).strftime("%d-%m-%Y %H:%M")])
    return tabel


def insiden(mulai, sampai) -> Tabel:
    """Incidents that started in the period by service, and downtime inside the period."""
    from sistem.models import Insiden

    awal, akhir = rentang(mulai, sampai)
    hasil: dict[str, list] = defaultdict(lambda: [0, 0, 0.0])
    # Every incident overlapping the period: its downtime is clipped to the period.
    for layanan, terhenti, m, s in (
        Insiden.objects.bertumpang_tindih(awal, akhir)
        .filter(created_at__lt=akhir)
        .order_by("pk")
        .values_list("layanan", "layanan_terhenti", "mulai", "selesai")
    ):
        baris = hasil[layanan]
        if awal <= m < akhir:
            baris[0] += 1
        if s is None or s >= akhir:
            baris[1] += 1
        if terhenti:
            baris[2] += (min(s or akhir, akhir) - max(m, awal)).total_seconds() / 60
    tabel = Tabel(
        "insiden",
        _("Insiden per layanan"),
        [_("Layanan"), _("Insiden baru"), _("Belum selesai pada akhir periode"), _("Waktu henti (menit)")],
    )
    total = [0, 0, 0.0]
    for kode in Insiden.Layanan.values:
        if kode not in hasil:
            continue
        b = hasil[kode]
        total = [total[0] + b[0], total[1] + b[1], total[2] + b[2]]
        tabel.baris.append([_label(Insiden.Layanan, kode), b[0], b[1], round(b[2])])
    tabel.baris.append([_("Jumlah"), total[0], total[1], round(total[2])])
    return tabel


def cadangan(mulai, sampai) -> Tabel:
    from sistem.models import BackupRun

    awal, akhir = rentang(mulai, sampai)
    hitung = {
        (r["jenis"], r["status"]): r["n"]
        for r in BackupRun.objects.filter(started_at__gte=awal, started_at__lt=akhir)
        .values("jenis", "status")
        .annotate(n=Count("pk"))
        .order_by()
    }
    terakhir = (
        BackupRun.objects.filter(
            jenis=BackupRun.Jenis.CADANGAN,
            status=BackupRun.Status.BERHASIL,
            finished_at__lt=akhir,
        )
        .order_by("-finished_at", "-pk")
        .values_list("finished_at", flat=True)
        .first()
    )
    tabel = Tabel(
        "cadangan",
        _("Pencadangan dan uji pulih"),
        [_("Proses"), _("Berhasil"), _("Gagal")],
        catatan=_("Pencadangan berhasil terakhir sebelum akhir periode: %(t)s.")
        % {"t": terakhir.astimezone(WITA).strftime("%d-%m-%Y %H:%M") if terakhir else "—"},
    )
    for jenis in BackupRun.Jenis.values:
        tabel.baris.append(
            [
                _label(BackupRun.Jenis, jenis),
                hitung.get((jenis, BackupRun.Status.BERHASIL), 0),
                hitung.get((jenis, BackupRun.Status.GAGAL), 0),
            ]
        )
    return tabel


# --- the whole report ---------------------------------------------------------------------------------------


BAGIAN = [
    pendaftaran_per_status,
    arus_pendaftaran,
    waktu_verifikasi,
    user_id,
    permintaan_penonaktifan,
    sanksi,
    tiket,
    pelatihan,
    sop,
    insiden,
    cadangan,
]


def ringkasan(tabel: dict[str, Tabel]) -> Tabel:
    """The headline figures, taken from the detailed tables (never counted twice)."""

    def sel(kode, baris_label, kolom):
        t = tabel[kode]
        for b in t.baris:
            if b[0] == baris_label:
                return b[kolom]
        return None

    arus = {b[0]: b for b in tabel["pendaftaran_arus"].baris}
    tiket_total = tabel["tiket"].baris[-1]
    return Tabel(
        "ringkasan",
        _("Ringkasan"),
        [_("Ukuran"), _("Nilai")],
        [
            [_("Pendaftaran disetujui"), arus[str(ARUS_PENDAFTARAN[3][1])][2]],
            [_("Pendaftaran ditolak"), arus[str(ARUS_PENDAFTARAN[4][1])][2]],
            [_("Median waktu verifikasi sejak pengajuan pertama (jam)"), sel("waktu_verifikasi", _("Semua"), 2)],
            [_("P90 waktu verifikasi sejak pengajuan pertama (jam)"), sel("waktu_verifikasi", _("Semua"), 3)],
            [_("User ID penyedia dinonaktifkan"), tabel["user_id"].baris[1][1]],
            [_("Permintaan penonaktifan masuk"), tabel["penonaktifan"].baris[0][1]],
            [_("Sanksi daftar hitam berlaku pada hari terakhir"), tabel["sanksi"].baris[-1][2]],
            [_("Tiket masuk"), tiket_total[2]],
            [_("Tiket selesai"), tiket_total[3]],
            [_("Kepatuhan SLA (%)"), tiket_total[6]],
            [_("Pelatihan diselenggarakan"), tabel["pelatihan"].baris[-1][1]],
            [_("Peserta pelatihan hadir"), tabel["pelatihan"].baris[-1][3]],
            [_("Versi SOP disetujui"), len(tabel["sop"].baris)],
            [_("Insiden baru"), tabel["insiden"].baris[-1][1]],
            [_("Waktu henti layanan (menit)"), tabel["insiden"].baris[-1][3]],
            [_("Pencadangan berhasil"), tabel["cadangan"].baris[0][1]],
            [_("Pencadangan gagal"), tabel["cadangan"].baris[0][2]],
        ],
    )


def laporan_lpse(mulai, sampai) -> list[Tabel]:
    """Every table of the LPSE's periodic report, the summary first."""
    tabel = {t.kode: t for t in (fungsi(mulai, sampai) for fungsi in BAGIAN)}
    return [ringkasan(tabel), *tabel.values()]


# --- e-reporting for PA/KPA/PPK/Pokja Pemilihan/Pejabat Pengadaan (Lampiran IV.1.c) ------------------------


def _tgl(waktu) -> str:
    return waktu.astimezone(WITA).strftime("%d-%m-%Y") if waktu else ""


def ereporting_penonaktifan(mulai, sampai, user) -> Tabel:
    """The official's own deactivation requests filed in the period and their outcome."""
    from registrasi.models import PermintaanPenonaktifan as P

    awal, akhir = rentang(mulai, sampai)
    tabel = Tabel(
        "permintaan_anda",
        _("Permintaan penonaktifan yang Anda ajukan"),
        [_("Diajukan"), _("Penyedia"), _("Nomor SK"), _("Status pada akhir periode"), _("Diputuskan")],
    )
    for r in (
        P.objects.filter(pemohon=user, created_at__gte=awal, created_at__lt=akhir)
        .annotate(s=Coalesce(_status_pada(P, akhir), Value(P.Status.DIAJUKAN)))
        .order_by("created_at", "pk")
        .values("created_at", "nama_penyedia", "nomor_sk", "s", "diputuskan_at")
    ):
        diputuskan = r["diputuskan_at"] if r["diputuskan_at"] and r["diputuskan_at"] < akhir else None
        tabel.baris.append(
            [_tgl(r["created_at"]), r["nama_penyedia"], r["nomor_sk"], _label(P.Status, r["s"]), _tgl(diputuskan)]
        )
    return tabel


def ereporting_tiket(mulai, sampai, user) -> Tabel:
    """The official's own tickets received in the period, by type and status at its end."""
    from layanan.models import Tiket

    awal, akhir = rentang(mulai, sampai)
    hitung = Counter()
    for jenis, s in (
        Tiket.objects.filter(pelapor=user, created_at__gte=awal, created_at__lt=akhir)
        .annotate(s=Coalesce(_status_pada(Tiket, akhir), F("status")))
        .values_list("jenis", "s")
    ):
        hitung[(jenis, s)] += 1
    status_list = list(Tiket.Status.values)
    tabel = Tabel(
        "tiket_anda",
        _("Tiket yang Anda ajukan, per status pada akhir periode"),
        [_("Jenis"), *[_label(Tiket.Status, s) for s in status_list], _("Jumlah")],
    )
    for jenis in Tiket.Jenis.values:
        angka = [hitung[(jenis, s)] for s in status_list]
        if sum(angka):
            tabel.baris.append([_label(Tiket.Jenis, jenis), *angka, sum(angka)])
    return tabel


def ereporting_pelatihan(mulai, sampai, user) -> Tabel:
    """Trainings held in the period that officials of the user's perangkat daerah joined."""
    from layanan.models import PesertaPelatihan

    awal, akhir = rentang(mulai, sampai)
    pejabat = getattr(user, "pejabat", None)
    tabel = Tabel(
        "pelatihan_perangkat_daerah",
        _("Pelatihan yang diikuti pejabat perangkat daerah Anda"),
        [_("Pelatihan"), _("Tanggal"), _("Terdaftar"), _("Hadir")],
    )
    if pejabat is None:
        return tabel
    for r in (
        PesertaPelatihan.objects.aktif()
        .filter(
            user__pejabat__perangkat_daerah_id=pejabat.perangkat_daerah_id,
            pelatihan__mulai__gte=awal,
            pelatihan__mulai__lt=akhir,
            pelatihan__dibatalkan=False,
        )
        .values("pelatihan_id", "pelatihan__judul", "pelatihan__mulai")
        .annotate(n=Count("pk"), hadir=Count("pk", filter=Q(hadir_pada__isnull=False, hadir_pada__lt=akhir)))
        .order_by("pelatihan__mulai", "pelatihan_id")
    ):
        tabel.baris.append([r["pelatihan__judul"], _tgl(r["pelatihan__mulai"]), r["n"], r["hadir"]])
    return tabel


def ereporting_sanksi(mulai, sampai, user) -> Tabel:
    """Sanctions in force on the period's last day (public: the published blacklist), and the
    ones that came from the user's own requests."""
    from registrasi.models import SanksiDaftarHitam

    _awal, akhir = rentang(mulai, sampai)
    berlaku = (
        SanksiDaftarHitam.objects.filter(created_at__lt=akhir, mulai__lte=sampai, selesai__gte=sampai)
        .annotate(s=Coalesce(_status_pada(SanksiDaftarHitam, akhir), Value(SanksiDaftarHitam.Status.TAYANG)))
        .filter(s=SanksiDaftarHitam.Status.TAYANG)
    )
    tabel = Tabel(
        "sanksi_berlaku",
        _("Sanksi daftar hitam yang berlaku pada hari terakhir periode"),
        [_("Pelanggaran"), _("Semua penyedia"), _("Dari permintaan Anda")],
    )
    for r in (
        berlaku.values("jenis_pelanggaran__urutan", "jenis_pelanggaran__nama")
        .annotate(n=Count("pk"), milik=Count("pk", filter=Q(permintaan__pemohon=user)))
        .order_by("jenis_pelanggaran__urutan", "jenis_pelanggaran__nama")
    ):
        tabel.baris.append([r["jenis_pelanggaran__nama"], r["n"], r["milik"]])
    return tabel


def ereporting_registrasi(mulai, sampai, user) -> Tabel:
    """Vendor registration figures of the LPSE in the period (aggregates, no vendor named)."""
    arus = arus_pendaftaran(mulai, sampai)
    arus.kode = "registrasi_penyedia"
    arus.judul = _("Registrasi penyedia di LPSE dalam periode")
    return arus


def ereporting(mulai, sampai, user) -> list[Tabel]:
    """What concerns one official (Lampiran IV.1.c). Scope: the user's own requests and tickets,
    the trainings of their perangkat daerah's officials; the rest are public aggregates."""
    return [
        ereporting_penonaktifan(mulai, sampai, user),
        ereporting_tiket(mulai, sampai, user),
        ereporting_pelatihan(mulai, sampai, user),
        ereporting_sanksi(mulai, sampai, user),
        ereporting_registrasi(mulai, sampai, user),
    ]
