"""The live aggregates of the staff dashboard (issue 7.1; Pergub Lampiran II.2.a and II.3.b.4:
the LPSE and its Sekretariat control, evaluate and report).

Each panel is a function `hari_ini -> dict` that reads the other apps (laporan writes nothing
of theirs) with a fixed number of aggregate queries, whatever the number of rows: counts are
GROUP BY in SQL, the turnaround percentiles are PostgreSQL's `percentile_cont` (computed in
Python on the embedded SQLite default, same definition). The results are plain JSON-able data
(the template draws a table from them, static/laporan/dasbor.js a chart), cached by
laporan.cache_dasbor.

A panel's dict: {"kode", "judul", "keterangan", "ringkasan": [[label, value], ...],
"bagian": [{"id", "judul", "grafik": chart spec or None, "kolom": [...], "baris": [[...], ...]}]}.
A chart spec: {"jenis": "bar"|"line"|"doughnut", "label": [...], "seri": [{"label", "data"}],
"tumpuk": bool, "horizontal": bool, "satuan": str}.
"""

import datetime
import math

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from laporan import cache_dasbor
from lpse_portal.akses import peran
from organisasi.peran import PERAN_STAF

BULAN = 12
PIMPINAN = ("pembina", "kepala_lpse", "sekretaris")

# Which role sees which panel; the Pembina, the Kepala LPSE and the Sekretaris see all of them
# (they control and evaluate every unit). A coordinator holds their unit's role too.
PANEL_PERAN: dict[str, tuple[str, ...]] = {
    "pendaftaran": ("verifikator",),
    "verifikasi": ("verifikator",),
    "sanksi": ("verifikator",),
    "tiket": ("layanan",),
    "sla": ("layanan",),
    "pelatihan": ("layanan",),
    "sop": PERAN_STAF,
    "cadangan": ("admin_sistem",),
}
URUTAN_PANEL = tuple(PANEL_PERAN)


def panel_untuk(user) -> list[str]:
    milik = peran(user)
    if milik & set(PIMPINAN):
        return list(URUTAN_PANEL)
    return [kode for kode in URUTAN_PANEL if milik & set(PANEL_PERAN[kode])]


def data_dasbor(user, hari_ini: datetime.date | None = None) -> list[dict]:
    """The panels this user sees, in order."""
    kode_list = panel_untuk(user)
    hasil = cache_dasbor.ambil({k: HITUNG[k] for k in kode_list}, hari_ini)
    return [hasil[k] for k in kode_list]


# --- time windows ----------------------------------------------------------------------------------


def bulan_terakhir(hari_ini: datetime.date, n: int = BULAN) -> list[datetime.date]:
    """The first days of the last `n` months, the current one included, oldest first."""
    tahun, bulan = hari_ini.year, hari_ini.month
    hasil = []
    for _i in range(n):
        hasil.append(datetime.date(tahun, bulan, 1))
        bulan -= 1
        if bulan == 0:
            tahun, bulan = tahun - 1, 12
    return hasil[::-1]


def awal_lokal(tanggal: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time()))


def _kunci_bulan(nilai) -> str:
    """'YYYY-MM' of a TruncMonth value (a local-time datetime) or a date."""
    if isinstance(nilai, datetime.datetime):
        nilai = timezone.localtime(nilai) if timezone.is_aware(nilai) else nilai
    return f"{nilai.year:04d}-{nilai.month:02d}"


def _label_bulan(bulan: list[datetime.date]) -> list[str]:
    return [date_format(b, "M Y") for b in bulan]


def _persen(bagian: int, total: int) -> float | None:
    return round(100 * bagian / total, 1) if total else None


# --- percentiles -------------------------------------------------------------------------------


class PersentilKontinu(Aggregate):
    """PostgreSQL's percentile_cont(f) WITHIN GROUP (ORDER BY expr): linear interpolation."""

    function = "PERCENTILE_CONT"
    name = "PersentilKontinu"
    template = "%(function)s(%(fraksi)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraksi: float, **extra):
        # A literal in the SQL, never user input: the fraction is one of this module's constants.
        super().__init__(expression, fraksi=repr(float(fraksi)), **extra)


