"""Backups prove themselves: restored into a new database with identical rows and files,
verified against their manifest, refused where a restore would be dangerous."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection

from lpse_portal.exceptions import TransisiTidakSah
from sistem import mesin_cadangan as mesin
from sistem import services
from sistem.models import BackupRun, Cadangan

pytestmark = pytest.mark.integrasi


def _folder(settings, cadangan) -> Path:
    return Path(settings.BACKUP_DIR) / cadangan.nama


def test_it_backs_up_postgresql_and_restores_into_a_new_database_with_identical_rows_and_files(
    transactional_db, admin_sistem, insiden_terbuka, dokumen, cadangan_baru, basis_baru, settings, tmp_path
):
    insiden_terbuka()
    dokumen(jumlah=4)
    sumber = mesin.hitung_baris(connection.settings_dict)
    assert sumber["sistem_insiden"] == 1
    cadangan = cadangan_baru()

    baru = basis_baru()
    dok_pulih = tmp_path / "dokumen-pulih"
    call_command("restore", cadangan.nama, database=baru, dokumen=str(dok_pulih), noinput=True)

    pulih = mesin.hitung_baris({**connection.settings_dict, "NAME": baru})
    # Identical, plus the backup's own run row, which the snapshot holds as "berjalan".
    assert pulih == {**sumber, "sistem_backuprun": sumber["sistem_backuprun"] + 1}
    assert pulih == cadangan.manifest["basis_data"]["tabel"]
    assert mesin.ringkas_folder(dok_pulih) == mesin.ringkas_folder(Path(settings.MEDIA_ROOT))
    for asli in Path(settings.MEDIA_ROOT).rglob("*.pdf"):
        assert (dok_pulih / asli.relative_to(settings.MEDIA_ROOT)).read_bytes() == asli.read_bytes()


def test_it_writes_a_manifest_with_versions_migrations_environment_and_checksums(db, cadangan_baru, dokumen, settings):
    dokumen(jumlah=2)
    cadangan = cadangan_baru()
    manifest = json.loads((_folder(settings, cadangan) / "manifest.json").read_text())
    assert manifest == cadangan.manifest
    assert manifest["lingkungan"] == settings.ENVIRONMENT
    assert manifest["versi_portal"]
    assert manifest["basis_data"]["mesin"] == "postgresql"
    assert manifest["basis_data"]["versi"].startswith(str(connection.pg_version // 10000))
    assert "0001_initial" in manifest["migrasi"]["sistem"]
    assert manifest["dokumen"] == mesin.ringkas_folder(Path(settings.MEDIA_ROOT))  # 2 + the SK of the cast
    assert {b["nama"] for b in manifest["berkas"]} == {"database.dump", "dokumen.tar"}
    for b in manifest["berkas"]:
        path = _folder(settings, cadangan) / b["nama"]
        assert path.stat().st_size == b["ukuran"]
        assert mesin.sha256_berkas(path) == b["sha256"]


def test_it_records_a_run_with_kind_status_size_duration_and_log(db, cadangan_baru):
    cadangan = cadangan_baru()
    run = BackupRun.objects.get(cadangan=cadangan, jenis="cadangan")
    assert run.status == "berhasil"
    assert run.ukuran == cadangan.ukuran > 0
    assert run.durasi is not None
    assert "pg_dump" in run.log


def test_it_verifies_the_latest_backup_in_a_scratch_database_and_records_when(db, cadangan_baru, dokumen):
    dokumen()
    cadangan = cadangan_baru()
    call_command("verify_backup")
    cadangan.refresh_from_db()
    assert cadangan.terverifikasi_at is not None
    run = BackupRun.objects.get(jenis="verifikasi")
    assert run.status == "berhasil"
    assert "cocok dengan manifest" in run.pesan
    sisa = mesin.pg_daftar_basis(connection.settings_dict, f"{connection.settings_dict['NAME'][:30]}_uji_pulih_")
    assert sisa == []  # the scratch database is dropped again


def test_it_fails_verification_of_a_corrupted_file_and_names_it(db, cadangan_baru, dokumen, settings, admin_sistem):
    dokumen()
    cadangan = cadangan_baru()
    tar = _folder(settings, cadangan) / "dokumen.tar"
    isi = bytearray(tar.read_bytes())
    isi[1000] ^= 0xFF  # same size, one flipped byte
    tar.write_bytes(bytes(isi))
    with pytest.raises(CommandError, match="dokumen.tar rusak"):
        call_command("verify_backup")
    cadangan.refresh_from_db()
    assert cadangan.terverifikasi_at is None
    assert cadangan.verifikasi_gagal_at is not None


def test_it_fails_verification_of_a_truncated_dump_and_names_it(db, cadangan_baru, settings):
    cadangan = cadangan_baru()
    dump = _folder(settings, cadangan) / "database.dump"
    with open(dump, "r+b") as f:
        f.truncate(dump.stat().st_size // 2)
    run = services.verifikasi_cadangan()
    assert run.status == "gagal"
    assert "database.dump" in run.pesan


def test_it_refuses_to_restore_a_backup_of_another_environment_and_says_why(db, cadangan_baru, settings, basis_baru):
    cadangan = cadangan_baru()
    settings.ENVIRONMENT = "pelatihan"
    with pytest.raises(CommandError, match="lingkungan “produksi”, sedangkan portal ini “pelatihan”"):
        call_command("restore", cadangan.nama, database=basis_baru(), noinput=True)


def test_it_refuses_a_backup_with_newer_migrations_unless_forced(db, cadangan_baru, settings, basis_baru, tmp_path):
    cadangan = cadangan_baru()
    salinan = tmp_path / "dari-versi-baru"
    shutil.copytree(_folder(settings, cadangan), salinan)
    manifest = json.loads((salinan / "manifest.json").read_text())
    manifest["migrasi"]["sistem"].append("0999_dari_masa_depan")
    (salinan / "manifest.json").write_text(json.dumps(manifest))
    nama = basis_baru()
    with pytest.raises(CommandError, match="migrasi yang lebih baru.*sistem.0999_dari_masa_depan"):
        call_command("restore", str(salinan), database=nama, noinput=True)
    assert not mesin.pg_basis_ada(connection.settings_dict, nama)
    manifest["migrasi"]["sistem"].remove("0001_initial")  # and older in another app: migrate afterwards
    (salinan / "manifest.json").write_text(json.dumps(manifest))
    keluaran = StringIO()
    call_command("restore", str(salinan), database=nama, force=True, noinput=True, stdout=keluaran)
    assert "DIPAKSA: Cadangan memuat migrasi yang lebih baru" in keluaran.getvalue()
    assert "jalankan manage.py migrate" in keluaran.getvalue()
    assert mesin.hitung_baris({**connection.settings_dict, "NAME": nama})["django_migrations"] > 0


def test_it_emails_every_admin_sistem_when_a_backup_fails(
    db, admin_sistem, buat_staf, settings, tmp_path, django_capture_on_commit_callbacks
):
    koordinator = buat_staf("koord.sistem", "koordinator-adm-sistem")
    settings.BACKUP_GPG_HOME = str(tmp_path / "gnupg-kosong")
    Path(settings.BACKUP_GPG_HOME).mkdir(mode=0o700)
    settings.BACKUP_GPG_RECIPIENT = "tidak-ada@contoh.go.id"  # no such key: gpg refuses
    with django_capture_on_commit_callbacks(execute=True):
        run = services.jalankan_cadangan()
    assert run.status == "gagal"
    assert "gpg gagal" in run.pesan
    assert not Cadangan.objects.exists()
    assert [p.name for p in Path(settings.BACKUP_DIR).iterdir() if not p.name.startswith(".")] == []
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {admin_sistem.email, koordinator.email}
    assert "GAGAL" in mail.outbox[0].subject


def test_it_refuses_a_second_backup_while_one_is_running(db, settings):
    with mesin.kunci_proses("cadangan") as dapat:
        assert dapat
        with pytest.raises(TransisiTidakSah, match="sedang berjalan"):
            services.jalankan_cadangan()


def test_it_encrypts_to_a_gpg_public_key_and_still_verifies(db, cadangan_baru, dokumen, settings, tmp_path):
    if not shutil.which("gpg"):
        pytest.skip("gpg tidak terpasang")
    import subprocess

    rumah = tmp_path / "gnupg"
    rumah.mkdir(mode=0o700)
    subprocess.run(
        # future-default = ed25519/cv25519: generated in milliseconds, unlike RSA.
        ["gpg", "--batch", "--passphrase", "", "--quick-gen-key", "Cadangan Uji <cadangan@uji.go.id>"]
        + ["future-default", "default", "never"],
        env={"GNUPGHOME": str(rumah), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    settings.BACKUP_GPG_HOME = str(rumah)
    settings.BACKUP_GPG_RECIPIENT = "cadangan@uji.go.id"
    dokumen()
    cadangan = cadangan_baru()
    assert cadangan.terenkripsi
    nama = sorted(p.name for p in _folder(settings, cadangan).iterdir())
    assert nama == ["database.dump.gpg", "dokumen.tar.gpg", "manifest.json"]
    assert b"%PDF" not in (_folder(settings, cadangan) / "dokumen.tar.gpg").read_bytes()
    assert services.verifikasi_cadangan().status == "berhasil"


def test_it_copies_to_object_storage_and_verifies_from_there_when_the_local_copy_is_gone(
    db, cadangan_baru, dokumen, settings, tmp_path
):
    """Object storage through Django's Storage API; a FileSystemStorage stands in for S3 here."""
    settings.BACKUP_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "s3")},
    }
    dokumen()
    cadangan = cadangan_baru()
    assert cadangan.di_penyimpanan_luar
    assert (tmp_path / "s3" / cadangan.nama / "manifest.json").exists()
    shutil.rmtree(_folder(settings, cadangan))
    assert services.verifikasi_cadangan().status == "berhasil"


