"""Capacity readings for admin_sistem (SOP VI.e, pemeliharaan kinerja dan kapasitas):
database size, documents size, free disk, queue length — each against a threshold."""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from lpse_portal.health import GAGAL, OK, PERINGATAN

GB = 1024**3
# Overridable in settings as SISTEM_AMBANG_KAPASITAS = {...}.
AMBANG = {
    "db_peringatan_gb": 50,
    "dokumen_peringatan_gb": 200,
    "disk_bebas_peringatan_persen": 20,
    "disk_bebas_gagal_persen": 10,
    "antrean_peringatan": 100,
    "antrean_gagal": 1000,
}


@dataclass(frozen=True)
class Bacaan:
    nama: str
    nilai: str
    status: str
    keterangan: str = ""


def ambang() -> dict:
    return {**AMBANG, **getattr(settings, "SISTEM_AMBANG_KAPASITAS", {})}


def ukuran_basis_data() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT pg_database_size(current_database())")
            return c.fetchone()[0]
    path = Path(connection.settings_dict["NAME"])
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def ukuran_folder(folder: Path) -> int:
    total = 0
    for akar, _folder, berkas in os.walk(folder):
        for nama in berkas:
            try:
                total += os.lstat(os.path.join(akar, nama)).st_size
            except OSError:
                continue
    return total


def ukuran_dokumen() -> int:
    """Walking MEDIA_ROOT is slow on a large archive: cached for ten minutes."""
    kunci = f"sistem:ukuran-dokumen:{settings.MEDIA_ROOT}"
    nilai = cache.get(kunci)
    if nilai is None:
        nilai = ukuran_folder(Path(settings.MEDIA_ROOT))
        cache.set(kunci, nilai, 600)
    return nilai


def panjang_antrean(nama: str = "celery") -> int:
    """Messages waiting in the Celery queue: Redis LLEN, or files in the filesystem broker."""
    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem"):
        folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        return sum(1 for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0
    import redis

    klien = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        return int(klien.llen(nama))
    finally:
        klien.close()


def _disk(nama: str, folder: Path, a: dict) -> Bacaan:
    folder.mkdir(parents=True, exist_ok=True)
    pakai = shutil.disk_usage(folder)
    persen = 100 * pakai.free / pakai.total
    status = (
        GAGAL
        if persen < a["disk_bebas_gagal_persen"]
        else PERINGATAN
        if persen < a["disk_bebas_peringatan_persen"]
        else OK
    )
    return Bacaan(
        nama,
        _("%(bebas)s bebas dari %(total)s (%(persen).0f%%)")
        % {"bebas": filesizeformat(pakai.free), "total": filesizeformat(pakai.total), "persen": persen},
        status,
        _("Peringatan di bawah %(p)d%%, kritis di bawah %(g)d%%.")
        % {"p": a["disk_bebas_peringatan_persen"], "g": a["disk_bebas_gagal_persen"]},
    )


def baca_kapasitas() -> list[Bacaan]:
    a = ambang()
    db = ukuran_basis_data()
    dok = ukuran_dokumen()
    hasil = [
        Bacaan(
            _("Ukuran basis data"),
            filesizeformat(db),
            PERINGATAN if db > a["db_peringatan_gb"] * GB else OK,
            _("Peringatan di atas %(n)d GB.") % {"n": a["db_peringatan_gb"]},
        ),
        Bacaan(
            _("Ukuran dokumen"),
            filesizeformat(dok),
            PERINGATAN if dok > a["dokumen_peringatan_gb"] * GB else OK,
            _("Peringatan di atas %(n)d GB.") % {"n": a["dokumen_peringatan_gb"]},
        ),
        _disk(_("Ruang disk dokumen (MEDIA_ROOT)"), Path(settings.MEDIA_ROOT), a),
        _disk(_("Ruang disk cadangan (BACKUP_DIR)"), Path(settings.BACKUP_DIR), a),
    ]
    try:
        n = panjang_antrean()
    except Exception as e:  # noqa: BLE001 - a broker outage is a reading too
        hasil.append(Bacaan(_("Antrean tugas"), _("tidak terbaca"), GAGAL, type(e).__name__))
    else:
        status = GAGAL if n >= a["antrean_gagal"] else PERINGATAN if n >= a["antrean_peringatan"] else OK
        hasil.append(
            Bacaan(
                _("Antrean tugas"),
                _("%(n)d tugas menunggu") % {"n": n},
                status,
                _("Peringatan dari %(p)d, kritis dari %(g)d tugas.")
                % {"p": a["antrean_peringatan"], "g": a["antrean_gagal"]},
            )
        )
    return hasil