def persentil(nilai: list[float], fraksi: float) -> float | None:
    """The same definition as percentile_cont, for SQLite: position f·(n−1), interpolated."""
    if not nilai:
        return None
    urut = sorted(nilai)
    posisi = fraksi * (len(urut) - 1)
    bawah, atas = math.floor(posisi), math.ceil(posisi)
    return urut[bawah] + (urut[atas] - urut[bawah]) * (posisi - bawah)


def _jam(durasi) -> float | None:
    if durasi is None:
        return None
    detik = durasi.total_seconds() if isinstance(durasi, datetime.timedelta) else float(durasi)
    return round(detik / 3600, 1)


# --- panels ------------------------------------------------------------------------------------


def panel_pendaftaran(hari_ini: datetime.date) -> dict:
    """Registrations by current status, and those started in each of the last 12 months by status."""
    from registrasi.models import Pendaftaran

    status_list = list(Pendaftaran.Status)
    per_status = dict(Pendaftaran.objects.order_by().values_list("status").annotate(n=Count("id")))
    bulan = bulan_terakhir(hari_ini)
    indeks = {_kunci_bulan(b): i for i, b in enumerate(bulan)}
    matriks = {s.value: [0] * len(bulan) for s in status_list}
    baris_bulan = (
        Pendaftaran.objects.filter(created_at__gte=awal_lokal(bulan[0]))
        .annotate(bulan=TruncMonth("created_at"))
        .order_by()
        .values_list("bulan", "status")
        .annotate(n=Count("id"))
    )
    for b, status, n in baris_bulan:
        i = indeks.get(_kunci_bulan(b))
        if i is not None:
            matriks[status][i] += n
    label = _label_bulan(bulan)
    total = sum(per_status.values())
    return {
        "kode": "pendaftaran",
        "judul": _("Pendaftaran penyedia"),
        "keterangan": _("Status terkini setiap pendaftaran, dan pendaftaran yang dibuat pada 12 bulan terakhir."),
        "ringkasan": [
            [_("Seluruh pendaftaran"), total],
            [_("Menunggu verifikasi"), per_status.get("diajukan", 0) + per_status.get("diverifikasi", 0)],
        ],
        "bagian": [
            {
                "id": "pendaftaran-status",
                "judul": _("Menurut status"),
                "grafik": {
                    "jenis": "doughnut",
                    "label": [str(s.label) for s in status_list],
                    "seri": [{"label": _("Pendaftaran"), "data": [per_status.get(s.value, 0) for s in status_list]}],
                },
                "kolom": [_("Status"), _("Jumlah")],
                "baris": [[str(s.label), per_status.get(s.value, 0)] for s in status_list],
            },
            {
                "id": "pendaftaran-bulan",
                "judul": _("Dibuat per bulan, menurut status terkini"),
                "grafik": {
                    "jenis": "bar",
                    "tumpuk": True,
                    "label": label,
                    "seri": [{"label": str(s.label), "data": matriks[s.value]} for s in status_list],
                },
                "kolom": [_("Bulan"), *[str(s.label) for s in status_list], _("Jumlah")],
                "baris": [
                    [label[i], *[matriks[s.value][i] for s in status_list], sum(matriks[s][i] for s in matriks)]
                    for i in range(len(bulan))
                ],
            },
        ],
    }


def _durasi_verifikasi():
    return ExpressionWrapper(F("diputuskan_at") - F("diajukan_pertama_at"), output_field=DurationField())


