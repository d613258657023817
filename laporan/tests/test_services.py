"""Running periodic reports: one run per kind and period, closed periods only, crash-safe,
byte-identical reruns, the e-mail to the Kepala LPSE and the Pembina, the shell command."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from laporan import berkas, services
from laporan.models import ReportFile, ReportRun
from laporan.tests.conftest import pada
from laporan.tests.pabrik import laporan_selesai
from lpse_portal.exceptions import TransisiTidakSah


def _media_laporan() -> list[Path]:
    dasar = Path(settings.MEDIA_ROOT) / "laporan"
    return sorted(p for p in dasar.rglob("*") if p.is_file()) if dasar.exists() else []


def test_it_refuses_a_period_that_has_not_ended(kepala_lpse):
    with pada(2026, 10, 31, 23, 59):
        with pytest.raises(TransisiTidakSah, match="belum berakhir"):
            services.minta_laporan(jenis="bulanan", periode="2026-10", oleh=kepala_lpse)
        with pytest.raises(TransisiTidakSah, match="belum berakhir"):
            services.minta_laporan(jenis="tahunan", periode="2026", oleh=kepala_lpse)
    assert not ReportRun.objects.exists()
    with pada(2026, 11, 1, 0, 0):
        run, dibuat = services.minta_laporan(jenis="bulanan", periode="2026-10", oleh=kepala_lpse)
    assert dibuat and run.status == "antre"


def test_it_refuses_a_period_code_that_does_not_exist(kepala_lpse):
    with pytest.raises(TransisiTidakSah, match="contoh: 2026-T4"):
        services.minta_laporan(jenis="triwulanan", periode="2026-T9", oleh=kepala_lpse)


def test_it_refuses_a_user_without_the_permission(koordinator):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=koordinator)


def test_it_makes_one_run_for_two_clicks(kepala_lpse, sekretaris):
    pertama, dibuat1 = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    kedua, dibuat2 = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=sekretaris)
    assert (dibuat1, dibuat2) == (True, False)
    assert kedua.pk == pertama.pk
    assert ReportRun.objects.count() == 1


def test_it_makes_one_run_for_the_same_form_token_even_after_it_finished(kepala_lpse):
    pertama, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse, kunci_permintaan="t1")
    services.jalankan_laporan(run_id=pertama.pk)
    kedua, dibuat = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse, kunci_permintaan="t1")
    assert not dibuat and kedua.pk == pertama.pk
    assert ReportRun.objects.count() == 1


def test_it_lets_the_database_refuse_a_second_active_run_of_a_period(kepala_lpse):
    from django.db import IntegrityError, transaction

    run, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRun.objects.create(jenis="bulanan", mulai=run.mulai, sampai=run.sampai, pemicu="pengguna")


def test_it_publishes_three_files_with_their_sha256(kepala_lpse):
    import hashlib

    run = laporan_selesai(kepala_lpse, "2026-09")
    assert run.status == "berhasil" and run.durasi_detik is not None and run.finished_at
    berkas_run = {f.format: f for f in run.berkas.all()}
    assert set(berkas_run) == {"pdf", "xlsx", "csv"}
    for f in berkas_run.values():
        data = f.berkas.read()
        assert hashlib.sha256(data).hexdigest() == f.sha256 and len(data) == f.ukuran
    assert berkas_run["pdf"].berkas.open("rb").read(5) == b"%PDF-"
    assert berkas_run["xlsx"].berkas.open("rb").read(2) == b"PK"
    assert not (Path(settings.MEDIA_ROOT) / "laporan" / "_sementara" / f"run-{run.pk}").exists()


def test_it_embeds_the_xlsx_in_a_pdf_a_3b(kepala_lpse):
    from pypdf import PdfReader

    run = laporan_selesai(kepala_lpse, "2026-09")
    pdf = PdfReader(run.berkas.get(format="pdf").berkas.open("rb"))
    assert list(pdf.attachments) == ["laporan-bulanan-2026-09.xlsx"]
    assert pdf.attachments["laporan-bulanan-2026-09.xlsx"][0] == run.berkas.get(format="xlsx").berkas.open("rb").read()
    assert pdf.xmp_metadata is not None
    xmp = pdf.xmp_metadata.stream.get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp
    assert "Halaman 1 dari" in pdf.pages[0].extract_text()


def test_it_gives_byte_identical_files_when_a_closed_period_is_rerun(kepala_lpse, penyedia_factory, verifikator):
    with pada(2026, 9, 10):
        penyedia_factory("lap.ulang", verifikator=verifikator)
    with pada(2026, 11, 5):
        pertama = laporan_selesai(kepala_lpse, "2026-09")
    # Later activity of other periods and a later clock change nothing of September.
    with pada(2026, 11, 20):
        penyedia_factory("lap.november", verifikator=verifikator)
        kedua = laporan_selesai(kepala_lpse, "2026-09")
    assert kedua.pk != pertama.pk
    a = {f.format: f for f in pertama.berkas.all()}
    b = {f.format: f for f in kedua.berkas.all()}
    assert a["csv"].berkas.open("rb").read() == b["csv"].berkas.open("rb").read()
    assert a["csv"].sha256 == b["csv"].sha256
    # Same library versions here, so the XLSX and the PDF are identical too.
    assert a["xlsx"].sha256 == b["xlsx"].sha256
    assert a["pdf"].sha256 == b["pdf"].sha256


def test_it_leaves_a_crashed_run_gagal_with_its_error_and_no_file(kepala_lpse, monkeypatch):
    def pdf_rusak(*args, **kwargs):
        raise OSError("disk penuh (uji)")

    monkeypatch.setattr(berkas, "tulis_pdf", pdf_rusak)
    run, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    run = services.jalankan_laporan(run_id=run.pk)
    assert run.status == "gagal"
    assert "disk penuh (uji)" in run.galat and run.finished_at
    assert not ReportFile.objects.exists()
    assert _media_laporan() == []  # the CSV and XLSX written before the crash are gone too


def test_it_removes_the_files_saved_when_publishing_fails_halfway(kepala_lpse, monkeypatch):
    asli = ReportFile.objects.create
    panggilan = []

    def create_rusak(**kwargs):
        panggilan.append(kwargs["format"])
        if kwargs["format"] == "csv":
            raise RuntimeError("basis data putus (uji)")
        return asli(**kwargs)

    monkeypatch.setattr(ReportFile.objects, "create", create_rusak)
    run, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    run = services.jalankan_laporan(run_id=run.pk)
    assert panggilan == ["pdf", "xlsx", "csv"]
    assert run.status == "gagal" and "basis data putus" in run.galat
    assert not ReportFile.objects.exists()
    assert _media_laporan() == []


def test_it_retries_a_failed_run_as_a_new_run(kepala_lpse, monkeypatch):
    monkeypatch.setattr(berkas, "tulis_pdf", lambda *a, **k: (_ for _ in ()).throw(OSError("sementara")))
    gagal, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    services.jalankan_laporan(run_id=gagal.pk)
    monkeypatch.undo()
    ulang = laporan_selesai(kepala_lpse, "2026-09")
    assert ulang.pk != gagal.pk and ulang.status == "berhasil"
    assert ReportRun.objects.get(pk=gagal.pk).status == "gagal"


def test_it_does_nothing_when_the_worker_task_is_delivered_twice(kepala_lpse):
    from lpse_portal.models import Peristiwa

    run = laporan_selesai(kepala_lpse, "2026-09")
    sebelum = (ReportFile.objects.count(), Peristiwa.objects.count())
    services.jalankan_laporan(run_id=run.pk)
    assert (ReportFile.objects.count(), Peristiwa.objects.count()) == sebelum


def test_it_takes_over_a_run_whose_process_died(kepala_lpse):
    run, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    # A worker SIGKILLed mid-run: the row says berjalan, its process is gone.
    ReportRun.objects.filter(pk=run.pk).update(
        status="berjalan", pid=2**22 + 7, host=__import__("socket").gethostname()
    )
    run = services.jalankan_laporan(run_id=run.pk)
    assert run.status == "berhasil"


def test_it_removes_orphan_temporary_folders(kepala_lpse):
    sisa = Path(settings.MEDIA_ROOT) / "laporan" / "_sementara" / "run-999999"
    sisa.mkdir(parents=True)
    (sisa / "setengah.pdf").write_bytes(b"%PDF-")
    laporan_selesai(kepala_lpse, "2026-09")
    assert not sisa.exists()


def test_it_emails_the_pdf_to_the_kepala_lpse_and_the_pembina(
    kepala_lpse, pembina, sekretaris, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=sekretaris)
    run.refresh_from_db()
    assert run.status == "berhasil"
    assert len(mailoutbox) == 1
    pesan = mailoutbox[0]
    assert sorted(pesan.to) == sorted([kepala_lpse.email, pembina.email])
    assert "September 2026" in pesan.subject
    nama, isi, mime = pesan.attachments[0]
    assert nama == "laporan-bulanan-2026-09.pdf" and mime == "application/pdf" and isi.startswith(b"%PDF")


def test_it_reports_the_previous_period_once_on_schedule(kepala_lpse, django_capture_on_commit_callbacks):
    from laporan import tasks

    with pada(2026, 11, 1, 1, 10), django_capture_on_commit_callbacks(execute=True):
        tasks.laporan_bulanan.apply(throw=True)
        tasks.laporan_bulanan.apply(throw=True)
    run = ReportRun.objects.get()
    assert (run.jenis, run.mulai, run.pemicu, run.status) == (
        "bulanan",
        datetime.date(2026, 10, 1),
        "jadwal",
        "berhasil",
    )
    assert run.oleh is None


def test_it_makes_a_report_from_the_shell_and_is_safe_to_run_twice(db):
    keluar = StringIO()
    with pada(2026, 11, 26, 10):
        call_command("generate_report", "--jenis", "bulanan", "--periode", "2026-10", stdout=keluar)
        call_command("generate_report", "--jenis", "bulanan", "--periode", "2026-10", stdout=keluar)
    assert ReportRun.objects.filter(status="berhasil").count() == 1
    assert "sudah ada" in keluar.getvalue()
    run = ReportRun.objects.get()
    assert run.pemicu == "perintah" and run.berkas.count() == 3


def test_it_refuses_an_unfinished_period_from_the_shell(db):
    with pada(2026, 11, 26, 10), pytest.raises(CommandError, match="belum berakhir"):
        call_command("generate_report", "--jenis", "triwulanan", "--periode", "2026-T4", stdout=StringIO())
