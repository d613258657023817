"""Faults end clearly, with nothing marked good that is not: a worker killed mid-backup, a
full disk."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection

from sistem import mesin_cadangan as mesin
from sistem import services
from sistem.models import BackupRun, Cadangan

pytestmark = pytest.mark.integrasi
ROOT = Path(django_settings.BASE_DIR)


def _folder_jadi(backup_dir: Path) -> list[str]:
    return sorted(p.name for p in backup_dir.iterdir() if not p.name.startswith("."))


def _url_basis_uji() -> str:
    d = connection.settings_dict
    return f"postgres://{d['USER']}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


def test_it_lists_nothing_as_good_when_the_worker_is_killed_mid_backup_and_the_next_run_succeeds(
    transactional_db, admin_sistem, dokumen, settings, tmp_path
):
    dokumen(jumlah=8, ukuran=8 * 1024 * 1024)  # 64 MB: the backup takes long enough to be caught
    backup_dir = Path(settings.BACKUP_DIR)
    env = dict(
        os.environ,
        DATABASE_URL=_url_basis_uji(),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        BACKUP_DIR=str(backup_dir),
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
    )
    env.setdefault("SECRET_KEY", "x" * 60)
    # Its own session, so the kill takes pg_dump too, as systemd does with the worker's cgroup.
    proses = subprocess.Popen(
        [sys.executable, "manage.py", "backup"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    batas = time.monotonic() + 60
    sementara = None
    while time.monotonic() < batas and proses.poll() is None:
        sementara = next((p for p in backup_dir.glob(".sementara-*") if any(p.iterdir())), None)
        if sementara:
            break
        time.sleep(0.005)
    assert sementara is not None, "pencadangan selesai sebelum sempat dihentikan"
    os.killpg(proses.pid, signal.SIGKILL)
    proses.wait(timeout=10)

    # Nothing is listed as good: no Cadangan row, no published folder, the run still open.
    assert not Cadangan.objects.exists()
    assert _folder_jadi(backup_dir) == []
    terhenti = BackupRun.objects.get()
    assert terhenti.status == BackupRun.Status.BERJALAN

    # The next look (health check / dashboard) closes the dead run as failed.
    assert services.status_backup()["peringatan"]
    terhenti.refresh_from_db()
    assert terhenti.status == BackupRun.Status.GAGAL
    assert "terhenti sebelum selesai" in terhenti.pesan

    # The next run cleans the half-written folder and succeeds (on fewer documents, for speed).
    for path in Path(settings.MEDIA_ROOT).rglob("dok-*.pdf"):
        path.unlink()
    run = services.jalankan_cadangan()
    assert run.status == BackupRun.Status.BERHASIL
    assert _folder_jadi(backup_dir) == [run.cadangan.nama]
    assert not list(backup_dir.glob(".sementara-*"))
    assert "sisa proses terhenti dibersihkan" in run.log
    assert services.verifikasi_cadangan().status == BackupRun.Status.BERHASIL


@contextlib.contextmanager
def _disk_kecil(folder: Path, ukuran: str = "1m"):
    """A tiny tmpfs (needs root); None where mounting is not allowed."""
    folder.mkdir(parents=True)
    hasil = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={ukuran}", "tmpfs", str(folder)], capture_output=True)
    if hasil.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_it_fails_clearly_when_the_disk_fills_up_and_keeps_nothing_half_written(
    db, admin_sistem, dokumen, settings, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    dokumen(jumlah=2, ukuran=1024 * 1024)  # 2 MB of documents for a 1 MB disk
    with _disk_kecil(tmp_path / "disk-penuh") as disk:
        if disk is None:
            # Not root: the archive writer raises what a full disk raises.
            import errno

            def penuh(*args, **kwargs):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(mesin, "arsipkan_dokumen", penuh)
            disk = tmp_path / "backup"
        settings.BACKUP_DIR = disk
        with django_capture_on_commit_callbacks(execute=True):
            run = services.jalankan_cadangan()
        assert run.status == BackupRun.Status.GAGAL
        assert "Ruang disk habis" in run.pesan, run.pesan
        assert not Cadangan.objects.exists()
        assert _folder_jadi(disk) == []
        assert not list(disk.glob(".sementara-*"))
    assert [m.to for m in mail.outbox] == [[admin_sistem.email]]
    assert "Ruang disk habis" in mail.outbox[0].body