def waktu_verifikasi(hari_ini: datetime.date) -> tuple[dict[str, dict], dict]:
    """Per month of decision and over the whole window: n, median and p90 in hours.

    Turnaround runs from the first submission (the `ajukan` event; `diajukan_pertama_at`) to
    the decision (`setujui` or `tolak`; `diputuskan_at`), both set by the same service steps
    that write those events. Time the vendor spent fixing a returned file is included: it is
    what the vendor waits from first submission to an answer.
    """
    from registrasi.models import Pendaftaran

    bulan = bulan_terakhir(hari_ini)
    qs = Pendaftaran.objects.filter(
        status__in=[Pendaftaran.Status.DISETUJUI, Pendaftaran.Status.DITOLAK],
        diputuskan_at__gte=awal_lokal(bulan[0]),
        diajukan_pertama_at__isnull=False,
    ).order_by()
    if connection.vendor == "postgresql":
        durasi = _durasi_verifikasi()
        per_bulan = {
            _kunci_bulan(r["bulan"]): {"n": r["n"], "median": _jam(r["median"]), "p90": _jam(r["p90"])}
            for r in qs.annotate(bulan=TruncMonth("diputuskan_at"))
            .values("bulan")
            .annotate(
                n=Count("id"),
                median=PersentilKontinu(durasi, 0.5, output_field=DurationField()),
                p90=PersentilKontinu(durasi, 0.9, output_field=DurationField()),
            )
        }
        r = qs.aggregate(
            n=Count("id"),
            median=PersentilKontinu(durasi, 0.5, output_field=DurationField()),
            p90=PersentilKontinu(durasi, 0.9, output_field=DurationField()),
        )
        semua = {"n": r["n"], "median": _jam(r["median"]), "p90": _jam(r["p90"])}
        return per_bulan, semua
    return waktu_verifikasi_python(qs)


def waktu_verifikasi_python(qs) -> tuple[dict[str, dict], dict]:
    """The fallback of the embedded SQLite default (no percentile_cont there)."""
    kelompok: dict[str, list[float]] = {}
    semua: list[float] = []
    for diajukan, diputuskan in qs.values_list("diajukan_pertama_at", "diputuskan_at"):
        detik = (diputuskan - diajukan).total_seconds()
        kelompok.setdefault(_kunci_bulan(timezone.localtime(diputuskan)), []).append(detik)
        semua.append(detik)

    def ringkas(nilai):
        return {"n": len(nilai), "median": _jam(persentil(nilai, 0.5)), "p90": _jam(persentil(nilai, 0.9))}

    return {k: ringkas(v) for k, v in kelompok.items()}, ringkas(semua)


def panel_verifikasi(hari_ini: datetime.date) -> dict:
    bulan = bulan_terakhir(hari_ini)
    per_bulan, semua = waktu_verifikasi(hari_ini)
    label = _label_bulan(bulan)
    kosong = {"n": 0, "median": None, "p90": None}
    deret = [per_bulan.get(_kunci_bulan(b), kosong) for b in bulan]
    return {
        "kode": "verifikasi",
        "judul": _("Lama verifikasi pendaftaran"),
        "keterangan": _(
            "Dari pengajuan pertama sampai keputusan (disetujui atau ditolak), dalam jam, per bulan keputusan; "
            "termasuk waktu perbaikan oleh penyedia."
        ),
        "ringkasan": [
            [_("Keputusan 12 bulan terakhir"), semua["n"]],
            [_("Median (jam)"), semua["median"]],
            [_("Persentil ke-90 (jam)"), semua["p90"]],
        ],
        "bagian": [
            {
                "id": "verifikasi-bulan",
                "judul": _("Median dan persentil ke-90 per bulan"),
                "grafik": {
                    "jenis": "line",
                    "satuan": _("jam"),
                    "label": label,
                    "seri": [
                        {"label": _("Median"), "data": [d["median"] for d in deret]},
                        {"label": _("Persentil ke-90"), "data": [d["p90"] for d in deret]},
                    ],
                },
                "kolom": [_("Bulan"), _("Keputusan"), _("Median (jam)"), _("Persentil ke-90 (jam)")],
                "baris": [[label[i], d["n"], d["median"], d["p90"]] for i, d in enumerate(deret)],
            }
        ],
    }


