"""Periodic reports of the LPSE (Pergub NTB 6/2017 Lampiran II.2.a: the LPSE plans, evaluates and
reports; II.3.b.4: the Sekretariat reports; V.5–6: reports become policy material).

A report is asked for (`minta_laporan`: by the schedule, by "run now", by `generate_report`),
then made by a worker (`jalankan_laporan`): figures from laporan.statistik, files written into a
private temporary folder, then published in one transaction together with their rows. A crash
anywhere leaves the run `gagal` with its error and no file row; a retry is a new run.
"""

import hashlib
import logging
import os
import resource
import shutil
import socket
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from laporan import periode as per
from laporan.models import ReportFile, ReportRun
from lpse_portal.antrean import jadwalkan
from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel

log = logging.getLogger(__name__)

IZIN_JALANKAN = "laporan.jalankan_laporan"
FOLDER = "laporan"
# A run "berjalan" on another host is taken over by a redelivered task only after this long.
BATAS_RUN_HOST_LAIN = timedelta(hours=3)
# Positions whose holders receive every finished report (Lampiran II.2.a, V.5).
PENERIMA_JABATAN = ("kepala-lpse", "pembina")


def folder_sementara(run_id: int) -> Path:
    """Where a run writes before publishing: private (under MEDIA_ROOT), one folder per run."""
    return Path(settings.MEDIA_ROOT) / FOLDER / "_sementara" / f"run-{run_id}"


# --- asking for a report ---------------------------------------------------------------------------


def minta_laporan(
    *,
    jenis: str,
    periode: str | per.Periode,
    oleh=None,
    pemicu: str = ReportRun.Pemicu.PENGGUNA,
    kunci_permintaan: str | None = None,
    parameter: dict | None = None,
    sekarang=None,
    antrekan: bool = True,
    ip: str | None = None,
) -> tuple[ReportRun, bool]:
    """Queue a report of `jenis` for a period that has ended. Returns (run, created).

    One run per kind and period at a time: while one is queued or running, asking again
    returns it (created False) — two "run now" clicks make one run. The same form token twice
    returns the run it made. `antrekan=False`: the caller runs it itself (generate_report).
    """
    if oleh is not None and not oleh.has_perm(IZIN_JALANKAN):
        raise PermissionDenied(_("Anda tidak berwenang menjalankan laporan periodik."))
    try:
        p = periode if isinstance(periode, per.Periode) else per.urai(jenis, periode)
    except per.PeriodeTidakSah as e:
        raise TransisiTidakSah(str(e)) from e
    if p.jenis != jenis:
        raise TransisiTidakSah(_("Periode tidak sesuai dengan jenis laporan."))
    sekarang = sekarang or timezone.now()
    if not p.sudah_berakhir(sekarang):
        raise TransisiTidakSah(
            _(
                "Periode %(p)s belum berakhir (berakhir %(t)s WITA). Laporan hanya dibuat untuk periode "
                "yang sudah selesai, supaya angkanya tidak berubah lagi."
            )
            % {"p": p.label, "t": p.akhir.strftime("%d-%m-%Y %H:%M")}
        )
    with transaction.atomic():
        if kunci_permintaan:
            sama = ReportRun.objects.select_for_update().filter(kunci_permintaan=kunci_permintaan).first()
            if sama is not None:
                return sama, False
        aktif = ReportRun.objects.select_for_update().filter(jenis=jenis, mulai=p.mulai).aktif().first()
        if aktif is not None:
            return aktif, False
        try:
            # The partial unique constraint settles a race between two transactions that
            # both found no active run above.
            with transaction.atomic():
                run = ReportRun.objects.create(
                    jenis=jenis,
                    mulai=p.mulai,
                    sampai=p.sampai,
                    parameter={"periode": p.kode, **(parameter or {})},
                    pemicu=pemicu,
                    oleh=oleh,
                    kunci_permintaan=kunci_permintaan or None,
                )
        except IntegrityError:
            lain = ReportRun.objects.filter(jenis=jenis, mulai=p.mulai).aktif().first()
            if lain is None and kunci_permintaan:
                lain = ReportRun.objects.filter(kunci_permintaan=kunci_permintaan).first()
            if lain is None:
                raise
            return lain, False
        catat_peristiwa(
            run,
            oleh=oleh,
            ip=ip,
            aksi="minta",
            ke=run.status,
            catatan=f"{run.get_jenis_display()} {p.label}",
            data={"pemicu": pemicu},
        )
        if antrekan:
            jadwalkan("laporan.tasks.jalankan_laporan", run.pk)
    return run, True


