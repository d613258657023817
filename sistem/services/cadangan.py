"""Backups that prove themselves (Pergub NTB 6/2017 SOP VI.f, pengarsipan dokumen elektronik /
file back up; Lampiran II.4.b.2, keandalan dan ketersediaan layanan).

A run is recorded from its first second ("berjalan") to its end ("berhasil"/"gagal"); a backup
(`Cadangan`) exists only when it is complete; verification restores it into a scratch
database before anyone relies on it; a failure e-mails every admin_sistem.
"""

import datetime
import os
import shutil
import socket
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.antrean import jadwalkan
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from sistem import mesin_cadangan as mesin
from sistem import penyimpanan_luar
from sistem.mesin_cadangan import Catatan, GagalCadangan
from sistem.models import BackupRun, Cadangan
from sistem.retensi import Butir, yang_disimpan

# A run on another host still "berjalan" after this long is taken as dead.
BATAS_RUN_HOST_LAIN = datetime.timedelta(hours=12)


def _wajib_izin(oleh, izin: str = "sistem.kelola_cadangan") -> None:
    if oleh is not None and not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def _folder() -> Path:
    return Path(settings.BACKUP_DIR)


def _penerima_admin_sistem() -> list[str]:
    User = get_user_model()
    return list(
        User.objects.filter(groups__name="admin_sistem", is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )


# --- runs ------------------------------------------------------------------------------------


def tandai_run_terhenti(jenis: str, *, kunci_dipegang: bool = False) -> int:
    """Mark runs that died mid-way (worker SIGKILLed, machine rebooted) as failed.

    Safe because the kind's lock is held by every live run: when we hold it (or can take it),
    a run of this host still "berjalan" is dead. Runs of other hosts: after 12 hours.
    """
    if not kunci_dipegang:
        with mesin.kunci_proses(jenis) as dapat:
            if not dapat:
                return 0
            return tandai_run_terhenti(jenis, kunci_dipegang=True)
    host = socket.gethostname()
    batas = timezone.now() - BATAS_RUN_HOST_LAIN
    n = 0
    for run in BackupRun.objects.berjalan().filter(jenis=jenis).order_by("pk"):
        if run.host != host and run.started_at > batas:
            continue
        with transaction.atomic():
            run = BackupRun.objects.select_for_update().get(pk=run.pk)
            if run.status != BackupRun.Status.BERJALAN:
                continue
            run.status = BackupRun.Status.GAGAL
            run.finished_at = timezone.now()
            run.pesan = _(
                "Proses terhenti sebelum selesai (worker dimatikan atau mesin dimulai ulang). "
                "Berkas setengah jadi tidak dipakai dan sudah dibersihkan."
            )
            run.save(update_fields=["status", "finished_at", "pesan"])
            catat_peristiwa(run, oleh=None, aksi="terhenti", dari="berjalan", ke="gagal", catatan=run.pesan)
        n += 1
    return n


def _mulai_run(jenis: str, oleh, cadangan: Cadangan | None = None) -> BackupRun:
    return BackupRun.objects.create(
        jenis=jenis, host=socket.gethostname(), pid=os.getpid(), oleh=oleh, cadangan=cadangan
    )


def _gagal(run: BackupRun, pesan: str, log: Catatan) -> BackupRun:
    log(f"GAGAL: {pesan}")
    with transaction.atomic():
        run = BackupRun.objects.select_for_update().get(pk=run.pk)
        run.status = BackupRun.Status.GAGAL
        run.finished_at = timezone.now()
        run.pesan = pesan[:4000]
        run.log = log.ekor()
        run.save(update_fields=["status", "finished_at", "pesan", "log"])
        catat_peristiwa(run, oleh=run.oleh, aksi="gagal", dari="berjalan", ke="gagal", catatan=pesan[:1000])
        kirim_surel(
            kepada=_penerima_admin_sistem(),
            subjek=_("%(jenis)s GAGAL di %(env)s") % {"jenis": run.get_jenis_display(), "env": settings.ENVIRONMENT},
            template="sistem/email_cadangan_gagal",
            konteks={"run": run, "lingkungan": settings.ENVIRONMENT, "host": run.host},
            kunci=f"sistem:run-gagal:{run.pk}",
        )
    return run


# --- backup ----------------------------------------------------------------------------------------


def jalankan_cadangan(*, oleh=None, ip: str | None = None) -> BackupRun:
    """Make a backup now: dump, documents, manifest, optional copy to object storage, then
    retention. Returns the run; a failure is recorded (and e-mailed), never half-listed."""
    _wajib_izin(oleh)
    with mesin.kunci_proses("cadangan") as dapat:
        if not dapat:
            raise TransisiTidakSah(_("Pencadangan lain sedang berjalan di mesin ini; tunggu sampai selesai."))
        tandai_run_terhenti(BackupRun.Jenis.CADANGAN, kunci_dipegang=True)
        sisa = mesin.bersihkan_sementara(_folder())
        run = _mulai_run(BackupRun.Jenis.CADANGAN, oleh)
        log = Catatan()
        if sisa:
            log(f"sisa proses terhenti dibersihkan: {', '.join(sisa)}")
        nama = mesin.nama_cadangan(run.started_at)
        try:
            folder, manifest = mesin.buat_cadangan(
                tujuan=_folder(), nama=nama, db=connection.settings_dict, connection=connection, log=log
            )
        except Exception as e:  # noqa: BLE001 - whatever broke (database, tool, disk), the run ends failed
            return _gagal(run, mesin.pesan_galat(e, _folder()), log)
        luar = penyimpanan_luar.penyimpanan()
        try:
            if luar is not None:
                penyimpanan_luar.unggah(folder, manifest, luar, log)
        except Exception as e:  # noqa: BLE001 - any storage error fails the run, the local copy stays
            return _gagal(run, _("Cadangan lokal lengkap, tetapi penyalinan ke penyimpanan objek gagal: %s") % e, log)
        with transaction.atomic():
            cadangan = Cadangan.objects.create(
                nama=nama,
                dibuat_at=run.started_at,
                ukuran=mesin.ukuran_cadangan(manifest),
                manifest=manifest,
                terenkripsi=bool(manifest["enkripsi"]),
                di_penyimpanan_luar=luar is not None,
            )
            run = BackupRun.objects.select_for_update().get(pk=run.pk)
            run.status = BackupRun.Status.BERHASIL
            run.finished_at = timezone.now()
            run.cadangan = cadangan
            run.ukuran = cadangan.ukuran
            run.log = log.ekor()
            run.save(update_fields=["status", "finished_at", "cadangan", "ukuran", "log"])
            catat_peristiwa(run, oleh=oleh, ip=ip, aksi="selesai", dari="berjalan", ke="berhasil", catatan=nama)
    terapkan_retensi()
    return run


def minta_cadangan(*, oleh, ip: str | None = None) -> None:
    """ "Back up now" from the portal: queued for the worker (a backup takes minutes)."""
    _wajib_izin(oleh)
    with transaction.atomic():
        jadwalkan("sistem.tasks.cadangkan", oleh_id=oleh.pk)


def minta_verifikasi(*, oleh, ip: str | None = None) -> None:
    _wajib_izin(oleh)
    if not Cadangan.objects.tersedia().exists():
        raise TransisiTidakSah(_("Belum ada cadangan untuk diverifikasi."))
    with transaction.atomic():
        jadwalkan("sistem.tasks.verifikasi_cadangan", oleh_id=oleh.pk)


def cadangan_baru_ada(menit: int) -> bool:
    batas = timezone.now() - datetime.timedelta(minutes=menit)
    return BackupRun.objects.filter(
        jenis=BackupRun.Jenis.CADANGAN, status=BackupRun.Status.BERHASIL, started_at__gte=batas
    ).exists()


# --- retention ----------------------------------------------------------------------------------------


def terapkan_retensi() -> list[str]:
    """Delete the backups the retention policy no longer keeps (files first, then the mark)."""
    daftar = list(Cadangan.objects.tersedia())
    simpan = yang_disimpan(
        [Butir(c.pk, c.dibuat_at, c.simpan, c.terverifikasi_at is not None) for c in daftar],
        harian=settings.BACKUP_KEEP_DAILY,
        mingguan=settings.BACKUP_KEEP_WEEKLY,
        bulanan=settings.BACKUP_KEEP_MONTHLY,
    )
    luar = penyimpanan_luar.penyimpanan()
    dihapus = []
    for c in daftar:
        if c.pk in simpan:
            continue
        if luar is not None and c.di_penyimpanan_luar:
            penyimpanan_luar.hapus(c.nama, c.manifest, luar)
        # Manifest first: an interrupted removal leaves a folder restore/verify refuse.
        folder = _folder() / c.nama
        (folder / mesin.MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
        with transaction.atomic():
            c = Cadangan.objects.select_for_update().get(pk=c.pk)
            if c.simpan:  # marked "keep" meanwhile
                continue
            c.dihapus_at = timezone.now()
            c.save(update_fields=["dihapus_at"])
            catat_peristiwa(c, oleh=None, aksi="hapus_retensi", catatan=c.nama)
        dihapus.append(c.nama)
    return dihapus


def tandai_simpan(*, cadangan_id: int, simpan: bool, oleh, ip: str | None = None) -> Cadangan:
    """Exempt a backup from retention (or lift the exemption)."""
    _wajib_izin(oleh)
    with transaction.atomic():
        c = Cadangan.objects.select_for_update().get(pk=cadangan_id)
        if c.dihapus_at:
            raise TransisiTidakSah(_("Cadangan ini sudah dihapus oleh retensi."))
        if c.simpan == simpan:
            return c
        c.simpan = simpan
        c.save(update_fields=["simpan"])
        catat_peristiwa(c, oleh=oleh, ip=ip, aksi="simpan" if simpan else "lepas_simpan", catatan=c.nama)
    return c


# --- verification --------------------------------------------------------------------------------------


def _folder_cadangan(c: Cadangan, log: Catatan, kerja: Path) -> Path:
    folder = _folder() / c.nama
    if folder.exists():
        return folder
    luar = penyimpanan_luar.penyimpanan()
    if luar is not None and c.di_penyimpanan_luar:
        return penyimpanan_luar.unduh(c.nama, luar, kerja, log)
    raise GagalCadangan(f"Folder cadangan {folder} tidak ada.")


def verifikasi_cadangan(*, cadangan_id: int | None = None, oleh=None, ip: str | None = None) -> BackupRun:
    """Prove the latest backup: restore it into a scratch database and folder and compare row
    counts and checksums with its manifest. Records when it was last verified."""
    _wajib_izin(oleh)
    with mesin.kunci_proses("verifikasi") as dapat:
        if not dapat:
            raise TransisiTidakSah(_("Verifikasi lain sedang berjalan di mesin ini."))
        tandai_run_terhenti(BackupRun.Jenis.VERIFIKASI, kunci_dipegang=True)
        qs = Cadangan.objects.tersedia()
        c = qs.filter(pk=cadangan_id).first() if cadangan_id else qs.terbaru().first()
        if c is None:
            raise TransisiTidakSah(_("Belum ada cadangan untuk diverifikasi."))
        run = _mulai_run(BackupRun.Jenis.VERIFIKASI, oleh, cadangan=c)
        log = Catatan()
        log(f"memverifikasi {c.nama}")
        try:
            with mesin.folder_kerja() as kerja:
                folder = _folder_cadangan(c, log, kerja)
                manifest = mesin.baca_manifest(folder)
                if manifest != c.manifest:
                    raise GagalCadangan(
                        f"Berkas {mesin.MANIFEST} di {folder} berbeda dengan yang dicatat saat pencadangan."
                    )
                hasil = mesin.verifikasi_folder(folder, manifest, connection.settings_dict, log)
        except Exception as e:  # noqa: BLE001 - a missing CREATEDB right fails the run, not the worker
            Cadangan.objects.filter(pk=c.pk).update(verifikasi_gagal_at=timezone.now())
            return _gagal(run, f"{c.nama}: {mesin.pesan_galat(e, _folder())}", log)
        with transaction.atomic():
            sekarang = timezone.now()
            Cadangan.objects.filter(pk=c.pk).update(terverifikasi_at=sekarang)
            run = BackupRun.objects.select_for_update().get(pk=run.pk)
            run.status = BackupRun.Status.BERHASIL
            run.finished_at = sekarang
            run.ukuran = c.ukuran
            run.log = log.ekor()
            run.pesan = _("%(tabel)d tabel, %(baris)d baris dan %(dokumen)d dokumen cocok dengan manifest.") % hasil
            run.save(update_fields=["status", "finished_at", "ukuran", "log", "pesan"])
            catat_peristiwa(run, oleh=oleh, ip=ip, aksi="selesai", dari="berjalan", ke="berhasil", catatan=c.nama)
    return run


# --- restore -----------------------------------------------------------------------------------------------


def alasan_penolakan(manifest: dict) -> list[str]:
    """Why a restore into this installation is dangerous; empty when it is safe."""
    alasan = []
    if manifest.get("lingkungan") != settings.ENVIRONMENT:
        alasan.append(
            _("Cadangan berasal dari lingkungan “%(asal)s”, sedangkan portal ini “%(ini)s”.")
            % {"asal": manifest.get("lingkungan"), "ini": settings.ENVIRONMENT}
        )
    dikenal = mesin.migrasi_di_kode()
    baru = sorted(
        f"{app}.{nama}"
        for app, daftar in manifest.get("migrasi", {}).items()
        for nama in daftar
        if (app, nama) not in dikenal
    )
    if baru:
        alasan.append(
            _("Cadangan memuat migrasi yang lebih baru dari kode ini (%(daftar)s); perbarui kode portal lebih dulu.")
            % {"daftar": ", ".join(baru[:5]) + (" …" if len(baru) > 5 else "")}
        )
    return alasan


def cari_folder_cadangan(sumber: str, kerja: Path, log: Catatan) -> Path:
    """A backup by folder path, by name in BACKUP_DIR, or by name in object storage."""
    path = Path(sumber)
    if (path / mesin.MANIFEST).exists():
        return path
    if (_folder() / sumber / mesin.MANIFEST).exists():
        return _folder() / sumber
    luar = penyimpanan_luar.penyimpanan()
    if luar is not None:
        return penyimpanan_luar.unduh(sumber, luar, kerja, log)
    raise GagalCadangan(f"Cadangan {sumber} tidak ditemukan (bukan folder cadangan, tidak ada di {_folder()}).")


def pulihkan_cadangan(
    *,
    sumber: str,
    target: dict,
    dokumen_ke: Path | None,
    paksa: bool = False,
    oleh=None,
    log: Catatan | None = None,
) -> BackupRun:
    """Restore a backup into the database `target` and its documents into `dokumen_ke`.

    Refuses a backup of another environment or with migrations this code does not know,
    unless `paksa`. The run is recorded in the configured database once it is over (when
    that database is the target, its old rows were just replaced).
    """
    log = log or Catatan()
    mulai = timezone.now()
    with mesin.kunci_proses("pemulihan") as dapat:
        if not dapat:
            raise TransisiTidakSah(_("Pemulihan lain sedang berjalan di mesin ini."))
        with mesin.folder_kerja() as kerja:
            folder = cari_folder_cadangan(sumber, kerja, log)
            manifest = mesin.baca_manifest(folder)
            alasan = alasan_penolakan(manifest)
            if alasan and not paksa:
                raise TransisiTidakSah(
                    " ".join(alasan) + " " + _("Pemulihan ditolak; pakai --force bila memang disengaja.")
                )
            for a in alasan:
                log(f"DIPAKSA: {a}")
            lama = sorted(
                set(mesin.migrasi_di_kode()) - {(app, n) for app, d in manifest["migrasi"].items() for n in d}
            )
            if lama:
                log(f"cadangan lebih lama dari kode ({len(lama)} migrasi belum diterapkan): jalankan manage.py migrate")
            mesin.periksa_berkas(folder, manifest, log)
            terbuka = mesin.berkas_terbuka(folder, manifest, kerja, log)
            if target["NAME"] == connection.settings_dict["NAME"]:
                connection.close()  # our own idle connection must not hold locks on dropped tables
            galat = None
            try:
                mesin.pulihkan_db(terbuka["db"], manifest["basis_data"]["mesin"], target, log)
                if dokumen_ke is not None:
                    mesin.pulihkan_dokumen(terbuka["dokumen"], dokumen_ke, log)
            except Exception as e:  # noqa: BLE001 - recorded as a failed restore
                galat = mesin.pesan_galat(e, folder)
    run = BackupRun.objects.create(
        jenis=BackupRun.Jenis.PEMULIHAN,
        status=BackupRun.Status.BERHASIL,
        started_at=mulai,
        host=socket.gethostname(),
        pid=os.getpid(),
        ukuran=mesin.ukuran_cadangan(manifest),
        log=log.ekor(),
        pesan=_("%(nama)s dipulihkan ke basis data %(db)s.") % {"nama": manifest["nama"], "db": target["NAME"]},
        oleh=oleh,
    )
    if galat:
        return _gagal(run, galat, log)
    if target["NAME"] == connection.settings_dict["NAME"]:
        # The catalogue was just replaced by the one in the dump: list what BACKUP_DIR holds.
        for nama in daftarkan_folder_cadangan():
            log(f"cadangan di {_folder()} didaftarkan kembali: {nama}")
        BackupRun.objects.filter(pk=run.pk).update(log=log.ekor())
    with transaction.atomic():
        BackupRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
        run.refresh_from_db()
        catat_peristiwa(run, oleh=oleh, aksi="pulihkan", ke="berhasil", catatan=run.pesan, data={"paksa": paksa})
    return run


def daftarkan_folder_cadangan() -> list[str]:
    """Catalogue complete backup folders of BACKUP_DIR that have no row (after a restore of the
    database, or on a new server given the old backup disk). Verification state is unknown."""
    import datetime as dt

    terdaftar = set(Cadangan.objects.values_list("nama", flat=True))
    baru = []
    folder = _folder()
    if not folder.is_dir():
        return baru
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in terdaftar or not (path / mesin.MANIFEST).exists():
            continue
        try:
            manifest = mesin.baca_manifest(path)
            dibuat = dt.datetime.fromisoformat(manifest["dibuat"])
        except (GagalCadangan, KeyError, ValueError):
            continue
        with transaction.atomic():
            c = Cadangan.objects.create(
                nama=path.name,
                dibuat_at=dibuat,
                ukuran=mesin.ukuran_cadangan(manifest),
                manifest=manifest,
                terenkripsi=bool(manifest.get("enkripsi")),
            )
            catat_peristiwa(c, oleh=None, aksi="daftarkan_kembali", catatan=path.name)
        baru.append(path.name)
    return baru


# --- status for the dashboard and /healthz/ -------------------------------------------------------------------


def status_backup() -> dict:
    """State of backups for the reporting dashboard and the health check."""
    tandai_run_terhenti(BackupRun.Jenis.CADANGAN)
    sekarang = timezone.now()
    batas = datetime.timedelta(days=settings.BACKUP_MAX_AGE_DAYS)
    terakhir = Cadangan.objects.tersedia().terbaru().first()
    terverifikasi = Cadangan.objects.filter(terverifikasi_at__isnull=False).order_by("-terverifikasi_at").first()
    gagal_terakhir = BackupRun.objects.filter(status=BackupRun.Status.GAGAL).order_by("-started_at").first()
    umur = (sekarang - terverifikasi.terverifikasi_at) if terverifikasi else None
    if terverifikasi is None:
        pesan, peringatan = _("Belum ada cadangan yang terverifikasi dapat dipulihkan."), True
    elif umur > batas:
        pesan, peringatan = (
            _("Verifikasi cadangan terakhir %(hari)d hari yang lalu (batas %(batas)d hari).")
            % {"hari": umur.days, "batas": batas.days},
            True,
        )
    elif umur.days == 0:
        pesan, peringatan = _("Cadangan terverifikasi hari ini."), False
    else:
        pesan, peringatan = _("Cadangan terverifikasi %(hari)d hari yang lalu.") % {"hari": umur.days}, False
    return {
        "cadangan_terakhir": terakhir,
        "terverifikasi_terakhir": terverifikasi,
        "terverifikasi_at": terverifikasi.terverifikasi_at if terverifikasi else None,
        "umur_verifikasi": umur,
        "gagal_terakhir": gagal_terakhir,
        "peringatan": peringatan,
        "pesan": pesan,
    }