def panel_tiket(hari_ini: datetime.date) -> dict:
    """Tickets opened in the last 12 months by category (rows) and type (stacks)."""
    from layanan.models import KategoriTiket, Tiket

    bulan = bulan_terakhir(hari_ini)
    jenis_list = list(Tiket.Jenis)
    kategori = list(KategoriTiket.objects.order_by("urutan", "nama").values_list("pk", "nama"))
    hitung = {
        (k, j): n
        for k, j, n in Tiket.objects.filter(created_at__gte=awal_lokal(bulan[0]))
        .order_by()
        .values_list("kategori_id", "jenis")
        .annotate(n=Count("id"))
    }
    terbuka = Tiket.objects.terbuka().count()
    total = sum(hitung.values())
    return {
        "kode": "tiket",
        "judul": _("Tiket layanan"),
        "keterangan": _("Tiket yang dibuat pada 12 bulan terakhir, menurut kategori dan jenis."),
        "ringkasan": [[_("Tiket 12 bulan terakhir"), total], [_("Tiket terbuka saat ini"), terbuka]],
        "bagian": [
            {
                "id": "tiket-kategori",
                "judul": _("Menurut kategori dan jenis"),
                "grafik": {
                    "jenis": "bar",
                    "tumpuk": True,
                    "horizontal": True,
                    "label": [nama for _pk, nama in kategori],
                    "seri": [
                        {"label": str(j.label), "data": [hitung.get((pk, j.value), 0) for pk, _n in kategori]}
                        for j in jenis_list
                    ],
                },
                "kolom": [_("Kategori"), *[str(j.label) for j in jenis_list], _("Jumlah")],
                "baris": [
                    [
                        nama,
                        *[hitung.get((pk, j.value), 0) for j in jenis_list],
                        sum(hitung.get((pk, j.value), 0) for j in jenis_list),
                    ]
                    for pk, nama in kategori
                ],
            }
        ],
    }


def _target_sla():
    """(jenis, kategori_id, tingkat) -> (has a response target, has a resolution target),
    matched as layanan.sla.PenghitungSLA.target_untuk does: the most specific target wins."""
    from layanan.models import TargetSLA

    target = {
        (t.jenis, t.kategori_id, t.tingkat): (t.respons_jumlah is not None, t.selesai_jumlah is not None)
        for t in TargetSLA.objects.all()
    }

    def untuk(jenis, kategori_id, tingkat):
        for kunci in (
            (jenis, kategori_id, tingkat),
            (jenis, kategori_id, ""),
            (jenis, None, tingkat),
            (jenis, None, ""),
        ):
            if kunci in target:
                return target[kunci]
        return (False, False)

    return untuk


def kepatuhan_sla(hari_ini: datetime.date) -> dict[str, dict]:
    """Per month of resolution: tickets resolved, those with a target, those breached.

    A ticket counts in the month of its latest move to `selesai`. A clock counts as breached
    when the helpdesk's SLA check flagged it (`sla_dilanggar` event, layanan.services.sla),
    the same record the coordinator is e-mailed about. That check runs every 15 minutes over
    open tickets, so a clock that ran out less than 15 minutes before the ticket was resolved
    may escape the flag; recomputing every clock from events in Python would cost seconds at
    200,000 tickets (docs/performance.md).
    """
    from django.contrib.contenttypes.models import ContentType

    from layanan.models import Tiket
    from lpse_portal.models import Peristiwa

    bulan = bulan_terakhir(hari_ini)
    awal = awal_lokal(bulan[0])
    ct = ContentType.objects.get_for_model(Tiket)
    peristiwa = Peristiwa.objects.filter(content_type=ct, object_id=OuterRef("pk"))
    selesai_terakhir = peristiwa.filter(ke=Tiket.Status.SELESAI).order_by("-created_at").values("created_at")[:1]
    baris = (
        # updated_at >= awal is implied by a resolution in the window and lets the index
        # skip the tickets untouched since: only recent ones get the event subqueries.
        Tiket.objects.filter(status__in=[Tiket.Status.SELESAI, Tiket.Status.DITUTUP], updated_at__gte=awal)
        .annotate(waktu_selesai=Subquery(selesai_terakhir))
        .filter(waktu_selesai__gte=awal)
        .annotate(
            bulan=TruncMonth("waktu_selesai"),
            langgar_respons=Exists(peristiwa.filter(aksi="sla_dilanggar", data__jam="respons")),
            langgar_selesai=Exists(peristiwa.filter(aksi="sla_dilanggar", data__jam="selesai")),
        )
        .order_by()
        .values_list("bulan", "jenis", "kategori_id", "tingkat", "langgar_respons", "langgar_selesai")
        .annotate(n=Count("id"))
    )
    target = _target_sla()
    hasil = {
        _kunci_bulan(b): {
            "selesai": 0,
            "target_respons": 0,
            "langgar_respons": 0,
            "target_selesai": 0,
            "langgar_selesai": 0,
        }
        for b in bulan
    }
    for b, jenis, kategori_id, tingkat, lr, ls, n in baris:
        h = hasil.get(_kunci_bulan(b))
        if h is None:
            continue
        ada_respons, ada_selesai = target(jenis, kategori_id, tingkat)
        h["selesai"] += n
        if ada_respons:
            h["target_respons"] += n
            h["langgar_respons"] += n if lr else 0
        if ada_selesai:
            h["target_selesai"] += n
            h["langgar_selesai"] += n if ls else 0
    return hasil