def test_it_backs_up_the_embedded_sqlite_default_with_the_online_backup_api(db, dokumen, settings, tmp_path):
    import sqlite3

    sumber = tmp_path / "lpse.sqlite3"
    with sqlite3.connect(sumber) as conn:
        conn.execute("CREATE TABLE pegawai (id integer primary key, nama text)")
        conn.executemany("INSERT INTO pegawai (nama) VALUES (?)", [(f"P{i}",) for i in range(25)])
    conn.close()
    dokumen()
    db_sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sumber)}
    folder, manifest = mesin.buat_cadangan(
        tujuan=Path(settings.BACKUP_DIR), nama="lpse-sqlite", db=db_sqlite, connection=connection, log=mesin.Catatan()
    )
    assert manifest["basis_data"]["mesin"] == "sqlite"
    assert manifest["basis_data"]["tabel"] == {"pegawai": 25}
    assert mesin.verifikasi_folder(folder, manifest, db_sqlite, mesin.Catatan())["baris"] == 25
    target = {**db_sqlite, "NAME": str(tmp_path / "pulih.sqlite3")}
    mesin.pulihkan_db(folder / "database.sqlite3", "sqlite", target, mesin.Catatan())
    assert mesin.hitung_baris(target) == {"pegawai": 25}


def test_it_lists_the_backups_on_disk_again_after_the_database_was_restored(db, cadangan_baru):
    cadangan = cadangan_baru()
    Cadangan.objects.all().delete()  # what a restore of an older dump does to the catalogue
    assert services.daftarkan_folder_cadangan() == [cadangan.nama]
    assert Cadangan.objects.get().manifest == cadangan.manifest
    assert services.daftarkan_folder_cadangan() == []


def test_it_keeps_backup_files_unreadable_for_other_users(db, cadangan_baru, settings):
    folder = _folder(settings, cadangan_baru())
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in folder.iterdir()} == {0o600}
