"""Cached aggregates of the dashboard and the open data, invalidated by the writes they read.

Each panel (and the open-data set) is one cache entry: its data, the local date it was
computed for, when it was computed, and the *version* of its sources at the time. A write to
a source model (post_save / post_delete, and every `lpse_portal.peristiwa` event, whose
subject names the model) gives the panels that read that model a new random version once the
transaction commits; the next read sees a different version and recomputes. Three more
things end an entry: a new local day (windows such as "the last 12 months" and "in force
today" move at midnight WITA), `TTL` seconds of age (a safety net for writes that bypass
signals: `QuerySet.update()`, bulk loads, a restore), and Redis' own expiry.

The version is read *before* computing: a write that lands during the computation leaves
the stored entry with the old version, so it is recomputed on the next read, never kept.
The SLA panel is the exception: it is not invalidated by ticket writes, only by the TTL
(see SUMBER). Only one process recomputes a stale entry at a time (`cache.add` lock); the others keep
serving the previous figures for those few hundred milliseconds instead of piling the same
aggregate queries onto PostgreSQL.
"""

import datetime
import logging
import secrets
from collections.abc import Callable

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

log = logging.getLogger(__name__)

TTL = 300  # seconds an entry is trusted without any write
KUNCI_HITUNG_DETIK = 60

# model label -> the cache entries computed from it
SUMBER: dict[str, tuple[str, ...]] = {
    "registrasi.pendaftaran": ("pendaftaran", "verifikasi", "data_terbuka"),
    "registrasi.penyedia": ("data_terbuka",),
    "registrasi.sanksidaftarhitam": ("sanksi", "data_terbuka"),
    "registrasi.jenispelanggaran": ("sanksi",),
    # Not "sla": its cold computation reads every recent ticket event (about 1-3 s at 200,000
    # tickets, docs/performance.md); recomputing it after every reply would keep a worker busy
    # all day. It follows the TTL (and a new day) only, so it may lag up to TTL seconds.
    "layanan.tiket": ("tiket", "data_terbuka"),
    "layanan.kategoritiket": ("tiket", "sla"),
    "layanan.targetsla": ("sla",),
    "layanan.pelatihan": ("pelatihan", "data_terbuka"),
    "layanan.pesertapelatihan": ("pelatihan", "data_terbuka"),
    "sop.sop": ("sop", "data_terbuka"),
    "sop.versisop": ("sop", "data_terbuka"),
    "sop.kategori": ("sop",),
    "sistem.cadangan": ("cadangan",),
    "sistem.backuprun": ("cadangan",),
}
SEMUA_ENTRI = tuple(sorted({k for daftar in SUMBER.values() for k in daftar}))


def _kunci_data(kode: str) -> str:
    return f"laporan:dasbor:{kode}"


def _kunci_versi(kode: str) -> str:
    return f"laporan:versi:{kode}"


def _kunci_hitung(kode: str) -> str:
    return f"laporan:hitung:{kode}"


def invalidasi(*kode: str) -> None:
    """Give the entries a new version now (callers inside a transaction: use `invalidasi_setelah_commit`)."""
    kode = kode or SEMUA_ENTRI
    try:
        cache.set_many({_kunci_versi(k): secrets.token_hex(8) for k in kode}, timeout=None)
    except Exception:  # noqa: BLE001 - a cache outage must not fail the write that got here
        # The figures then wait for their TTL; the write itself has committed.
        log.warning("Cache tidak terjangkau: angka dasbor %s baru diperbarui setelah TTL.", ",".join(kode))


def invalidasi_setelah_commit(*kode: str) -> None:
    # After commit: invalidating earlier would let a concurrent reader recompute from the
    # not-yet-committed state and store it under the new version.
    transaction.on_commit(lambda: invalidasi(*kode))


def _segar(entri, versi: str, hari_ini: datetime.date, sekarang: datetime.datetime) -> bool:
    return (
        entri is not None
        and entri["versi"] == versi
        and entri["tanggal"] == hari_ini.isoformat()
        and sekarang - entri["dihitung"] < datetime.timedelta(seconds=TTL)
    )


def ambil(hitung: dict[str, Callable[[datetime.date], dict]], hari_ini: datetime.date | None = None) -> dict:
    """{kode: data} for each entry, from the cache when fresh, else computed by `hitung[kode](hari_ini)`.
    One cache round trip for all of them when everything is fresh."""
    hari_ini = hari_ini or timezone.localdate()
    sekarang = timezone.now()
    kunci = [_kunci_data(k) for k in hitung] + [_kunci_versi(k) for k in hitung]
    try:
        ada = cache.get_many(kunci)
    except Exception:  # noqa: BLE001 - without a cache the page is slower, never broken
        log.warning("Cache tidak terjangkau: angka dasbor dihitung langsung dari basis data.")
        return {kode: fungsi(hari_ini) for kode, fungsi in hitung.items()}
    hasil = {}
    for kode, fungsi in hitung.items():
        versi = ada.get(_kunci_versi(kode), "0")
        entri = ada.get(_kunci_data(kode))
        if _segar(entri, versi, hari_ini, sekarang):
            hasil[kode] = entri["data"]
            continue
        dapat_kunci = cache.add(_kunci_hitung(kode), 1, timeout=KUNCI_HITUNG_DETIK)
        if not dapat_kunci and entri is not None:
            hasil[kode] = entri["data"]  # another process is recomputing it right now
            continue
        try:
            data = fungsi(hari_ini)
            cache.set(
                _kunci_data(kode),
                {"versi": versi, "tanggal": hari_ini.isoformat(), "dihitung": sekarang, "data": data},
                timeout=TTL * 2,
            )
        finally:
            if dapat_kunci:
                cache.delete(_kunci_hitung(kode))
        hasil[kode] = data
    return hasil


# --- signals ---------------------------------------------------------------------------------------


def _saat_model_berubah(sender, **kwargs):
    kode = SUMBER.get(sender._meta.label_lower)
    if kode:
        invalidasi_setelah_commit(*kode)


def _saat_peristiwa(sender, instance, created=False, **kwargs):
    """Every workflow step writes an event: its subject's model says which entries it touches
    (an SLA breach flag changes no ticket row, only adds an event)."""
    if not created:
        return
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_id(instance.content_type_id)
    kode = SUMBER.get(f"{ct.app_label}.{ct.model}")
    if kode:
        invalidasi_setelah_commit(*kode)


def pasang_sinyal() -> None:
    """Connect the invalidation receivers (from LaporanConfig.ready)."""
    for label in SUMBER:
        model = apps.get_model(label)
        post_save.connect(_saat_model_berubah, sender=model, dispatch_uid=f"laporan-dasbor-simpan-{label}")
        post_delete.connect(_saat_model_berubah, sender=model, dispatch_uid=f"laporan-dasbor-hapus-{label}")
    post_save.connect(
        _saat_peristiwa, sender=apps.get_model("lpse_portal.peristiwa"), dispatch_uid="laporan-dasbor-peristiwa"
    )