def panel_sla(hari_ini: datetime.date) -> dict:
    bulan = bulan_terakhir(hari_ini)
    data = kepatuhan_sla(hari_ini)
    label = _label_bulan(bulan)
    deret = [data[_kunci_bulan(b)] for b in bulan]

    def tepat(d, jam):
        return _persen(d[f"target_{jam}"] - d[f"langgar_{jam}"], d[f"target_{jam}"])

    total = {k: sum(d[k] for d in deret) for k in deret[0]}
    return {
        "kode": "sla",
        "judul": _("Kepatuhan SLA tiket"),
        "keterangan": _(
            "Tiket yang diselesaikan per bulan: persentase yang respons pertamanya dan penyelesaiannya "
            "memenuhi target SLA (tiket tanpa target tidak dihitung). Diperbarui paling lama lima menit sekali."
        ),
        "ringkasan": [
            [_("Diselesaikan 12 bulan terakhir"), total["selesai"]],
            [_("Respons pertama tepat waktu (%)"), tepat(total, "respons")],
            [_("Penyelesaian tepat waktu (%)"), tepat(total, "selesai")],
        ],
        "bagian": [
            {
                "id": "sla-bulan",
                "judul": _("Persentase memenuhi SLA per bulan"),
                "grafik": {
                    "jenis": "line",
                    "satuan": "%",
                    "maks": 100,
                    "label": label,
                    "seri": [
                        {"label": _("Respons pertama"), "data": [tepat(d, "respons") for d in deret]},
                        {"label": _("Penyelesaian"), "data": [tepat(d, "selesai") for d in deret]},
                    ],
                },
                "kolom": [
                    _("Bulan"),
                    _("Diselesaikan"),
                    _("Dengan target respons"),
                    _("Respons terlambat"),
                    _("Respons tepat (%)"),
                    _("Dengan target penyelesaian"),
                    _("Penyelesaian terlambat"),
                    _("Penyelesaian tepat (%)"),
                ],
                "baris": [
                    [
                        label[i],
                        d["selesai"],
                        d["target_respons"],
                        d["langgar_respons"],
                        tepat(d, "respons"),
                        d["target_selesai"],
                        d["langgar_selesai"],
                        tepat(d, "selesai"),
                    ]
                    for i, d in enumerate(deret)
                ],
            }
        ],
    }


