"""The mechanics of a backup: dump, document archive, manifest, encryption, restore, verify.

No model is written here (services.cadangan records the runs); every function works on
folders and database settings dicts, so `restore` also works on a machine whose database
is still empty. A backup folder holds:

    database.dump   (PostgreSQL, pg_dump custom format)  or  database.sqlite3 (SQLite copy)
    dokumen.tar     the private documents (MEDIA_ROOT); not compressed: PDFs and scans are
                    already compressed, and gzip would only cost time
    manifest.json   versions, migration state, environment, row counts, files with size+sha256

With encryption each data file is stored as <name>.gpg; the manifest stays readable.
Everything is written into `.sementara-<nama>/` and renamed into place only when complete.
"""

import contextlib
import datetime
import errno
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DOKUMEN = "dokumen.tar"
AWALAN_SEMENTARA = ".sementara-"
BLOK = 1024 * 1024


class GagalCadangan(Exception):
    """A backup, verification or restore step failed; the message is for the operator."""


# --- small helpers -----------------------------------------------------------------------------


@dataclass
class Catatan:
    """The log of one run; its tail is stored on the BackupRun row."""

    baris: list[str] = field(default_factory=list)

    def __call__(self, pesan: str) -> None:
        self.baris.append(f"{timezone.localtime():%H:%M:%S} {pesan}")

    def ekor(self, batas: int = 4000) -> str:
        return "\n".join(self.baris)[-batas:]


def sha256_berkas(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while blok := f.read(BLOK):
            h.update(blok)
    return h.hexdigest()


def versi_portal() -> str:
    """`git describe` of the deployed tree, else the VERSION file, else 'tidak diketahui'."""
    root = Path(settings.BASE_DIR)
    try:
        hasil = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],  # noqa: S607 - git from PATH is intended
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return hasil.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    berkas = root / "VERSION"
    return berkas.read_text().strip() if berkas.exists() else "tidak diketahui"


