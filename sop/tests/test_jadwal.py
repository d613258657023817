"""Daily jobs: effective dates, review reminders, reminders to the Pembina; and the coverage dashboard."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from lpse_portal.models import EmailKeluar
from sop import services
from sop.cakupan import cakupan
from sop.models import VersiSOP
from sop.tests import alur

WITA = ZoneInfo("Asia/Makassar")


def _pada(tanggal, jam=8):
    return time_machine.travel(datetime.datetime.combine(tanggal, datetime.time(jam, 0), tzinfo=WITA), tick=False)


def _surel(awalan):
    return EmailKeluar.objects.filter(kunci__startswith=awalan)


# --- effective date --------------------------------------------------------------------------


def test_it_runs_the_effective_date_job_as_a_command_twice_without_change(berlaku, kepala_lpse, pembina):
    lama = berlaku()
    baru = alur.diajukan(alur.versi_baru(lama, kepala_lpse), kepala_lpse)
    nanti = timezone.localdate() + datetime.timedelta(days=5)
    services.setujui_versi(versi_id=baru.pk, tanggal_berlaku=nanti, oleh=pembina)
    with _pada(nanti, jam=0):
        out = StringIO()
        call_command("berlakukan_sop", stdout=out)
        call_command("berlakukan_sop", stdout=out)
    assert out.getvalue().splitlines() == ["1 versi SOP mulai berlaku.", "0 versi SOP mulai berlaku."]
    assert VersiSOP.objects.get(pk=lama.pk).status == "diganti"
    assert VersiSOP.objects.get(pk=baru.pk).status == "berlaku"


def test_it_declares_both_jobs_as_default_schedules():
    from sop.jadwal import JADWAL

    assert {j.task for j in JADWAL} == {"sop.tasks.berlakukan_sop_harian", "sop.tasks.kirim_pengingat_sop"}


# --- review reminders ------------------------------------------------------------------------


def test_it_reminds_the_kepala_lpse_and_the_unit_coordinator_before_a_review_is_due(berlaku, koordinator):
    versi = berlaku(unit="registrasi")
    jatuh_tempo = versi.sop.tinjau_berikutnya
    with _pada(jatuh_tempo - datetime.timedelta(days=31)):
        assert services.kirim_pengingat_tinjauan() == 0
    with _pada(jatuh_tempo - datetime.timedelta(days=10)):
        assert services.kirim_pengingat_tinjauan() == 1
        assert services.kirim_pengingat_tinjauan() == 0  # once per due date
    email = _surel("sop:tinjauan:segera").get()
    assert set(email.kepada) == {"kepala@contoh.go.id", "koord.registrasi@contoh.go.id"}
    assert "jatuh tempo" in email.subjek


def test_it_reminds_again_with_the_pembina_once_a_review_is_overdue(berlaku, koordinator):
    versi = berlaku()
    with _pada(versi.sop.tinjau_berikutnya + datetime.timedelta(days=1)):
        out = StringIO()
        call_command("ingatkan_sop", stdout=out)
        call_command("ingatkan_sop", stdout=out)
    assert "1 pengingat tinjauan" in out.getvalue().splitlines()[0]
    assert "0 pengingat tinjauan" in out.getvalue().splitlines()[1]
    email = _surel("sop:tinjauan:lewat").get()
    assert "pembina@contoh.go.id" in email.kepada and "terlambat" in email.subjek


def test_it_lists_overdue_reviews(berlaku, kepala_lpse, masuk):
    terlambat = berlaku(kode="SOP-LAMA")
    tepat = berlaku(kode="SOP-BARU")
    with _pada(terlambat.sop.tinjau_berikutnya + datetime.timedelta(days=3)):
        services.catat_tinjauan(sop_id=tepat.sop_id, catatan="Masih sesuai", oleh=kepala_lpse)
        halaman = masuk(kepala_lpse).get("/sop/tinjauan/").content.decode()
    lewat = halaman.split('id="tinjauan-lewat"')[1].split("</table>")[0]
    assert "SOP-LAMA" in lewat and "SOP-BARU" not in lewat


def test_it_moves_the_reminder_to_the_new_due_date_after_a_review(berlaku, kepala_lpse):
    versi = berlaku()
    with _pada(versi.sop.tinjau_berikutnya - datetime.timedelta(days=5)):
        services.kirim_pengingat_tinjauan()
        services.catat_tinjauan(sop_id=versi.sop_id, catatan="Masih sesuai", oleh=kepala_lpse)
        assert services.kirim_pengingat_tinjauan() == 0
    assert _surel("sop:tinjauan").count() == 1


# --- submissions waiting for the Pembina -----------------------------------------------------


@pytest.mark.parametrize(
    "diajukan_pada, belum, sudah",
    [
        # Senin 2 Maret 2026: the 6th working day after it is Selasa 10 Maret.
        (datetime.date(2026, 3, 2), datetime.date(2026, 3, 9), datetime.date(2026, 3, 10)),
        # Senin 16 Maret 2026: Nyepi, Idulfitri and cuti bersama (18–24 Maret) are not working days.
        (datetime.date(2026, 3, 16), datetime.date(2026, 3, 30), datetime.date(2026, 3, 31)),
    ],
)
def test_it_reminds_the_pembina_of_a_submission_waiting_more_than_five_working_days(
    diajukan_pada, belum, sudah, draf, kepala_lpse, pembina
):
    with _pada(diajukan_pada, jam=9):
        versi = alur.diajukan(draf(), kepala_lpse)
    with _pada(belum):
        assert services.kirim_pengingat_persetujuan() == 0
    with _pada(sudah):
        assert services.kirim_pengingat_persetujuan() == 1
        assert services.kirim_pengingat_persetujuan() == 0
    email = _surel(f"sop:persetujuan:{versi.pk}:").get()
    assert email.kepada == [pembina.email] and "6 hari kerja" in email.subjek


def test_it_reminds_again_after_a_return_and_a_new_submission(draf, kepala_lpse, pembina):
    with _pada(datetime.date(2026, 3, 2), jam=9):
        versi = alur.diajukan(draf(), kepala_lpse)
    with _pada(datetime.date(2026, 3, 10)):
        services.kirim_pengingat_persetujuan()
        services.kembalikan_versi(versi_id=versi.pk, catatan="Perbaiki", oleh=pembina)
        alur.diajukan(versi, kepala_lpse)
    with _pada(datetime.date(2026, 4, 1)):
        assert services.kirim_pengingat_persetujuan() == 1
    assert _surel(f"sop:persetujuan:{versi.pk}:").count() == 2


# --- coverage dashboard ----------------------------------------------------------------------


def _warna(hari_ini):
    return {b.kategori.kode: b.warna for b in cakupan(hari_ini)}


def test_it_shows_every_mandatory_subject_red_when_there_is_no_sop(db):
    warna = _warna(timezone.localdate())
    assert len(warna) == 6 and set(warna.values()) == {"danger"}


def test_it_shows_a_subject_green_with_a_current_sop_and_red_with_only_a_draft(berlaku, draf):
    berlaku(kategori="registrasi-verifikasi")
    draf(kode="SOP-DRAF", kategori="layanan-pengguna", unit="layanan")
    warna = _warna(timezone.localdate())
    assert warna["registrasi-verifikasi"] == "success"
    assert warna["layanan-pengguna"] == "danger"


def test_it_turns_a_subject_yellow_when_its_review_is_due_and_red_when_overdue(berlaku):
    versi = berlaku(kategori="pengarsipan", unit="adm-sistem")
    jatuh_tempo = versi.sop.tinjau_berikutnya
    assert _warna(jatuh_tempo - datetime.timedelta(days=10))["pengarsipan"] == "warning"
    assert _warna(jatuh_tempo + datetime.timedelta(days=1))["pengarsipan"] == "danger"


def test_it_shows_the_coverage_page_with_age_and_next_review(berlaku, verifikator, masuk):
    versi = berlaku()
    halaman = masuk(verifikator).get("/sop/cakupan/").content.decode()
    assert halaman.count('data-warna="danger"') == 5
    assert 'data-warna="success" data-kategori="registrasi-verifikasi"' in halaman
    assert versi.sop.kode in halaman and "umur" in halaman


def test_it_shows_a_new_current_sop_on_the_cached_coverage_page_at_once(berlaku, verifikator, masuk):
    klien = masuk(verifikator)
    assert 'data-warna="danger" data-kategori="layanan-pengguna"' in klien.get("/sop/cakupan/").content.decode()
    berlaku(kode="SOP-LAY-1", kategori="layanan-pengguna", unit="layanan")
    halaman = klien.get("/sop/cakupan/").content.decode()
    assert 'data-warna="success" data-kategori="layanan-pengguna"' in halaman and "SOP-LAY-1" in halaman


def test_it_shows_a_renamed_category_even_when_changed_by_a_bulk_update(berlaku, verifikator, masuk):
    from sop.models import Kategori

    klien = masuk(verifikator)
    klien.get("/sop/cakupan/")
    Kategori.objects.filter(kode="pengarsipan").update(nama="Pengarsipan dan Dokumentasi Baru")
    assert "Pengarsipan dan Dokumentasi Baru" in klien.get("/sop/cakupan/").content.decode()


def test_it_keeps_a_drafters_coverage_apart_from_a_readers(draf, kepala_lpse, verifikator, masuk):
    draf(kode="SOP-DRAF-CAKUPAN", kategori="layanan-pengguna", unit="layanan")
    assert "SOP-DRAF-CAKUPAN" in masuk(kepala_lpse).get("/sop/cakupan/").content.decode()
    assert "SOP-DRAF-CAKUPAN" not in masuk(verifikator).get("/sop/cakupan/").content.decode()