def panel_pelatihan(hari_ini: datetime.date) -> dict:
    """Sessions held (started, not cancelled) per month, with registered and attending participants."""
    from layanan.models import Pelatihan, PesertaPelatihan

    bulan = bulan_terakhir(hari_ini)
    sekarang = timezone.now()
    dasar = Pelatihan.objects.filter(dibatalkan=False)
    sesi = dict(
        dasar.filter(mulai__gte=awal_lokal(bulan[0]), mulai__lte=sekarang)
        .annotate(bulan=TruncMonth("mulai"))
        .order_by()
        .values_list("bulan")
        .annotate(n=Count("id"))
    )
    peserta = {
        b: (terdaftar, hadir)
        for b, terdaftar, hadir in PesertaPelatihan.objects.filter(
            pelatihan__dibatalkan=False, pelatihan__mulai__gte=awal_lokal(bulan[0]), pelatihan__mulai__lte=sekarang
        )
        .annotate(bulan=TruncMonth("pelatihan__mulai"))
        .order_by()
        .values_list("bulan")
        .annotate(
            terdaftar=Count("id", filter=Q(status=PesertaPelatihan.Status.TERDAFTAR)),
            hadir=Count("id", filter=Q(hadir_pada__isnull=False)),
        )
    }
    sesi = {_kunci_bulan(b): n for b, n in sesi.items()}
    peserta = {_kunci_bulan(b): v for b, v in peserta.items()}
    label = _label_bulan(bulan)
    deret = [(sesi.get(_kunci_bulan(b), 0), *peserta.get(_kunci_bulan(b), (0, 0))) for b in bulan]
    akan_datang = dasar.filter(mulai__gt=sekarang).count()
    return {
        "kode": "pelatihan",
        "judul": _("Pelatihan dan peserta"),
        "keterangan": _("Pelatihan yang sudah dimulai per bulan (tidak dibatalkan), peserta terdaftar dan yang hadir."),
        "ringkasan": [
            [_("Pelatihan 12 bulan terakhir"), sum(d[0] for d in deret)],
            [_("Peserta hadir"), sum(d[2] for d in deret)],
            [_("Pelatihan akan datang"), akan_datang],
        ],
        "bagian": [
            {
                "id": "pelatihan-bulan",
                "judul": _("Per bulan"),
                "grafik": {
                    "jenis": "bar",
                    "label": label,
                    "seri": [
                        {"label": _("Pelatihan"), "data": [d[0] for d in deret]},
                        {"label": _("Peserta terdaftar"), "data": [d[1] for d in deret]},
                        {"label": _("Peserta hadir"), "data": [d[2] for d in deret]},
                    ],
                },
                "kolom": [_("Bulan"), _("Pelatihan"), _("Peserta terdaftar"), _("Peserta hadir")],
                "baris": [[label[i], *d] for i, d in enumerate(deret)],
            }
        ],
    }


def panel_sanksi(hari_ini: datetime.date) -> dict:
    """Blacklist sanctions in force today, by violation; those ending within 30 days."""
    from registrasi.models import SanksiDaftarHitam

    berlaku = SanksiDaftarHitam.objects.berlaku_pada(hari_ini)
    per_jenis = list(
        berlaku.order_by()
        .values_list("jenis_pelanggaran__nama")
        .annotate(n=Count("id"))
        .order_by("-n", "jenis_pelanggaran__nama")
    )
    ringkas = berlaku.aggregate(
        total=Count("id"), berakhir=Count("id", filter=Q(selesai__lte=hari_ini + datetime.timedelta(days=30)))
    )
    akan = SanksiDaftarHitam.objects.filter(status=SanksiDaftarHitam.Status.TAYANG, mulai__gt=hari_ini).count()
    return {
        "kode": "sanksi",
        "judul": _("Sanksi daftar hitam aktif"),
        "keterangan": _("Sanksi yang tayang dan berlaku hari ini, menurut jenis pelanggaran."),
        "ringkasan": [
            [_("Sanksi aktif"), ringkas["total"]],
            [_("Berakhir dalam 30 hari"), ringkas["berakhir"]],
            [_("Tayang, belum mulai berlaku"), akan],
        ],
        "bagian": [
            {
                "id": "sanksi-jenis",
                "judul": _("Menurut jenis pelanggaran"),
                "grafik": {
                    "jenis": "bar",
                    "horizontal": True,
                    "label": [nama for nama, _n in per_jenis],
                    "seri": [{"label": _("Sanksi aktif"), "data": [n for _nama, n in per_jenis]}],
                }
                if per_jenis
                else None,
                "kolom": [_("Jenis pelanggaran"), _("Sanksi aktif")],
                "baris": [[nama, n] for nama, n in per_jenis],
            }
        ],
    }