def status_migrasi(connection) -> dict[str, list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    hasil: dict[str, list[str]] = {}
    for app, nama in sorted(MigrationRecorder(connection).applied_migrations()):
        hasil.setdefault(app, []).append(nama)
    return hasil


def migrasi_di_kode() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _ruang_habis(e: BaseException) -> bool:
    if isinstance(e, OSError) and e.errno == errno.ENOSPC:
        return True
    return "No space left on device" in str(e)


def pesan_galat(e: BaseException, folder: Path) -> str:
    if _ruang_habis(e):
        return (
            f"Ruang disk habis saat menulis ke {folder} (No space left on device). "
            "Kosongkan ruang atau pindahkan BACKUP_DIR."
        )
    return str(e) or type(e).__name__


def _jalankan(perintah: list[str], *, env: dict | None = None, log: Catatan | None = None) -> str:
    if log:
        log("$ " + " ".join(perintah))
    hasil = subprocess.run(perintah, env=env, capture_output=True, text=True)  # noqa: S603 - fixed tool paths
    if hasil.returncode != 0:
        pesan = (hasil.stderr or hasil.stdout).strip()
        raise GagalCadangan(f"{Path(perintah[0]).name} gagal (kode {hasil.returncode}): {pesan[-1500:]}")
    return hasil.stdout


# --- locks ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def kunci_proses(nama: str, *, tunggu: bool = False):
    """An exclusive lock per kind of run on this host (flock on BACKUP_DIR/.kunci-<nama>).

    The kernel releases it when the process dies, even by SIGKILL: a run still marked
    "berjalan" while nobody holds the lock was interrupted. Yields False if busy.
    """
    folder = Path(settings.BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f".kunci-{nama}", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if tunggu else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def bersihkan_sementara(folder: Path) -> list[str]:
    """Remove half-written backup folders left by an interrupted run (call under the lock)."""
    hapus = []
    if folder.is_dir():
        for p in folder.iterdir():
            if p.name.startswith(AWALAN_SEMENTARA):
                shutil.rmtree(p, ignore_errors=True)
                hapus.append(p.name)
    return hapus


# --- databases -----------------------------------------------------------------------------------


def mesin_dari(db: dict) -> str:
    engine = db["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite" in engine:
        return "sqlite"
    raise GagalCadangan(f"Mesin basis data {engine} tidak didukung oleh pencadangan.")


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict, nama: str | None = None) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return [*args, "-d", nama or db["NAME"]]


def _pg_connect(db: dict, nama: str | None = None):
    import psycopg2

    return psycopg2.connect(
        dbname=nama or db["NAME"],
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
    )


def biner_pg(nama: str) -> str:
    path = shutil.which(nama) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{nama}"))), None)
    if not path:
        raise GagalCadangan(f"{nama} tidak ditemukan; pasang paket postgresql-client.")
    return str(path)


def _versi_mayor_alat(alat: str) -> int:
    keluaran = _jalankan([alat, "--version"])  # "pg_dump (PostgreSQL) 15.20 (Debian …)"
    return int(keluaran.split(")")[1].strip().split(".")[0])


def _hitung_pg(cur) -> dict[str, int]:
    cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tabel = [r[0] for r in cur.fetchall()]
    hasil = {}
    for t in tabel:
        cur.execute(f'SELECT count(*) FROM "{t}"')  # noqa: S608 - catalogue names  # nosec B608
        hasil[t] = cur.fetchone()[0]
    return hasil


def _hitung_sqlite(path: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tabel = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        # Table names come from the database's own catalogue, never from input.
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tabel}  # noqa: S608  # nosec B608


def dump_postgresql(db: dict, keluar: Path, log: Catatan) -> dict:
    """pg_dump -Fc of one consistent snapshot; the row counts come from the same snapshot."""
    pg_dump = biner_pg("pg_dump")
    conn = _pg_connect(db)
    try:
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with conn.cursor() as cur:
            cur.execute("SHOW server_version")
            versi_server = cur.fetchone()[0]
            cur.execute("SELECT pg_export_snapshot()")
            snapshot = cur.fetchone()[0]
            mayor_server = int(versi_server.split(".")[0])
            mayor_alat = _versi_mayor_alat(pg_dump)
            if mayor_alat < mayor_server:
                raise GagalCadangan(
                    f"pg_dump versi {mayor_alat} lebih lama dari server PostgreSQL {versi_server}; "
                    f"pasang postgresql-client-{mayor_server}."
                )
            baris = _hitung_pg(cur)
            log(f"{len(baris)} tabel, {sum(baris.values())} baris pada snapshot {snapshot}")
            _jalankan(
                [pg_dump, "-Fc", "--snapshot", snapshot, "-f", str(keluar), *_pg_args(db)], env=_pg_env(db), log=log
            )
        conn.rollback()
    finally:
        conn.close()
    return {
        "mesin": "postgresql",
        "versi": versi_server,
        "versi_pg_dump": mayor_alat,
        "nama": db["NAME"],
        "tabel": baris,
    }


def dump_sqlite(db: dict, keluar: Path, log: Catatan) -> dict:
    """SQLite's online backup API: a consistent copy while the portal keeps running."""
    with contextlib.closing(sqlite3.connect(db["NAME"])) as sumber, contextlib.closing(sqlite3.connect(keluar)) as tuju:
        sumber.backup(tuju)
    baris = _hitung_sqlite(keluar)
    log(f"{len(baris)} tabel, {sum(baris.values())} baris disalin dengan backup API SQLite")
    return {"mesin": "sqlite", "versi": sqlite3.sqlite_version, "nama": Path(db["NAME"]).name, "tabel": baris}


def nama_berkas_db(mesin: str) -> str:
    return "database.dump" if mesin == "postgresql" else "database.sqlite3"


# --- documents -------------------------------------------------------------------------------------


def ringkas_folder(folder: Path) -> dict:
    """Count, size and one digest over (relative path, sha256) of every regular file."""
    h = hashlib.sha256()
    jumlah = ukuran = 0
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            rel = path.relative_to(folder).as_posix()
            h.update(f"{rel}\t{sha256_berkas(path)}\n".encode())
            jumlah += 1
            ukuran += path.stat().st_size
    return {"jumlah": jumlah, "ukuran": ukuran, "ringkasan": h.hexdigest()}


def arsipkan_dokumen(media: Path, keluar: Path, log: Catatan) -> dict:
    ringkasan = ringkas_folder(media)
    with tarfile.open(keluar, "w", format=tarfile.PAX_FORMAT) as tar:
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file() and not p.is_symlink()):
                tar.add(path, arcname=path.relative_to(media).as_posix(), recursive=False)
    log(f"{ringkasan['jumlah']} dokumen ({ringkasan['ukuran']} byte) diarsipkan")
    return ringkasan


def ekstrak_dokumen(arsip: Path, tujuan: Path) -> None:
    tujuan.mkdir(parents=True, exist_ok=True)
    with tarfile.open(arsip, "r") as tar:
        # The "data" filter refuses absolute paths, "..", links out of the folder and devices.
        tar.extractall(tujuan, filter="data")


# --- encryption ------------------------------------------------------------------------------------


def _gpg_env() -> dict:
    env = dict(os.environ)
    if getattr(settings, "BACKUP_GPG_HOME", ""):
        env["GNUPGHOME"] = str(settings.BACKUP_GPG_HOME)
    return env


def enkripsi(path: Path, penerima: str, log: Catatan) -> Path:
    gpg = shutil.which("gpg")
    if not gpg:
        raise GagalCadangan("BACKUP_GPG_RECIPIENT diatur tetapi gpg tidak terpasang (paket Debian: gnupg).")
    keluar = path.with_name(path.name + ".gpg")
    _jalankan(
        [gpg, "--batch", "--yes", "--trust-model", "always", "--recipient", penerima, "--output", str(keluar)]
        + ["--encrypt", str(path)],
        env=_gpg_env(),
        log=log,
    )
    path.unlink()
    return keluar


def dekripsi(path: Path, keluar: Path, log: Catatan) -> Path:
    gpg = shutil.which("gpg")
    if not gpg:
        raise GagalCadangan("Cadangan ini terenkripsi tetapi gpg tidak terpasang (paket Debian: gnupg).")
    _jalankan([gpg, "--batch", "--yes", "--output", str(keluar), "--decrypt", str(path)], env=_gpg_env(), log=log)
    return keluar


# --- making a backup ---------------------------------------------------------------------------------


def nama_cadangan(waktu: datetime.datetime) -> str:
    return f"lpse-{settings.ENVIRONMENT}-{timezone.localtime(waktu):%Y%m%d-%H%M%S}"


def buat_cadangan(*, tujuan: Path, nama: str, db: dict, connection, log: Catatan) -> tuple[Path, dict]:
    """Write a complete backup folder `tujuan/nama` and return it with its manifest.

    Nothing appears under `nama` until every file is written and checked: the work happens
    in `.sementara-<nama>` and a rename (atomic on one filesystem) publishes it.
    """
    tujuan.mkdir(parents=True, exist_ok=True)
    akhir = tujuan / nama
    if akhir.exists():
        raise GagalCadangan(f"Folder cadangan {akhir} sudah ada.")
    kerja = tujuan / f"{AWALAN_SEMENTARA}{nama}"
    kerja.mkdir()
    # A backup holds every KTP and NPWP scan: readable by the portal user only, whatever the umask.
    os.chmod(kerja, 0o700)
    try:
        mesin = mesin_dari(db)
        berkas_db = kerja / nama_berkas_db(mesin)
        info_db = dump_postgresql(db, berkas_db, log) if mesin == "postgresql" else dump_sqlite(db, berkas_db, log)
        dokumen = arsipkan_dokumen(Path(settings.MEDIA_ROOT), kerja / DOKUMEN, log)
        penerima = getattr(settings, "BACKUP_GPG_RECIPIENT", "")
        berkas = []
        for path in (berkas_db, kerja / DOKUMEN):
            isi = {"sha256_isi": sha256_berkas(path)} if penerima else {}
            if penerima:
                path = enkripsi(path, penerima, log)
            berkas.append({"nama": path.name, "ukuran": path.stat().st_size, "sha256": sha256_berkas(path), **isi})
        manifest = {
            "format": FORMAT,
            "nama": nama,
            "dibuat": timezone.now().isoformat(),
            "versi_portal": versi_portal(),
            "lingkungan": settings.ENVIRONMENT,
            "basis_data": info_db,
            "migrasi": status_migrasi(connection),
            "dokumen": dokumen,
            "berkas": berkas,
            "enkripsi": {"metode": "gpg", "penerima": penerima} if penerima else None,
        }
        with open(kerja / MANIFEST, "w") as f:
            json.dump(manifest, f, indent=2, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        for path in kerja.iterdir():
            os.chmod(path, 0o600)
        for b in berkas:  # what was written is what the manifest says
            if sha256_berkas(kerja / b["nama"]) != b["sha256"]:
                raise GagalCadangan(f"Berkas {b['nama']} berubah saat ditulis.")
        _fsync_folder(kerja)
        os.rename(kerja, akhir)
        _fsync_folder(tujuan)
    except BaseException:
        shutil.rmtree(kerja, ignore_errors=True)
        raise
    log(f"cadangan {nama} selesai: {sum(b['ukuran'] for b in berkas)} byte")
    return akhir, manifest


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ukuran_cadangan(manifest: dict) -> int:
    return sum(b["ukuran"] for b in manifest["berkas"])


# --- checking files --------------------------------------------------------------------------------------


def baca_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.exists():
        raise GagalCadangan(f"{path} tidak ada: folder ini bukan cadangan yang lengkap.")
    try:
        return json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as e:
        raise GagalCadangan(f"Berkas {MANIFEST} di {folder} rusak: {e}")


def periksa_berkas(folder: Path, manifest: dict, log: Catatan) -> None:
    """Every file present with the size and sha256 the manifest names; else name the file."""
    for b in manifest["berkas"]:
        path = folder / b["nama"]
        if not path.exists():
            raise GagalCadangan(f"Berkas {b['nama']} hilang dari cadangan {folder.name}.")
        ukuran = path.stat().st_size
        if ukuran != b["ukuran"]:
            raise GagalCadangan(
                f"Berkas {b['nama']} rusak: ukurannya {ukuran} byte, menurut manifest {b['ukuran']} byte."
            )
        if sha256_berkas(path) != b["sha256"]:
            raise GagalCadangan(f"Berkas {b['nama']} rusak: sha256 tidak cocok dengan manifest.")
        log(f"{b['nama']}: ukuran dan sha256 cocok")


def berkas_terbuka(folder: Path, manifest: dict, kerja: Path, log: Catatan) -> dict[str, Path]:
    """Paths of the plain files ('db', 'dokumen'), decrypting into `kerja` when needed."""
    hasil = {}
    for b in manifest["berkas"]:
        path = folder / b["nama"]
        if b["nama"].endswith(".gpg"):
            path = dekripsi(path, kerja / b["nama"].removesuffix(".gpg"), log)
            if sha256_berkas(path) != b["sha256_isi"]:
                raise GagalCadangan(f"Isi {b['nama']} setelah dekripsi tidak cocok dengan manifest.")
        hasil["dokumen" if path.name == DOKUMEN else "db"] = path
    return hasil


# --- restoring ---------------------------------------------------------------------------------------------


def pg_basis_ada(db: dict, nama: str) -> bool:
    conn = _pg_connect(db, "postgres")
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
            return cur.fetchone() is not None
    finally:
        conn.close()


def pg_buat_basis(db: dict, nama: str) -> None:
    from psycopg2 import sql

    conn = _pg_connect(db, "postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(sql.Identifier(nama)))
    finally:
        conn.close()


def pg_hapus_basis(db: dict, nama: str) -> None:
    from psycopg2 import sql

    conn = _pg_connect(db, "postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nama)))
    finally:
        conn.close()


def pg_daftar_basis(db: dict, awalan: str) -> list[str]:
    conn = _pg_connect(db, "postgres")
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [awalan])
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


def pulihkan_db(berkas_db: Path, mesin: str, target: dict, log: Catatan) -> None:
    """Load a dump into `target` (a DATABASES entry). PostgreSQL: one transaction, so a
    failed restore leaves the target as it was."""
    if mesin != mesin_dari(target):
        raise GagalCadangan(f"Cadangan {mesin} tidak dapat dipulihkan ke basis data {mesin_dari(target)}.")
    if mesin == "postgresql":
        if not pg_basis_ada(target, target["NAME"]):
            pg_buat_basis(target, target["NAME"])
            log(f"basis data {target['NAME']} dibuat")
        perintah = [biner_pg("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        perintah += ["--single-transaction", "--exit-on-error", *_pg_args(target), str(berkas_db)]
        _jalankan(perintah, env=_pg_env(target), log=log)
    else:
        Path(target["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        with (
            contextlib.closing(sqlite3.connect(berkas_db)) as sumber,
            contextlib.closing(sqlite3.connect(target["NAME"])) as tuju,
        ):
            sumber.backup(tuju)
        log(f"SQLite disalin ke {target['NAME']}")


def hitung_baris(target: dict) -> dict[str, int]:
    if mesin_dari(target) == "postgresql":
        conn = _pg_connect(target)
        try:
            with conn.cursor() as cur:
                return _hitung_pg(cur)
        finally:
            conn.close()
    return _hitung_sqlite(Path(target["NAME"]))


def pulihkan_dokumen(arsip: Path, tujuan: Path, log: Catatan) -> Path | None:
    """Extract beside `tujuan`, then swap: a failed extraction leaves the old folder untouched.
    The previous contents are kept as `<tujuan>.sebelum-pulih-<waktu>`; returns that path."""
    tujuan = tujuan.resolve()
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    cap = f"{timezone.localtime():%Y%m%d-%H%M%S}"
    baru = tujuan.with_name(f"{tujuan.name}.pulih-{cap}")
    try:
        ekstrak_dokumen(arsip, baru)
    except BaseException:
        shutil.rmtree(baru, ignore_errors=True)
        raise
    lama = None
    if tujuan.exists() and any(tujuan.iterdir()):
        lama = tujuan.with_name(f"{tujuan.name}.sebelum-pulih-{cap}")
        os.rename(tujuan, lama)
        log(f"isi lama {tujuan} dipindah ke {lama}")
    elif tujuan.exists():
        tujuan.rmdir()
    os.rename(baru, tujuan)
    log(f"dokumen dipulihkan ke {tujuan}")
    return lama


def verifikasi_folder(folder: Path, manifest: dict, db: dict, log: Catatan) -> dict:
    """Restore the backup into a scratch database and folder, compare with the manifest.

    Raises GagalCadangan naming what differs; returns a summary when everything matches.
    """
    periksa_berkas(folder, manifest, log)
    mesin = manifest["basis_data"]["mesin"]
    with tempfile.TemporaryDirectory(prefix="lpse-verifikasi-", dir=_folder_kerja()) as tmp:
        kerja = Path(tmp)
        terbuka = berkas_terbuka(folder, manifest, kerja, log)
        if mesin == "postgresql":
            if mesin_dari(db) != "postgresql":
                raise GagalCadangan("Verifikasi cadangan PostgreSQL membutuhkan server PostgreSQL.")
            awalan = f"{db['NAME'][:30]}_uji_pulih_"
            for sisa in pg_daftar_basis(db, awalan):  # left by an interrupted verification
                pg_hapus_basis(db, sisa)
            target = {**db, "NAME": awalan + uuid.uuid4().hex[:8]}
            pg_buat_basis(db, target["NAME"])
            log(f"basis data sementara {target['NAME']} dibuat")
        else:
            target = {**db, "NAME": str(kerja / "uji.sqlite3")}
        try:
            pulihkan_db(terbuka["db"], mesin, target, log)
            baris = hitung_baris(target)
        finally:
            if mesin == "postgresql":
                pg_hapus_basis(db, target["NAME"])
                log(f"basis data sementara {target['NAME']} dihapus")
        harapan = manifest["basis_data"]["tabel"]
        beda = [
            f"{t}: {baris.get(t, 'tidak ada')} baris, menurut manifest {n}"
            for t, n in sorted(harapan.items())
            if baris.get(t) != n
        ]
        beda += [f"{t}: tabel tidak ada di manifest" for t in sorted(set(baris) - set(harapan))]
        if beda:
            raise GagalCadangan("Jumlah baris hasil pemulihan berbeda dengan manifest: " + "; ".join(beda[:10]))
        log(f"{len(baris)} tabel, jumlah baris sama dengan manifest")
        dok = kerja / "dokumen"
        ekstrak_dokumen(terbuka["dokumen"], dok)
        ringkasan = ringkas_folder(dok)
        if ringkasan != manifest["dokumen"]:
            raise GagalCadangan(
                f"Dokumen hasil pemulihan berbeda dengan manifest: {ringkasan['jumlah']} berkas "
                f"(manifest {manifest['dokumen']['jumlah']}), ringkasan sha256 "
                f"{'cocok' if ringkasan['ringkasan'] == manifest['dokumen']['ringkasan'] else 'tidak cocok'}."
            )
        log(f"{ringkasan['jumlah']} dokumen cocok dengan manifest")
    return {"tabel": len(baris), "baris": sum(baris.values()), "dokumen": ringkasan["jumlah"]}


def _folder_kerja() -> Path:
    """Scratch space for decrypting and extracting, beside the backups (same disk budget)."""
    folder = Path(settings.BACKUP_DIR) / ".kerja"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def folder_kerja():
    with tempfile.TemporaryDirectory(prefix="lpse-pulih-", dir=_folder_kerja()) as tmp:
        yield Path(tmp)