def laporan_terjadwal(*, jenis: str, sekarang=None) -> ReportRun | None:
    """The schedule's job: the last ended period of `jenis`, once. Safe to run twice: a period
    that already has a queued, running or successful run is left alone."""
    p = per.sebelumnya(jenis, sekarang or timezone.now())
    if ReportRun.objects.filter(jenis=jenis, mulai=p.mulai).exclude(status=ReportRun.Status.GAGAL).exists():
        return None
    run, dibuat = minta_laporan(jenis=jenis, periode=p, oleh=None, pemicu=ReportRun.Pemicu.JADWAL, sekarang=sekarang)
    return run if dibuat else None


# --- making it ---------------------------------------------------------------------------------------------


def _proses_hidup(run: ReportRun) -> bool:
    if run.host != socket.gethostname():
        return run.started_at is not None and run.started_at > timezone.now() - BATAS_RUN_HOST_LAIN
    if not run.pid or run.pid == os.getpid():
        return False
    import psutil

    return psutil.pid_exists(run.pid)


def _ambil(run_id: int) -> ReportRun | None:
    """Claim the run for this process; None when there is nothing to do (done, failed, or a
    live process is already on it)."""
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status in (ReportRun.Status.BERHASIL, ReportRun.Status.GAGAL):
            return None
        if run.status == ReportRun.Status.BERJALAN and _proses_hidup(run):
            return None
        dari = run.status
        run.status = ReportRun.Status.BERJALAN
        run.started_at = timezone.now()
        run.host = socket.gethostname()[:200]
        run.pid = os.getpid()
        run.save(update_fields=["status", "started_at", "host", "pid"])
        catat_peristiwa(
            run,
            oleh=None,
            aksi="mulai" if dari == ReportRun.Status.ANTRE else "ambil_alih",
            dari=dari,
            ke=run.status,
            catatan="" if dari == ReportRun.Status.ANTRE else _("Proses sebelumnya terhenti; dijalankan ulang."),
        )
    return run


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1024 * 1024), b""):
            h.update(blok)
    return h.hexdigest()


def _puncak_memori_mb() -> float:
    # ru_maxrss is in KiB on Linux: the peak of this process over its life (a worker: all tasks).
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _penerima() -> list[str]:
    from organisasi.models import Penugasan

    hasil = []
    for p in (
        Penugasan.objects.aktif()
        .filter(jabatan__kode__in=PENERIMA_JABATAN)
        .select_related("pegawai__user")
        .order_by("jabatan__kode", "pk")
    ):
        email = (p.pegawai.user.email if p.pegawai.user_id else "") or getattr(p.pegawai, "email", "")
        if email and email not in hasil:
            hasil.append(email)
    return hasil


def jalankan_laporan(*, run_id: int) -> ReportRun | None:
    """Make the files of a queued run and publish them. Safe to run twice (a redelivered task):
    a finished or failed run is left alone, a run another live process holds is not touched."""
    from laporan import berkas, statistik

    run = _ambil(run_id)
    if run is None:
        return ReportRun.objects.filter(pk=run_id).first()
    bersihkan_yatim()
    mulai_detik = time.monotonic()
    sementara = folder_sementara(run.pk)
    shutil.rmtree(sementara, ignore_errors=True)  # leftovers of this run's own earlier attempt
    try:
        sementara.mkdir(parents=True, mode=0o750)
        p = run.periode
        tabel = statistik.laporan_lpse(p.mulai, p.sampai)
        hasil = berkas.buat_semua(tabel, p, sementara)
        run = _terbitkan(run, hasil, mulai_detik)
    except Exception as e:
        log.exception("Laporan periodik %s gagal", run_id)
        run = _gagal(run.pk, f"{type(e).__name__}: {e}", mulai_detik)
    finally:
        shutil.rmtree(sementara, ignore_errors=True)
    return run