def panel_sop(hari_ini: datetime.date) -> dict:
    """Coverage of the mandatory subjects (Lampiran VI), from sop.cakupan over SOPs in force
    (the same for every viewer: a draft is never counted or named here)."""
    from sop.cakupan import cakupan
    from sop.models import SOP

    baris_list = cakupan(hari_ini, wajib=True, sop_qs=SOP.objects.berlaku())
    label_warna = {
        "success": _("Terpenuhi"),
        "warning": _("Segera ditinjau"),
        "danger": _("Belum ada SOP berlaku atau tinjauan terlambat"),
    }
    urutan = ["success", "warning", "danger"]
    jumlah = {w: sum(1 for b in baris_list if b.warna == w) for w in urutan}
    return {
        "kode": "sop",
        "judul": _("Cakupan SOP wajib"),
        "keterangan": _("Pokok SOP wajib Lampiran VI Pergub NTB 6/2017 dan SOP yang berlaku untuk masing-masing."),
        "ringkasan": [
            [_("Pokok wajib"), len(baris_list)],
            [_("Pokok terpenuhi"), jumlah["success"]],
        ],
        "bagian": [
            {
                "id": "sop-cakupan",
                "judul": _("Keadaan pokok wajib"),
                "grafik": {
                    "jenis": "doughnut",
                    "warna": ["#198754", "#ffc107", "#dc3545"],
                    "label": [label_warna[w] for w in urutan],
                    "seri": [{"label": _("Pokok wajib"), "data": [jumlah[w] for w in urutan]}],
                },
                "kolom": [_("Pokok"), _("SOP berlaku"), _("Keadaan")],
                "baris": [
                    [b.kategori.nama, sum(1 for s in b.sop_list if s.versi), label_warna[b.warna]] for b in baris_list
                ],
            }
        ],
    }


def panel_cadangan(hari_ini: datetime.date) -> dict:
    """Backup state (sistem.services.status_backup) and the last ten runs."""
    from sistem.models import BackupRun
    from sistem.services.cadangan import status_backup

    status = status_backup()

    def waktu(nilai):
        return date_format(timezone.localtime(nilai), "j M Y H.i") if nilai else None

    terakhir = status["cadangan_terakhir"]
    runs = list(BackupRun.objects.order_by("-started_at", "-pk")[:10])
    return {
        "kode": "cadangan",
        "judul": _("Status cadangan"),
        "keterangan": str(status["pesan"]),
        "peringatan": bool(status["peringatan"]),
        "ringkasan": [
            [_("Cadangan terakhir"), waktu(terakhir.dibuat_at) if terakhir else None],
            [_("Terverifikasi terakhir"), waktu(status["terverifikasi_at"])],
        ],
        "bagian": [
            {
                "id": "cadangan-riwayat",
                "judul": _("Sepuluh proses terakhir"),
                "grafik": None,
                "kolom": [_("Jenis"), _("Status"), _("Mulai"), _("Lama (detik)")],
                "baris": [
                    [
                        str(r.get_jenis_display()),
                        str(r.get_status_display()),
                        waktu(r.started_at),
                        round(r.durasi.total_seconds()) if r.durasi else None,
                    ]
                    for r in runs
                ],
            }
        ],
    }


HITUNG = {
    "pendaftaran": panel_pendaftaran,
    "verifikasi": panel_verifikasi,
    "sanksi": panel_sanksi,
    "tiket": panel_tiket,
    "sla": panel_sla,
    "pelatihan": panel_pelatihan,
    "sop": panel_sop,
    "cadangan": panel_cadangan,
}
