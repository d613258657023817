"""Copies of finished backups on S3-compatible object storage (django-storages), optional.

`BACKUP_STORAGE` in settings is a STORAGES-style dict ({"BACKEND": ..., "OPTIONS": {...}});
unset, backups stay in BACKUP_DIR only. The code speaks Django's Storage API, so any backend
works; the manifest is uploaded last, so a folder without manifest.json is incomplete.
"""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils.module_loading import import_string

from sistem.mesin_cadangan import MANIFEST, Catatan, GagalCadangan


def penyimpanan():
    conf = getattr(settings, "BACKUP_STORAGE", None)
    if not conf:
        return None
    return import_string(conf["BACKEND"])(**conf.get("OPTIONS", {}))


def unggah(folder: Path, manifest: dict, storage, log: Catatan) -> None:
    nama = manifest["nama"]
    for berkas in [*(b["nama"] for b in manifest["berkas"]), MANIFEST]:
        kunci = f"{nama}/{berkas}"
        if storage.exists(kunci):
            storage.delete(kunci)
        with open(folder / berkas, "rb") as f:
            storage.save(kunci, File(f, name=berkas))
    log(f"disalin ke penyimpanan objek: {nama}/")


def unduh(nama: str, storage, tujuan: Path, log: Catatan) -> Path:
    import json

    if not storage.exists(f"{nama}/{MANIFEST}"):
        raise GagalCadangan(f"Cadangan {nama} tidak ada (atau tidak lengkap) di penyimpanan objek.")
    folder = tujuan / nama
    folder.mkdir(parents=True, exist_ok=True)
    with storage.open(f"{nama}/{MANIFEST}", "rb") as f:
        isi = f.read()
    (folder / MANIFEST).write_bytes(isi)
    for b in json.loads(isi)["berkas"]:
        with storage.open(f"{nama}/{b['nama']}", "rb") as sumber, open(folder / b["nama"], "wb") as tuju:
            while blok := sumber.read(1024 * 1024):
                tuju.write(blok)
    log(f"diunduh dari penyimpanan objek: {nama}/")
    return folder


def hapus(nama: str, manifest: dict, storage) -> None:
    # Manifest first: an interrupted deletion leaves an incomplete folder, never a "good" one.
    for berkas in [MANIFEST, *(b["nama"] for b in manifest["berkas"])]:
        kunci = f"{nama}/{berkas}"
        if storage.exists(kunci):
            storage.delete(kunci)