def _terbitkan(run: ReportRun, hasil: dict[str, Path], mulai_detik: float) -> ReportRun:
    # transaksi_berkas: if anything below fails, the files saved so far are removed again.
    with transaksi_berkas():
        run = ReportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ReportRun.Status.BERJALAN or run.pid != os.getpid():
            raise TransisiTidakSah(_("Laporan ini sudah diambil alih proses lain."))
        for fmt in ("pdf", "xlsx", "csv"):
            path = hasil[fmt]
            with open(path, "rb") as f:
                nama_simpan = default_storage.save(f"{FOLDER}/{run.mulai:%Y}/{run.pk}-{path.name}", File(f))
            ReportFile.objects.create(
                run=run,
                format=fmt,
                berkas=nama_simpan,
                nama=path.name,
                ukuran=path.stat().st_size,
                sha256=_sha256(path),
            )
        run.status = ReportRun.Status.BERHASIL
        run.finished_at = timezone.now()
        run.durasi_detik = round(time.monotonic() - mulai_detik, 2)
        run.puncak_memori_mb = _puncak_memori_mb()
        run.galat = ""
        run.save(update_fields=["status", "finished_at", "durasi_detik", "puncak_memori_mb", "galat"])
        catat_peristiwa(
            run,
            oleh=None,
            aksi="selesai",
            dari=ReportRun.Status.BERJALAN,
            ke=run.status,
            data={f.format: f.sha256 for f in run.berkas.all()},
        )
        pdf = run.berkas.get(format="pdf")
        kirim_surel(
            kepada=_penerima(),
            subjek=_("Laporan periodik %(p)s") % {"p": run.periode.label},
            template="laporan/email_laporan",
            konteks={
                "run": run,
                "periode": run.periode,
                "tautan": settings.SITE_URL + reverse("laporan:laporan_detail", args=[run.pk]),
            },
            kunci=f"laporan:run:{run.pk}",
            lampiran=[{"nama": pdf.nama, "path": pdf.berkas.name, "mime": "application/pdf"}],
        )
    return run


def _gagal(run_id: int, galat: str, mulai_detik: float) -> ReportRun:
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().get(pk=run_id)
        dari = run.status
        run.status = ReportRun.Status.GAGAL
        run.finished_at = timezone.now()
        run.durasi_detik = round(time.monotonic() - mulai_detik, 2)
        run.galat = galat[:4000]
        run.save(update_fields=["status", "finished_at", "durasi_detik", "galat"])
        catat_peristiwa(run, oleh=None, aksi="gagal", dari=dari, ke=run.status, catatan=galat[:1000])
    return run


def bersihkan_yatim() -> int:
    """Remove what crashed runs left behind: temporary folders of runs no longer running, and
    published-looking files no ReportFile row points to (older than an hour, so a run that is
    publishing right now is never touched). Returns how many were removed."""
    dasar = Path(settings.MEDIA_ROOT) / FOLDER
    if not dasar.exists():
        return 0
    n = 0
    berjalan = {
        f"run-{pk}" for pk in ReportRun.objects.filter(status=ReportRun.Status.BERJALAN).values_list("pk", flat=True)
    }
    sementara = dasar / "_sementara"
    if sementara.exists():
        for folder in sementara.iterdir():
            if folder.name not in berjalan:
                shutil.rmtree(folder, ignore_errors=True)
                n += 1
    batas = time.time() - 3600
    terdaftar = set(ReportFile.objects.values_list("berkas", flat=True))
    for tahun in dasar.iterdir():
        if tahun.name == "_sementara" or not tahun.is_dir():
            continue
        for berkas in tahun.iterdir():
            nama = f"{FOLDER}/{tahun.name}/{berkas.name}"
            if nama not in terdaftar and berkas.stat().st_mtime < batas:
                berkas.unlink(missing_ok=True)
                n += 1
    return n
