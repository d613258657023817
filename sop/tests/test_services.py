"""The SOP workflow through its services: draft → review → Pembina → effective, and every refusal."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import DataBawaan, Peristiwa
from sop import services
from sop.kategori import KATEGORI_WAJIB
from sop.models import Kategori, VersiSOP
from sop.tests import alur


def test_it_installs_the_six_mandatory_categories_of_lampiran_vi_once(db):
    assert sorted(Kategori.objects.filter(wajib=True).values_list("kode", flat=True)) == sorted(
        k for k, _, _ in KATEGORI_WAJIB
    )
    assert DataBawaan.objects.filter(nama="sop.kategori_wajib").exists()


def test_it_takes_a_draft_through_review_and_approval_to_current(draf, kepala_lpse, pembina):
    versi = draf()
    assert versi.status == "draf" and versi.nomor == "1.0"
    versi = alur.ditinjau(versi, kepala_lpse)
    assert versi.status == "ditinjau"
    versi = alur.diajukan(versi, kepala_lpse)
    assert versi.status == "diajukan" and versi.diajukan_pada and versi.ditinjau_oleh == kepala_lpse
    services.setujui_versi(versi_id=versi.pk, tanggal_berlaku=timezone.localdate(), oleh=pembina)
    versi.refresh_from_db()
    assert versi.status == "berlaku"
    assert versi.disetujui_oleh == pembina and versi.nama_penyetuju == pembina.get_full_name()
    assert versi.sop.tinjau_berikutnya == timezone.localdate().replace(year=timezone.localdate().year + 1)
    aksi = list(Peristiwa.objects.filter(object_id=versi.pk, rantai="sop.versisop").values_list("aksi", flat=True))
    assert aksi == ["buat_draf", "ubah_draf", "ajukan_tinjauan", "ajukan_ke_pembina", "setujui", "berlaku"]


@pytest.mark.parametrize("peran", ["kepala_lpse", "sekretaris", "koordinator", "verifikator", "sistem"])
def test_it_refuses_approval_by_anyone_but_the_pembina(peran, diajukan, request):
    versi = diajukan()
    bukan_pembina = request.getfixturevalue(peran)  # "sistem" is a superuser: still not the Pembina
    with pytest.raises(PermissionDenied, match="Hanya Pembina LPSE"):
        services.setujui_versi(versi_id=versi.pk, tanggal_berlaku=timezone.localdate(), oleh=bukan_pembina)
    versi.refresh_from_db()
    assert versi.status == "diajukan" and versi.disetujui_oleh is None


def test_it_refuses_a_pembina_whose_assignment_has_ended(diajukan, pembina, sistem):
    from organisasi import services as org
    from organisasi.models import Penugasan

    versi = diajukan()
    penugasan = Penugasan.objects.get(pegawai__user=pembina)
    org.akhiri_penugasan(penugasan_id=penugasan.pk, tmt_selesai=timezone.localdate(), alasan="Mutasi", oleh=sistem)
    pembina.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.setujui_versi(versi_id=versi.pk, tanggal_berlaku=timezone.localdate(), oleh=pembina)


def test_it_refuses_an_effective_date_before_the_approval_date(diajukan, pembina):
    versi = diajukan()
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(TransisiTidakSah, match="tidak boleh sebelum tanggal persetujuan"):
        services.setujui_versi(versi_id=versi.pk, tanggal_berlaku=kemarin, oleh=pembina)
    versi.refresh_from_db()
    assert versi.status == "diajukan" and versi.tanggal_berlaku is None and versi.hash_isi == ""


def test_it_refuses_to_approve_a_version_that_was_not_submitted(draf, pembina):
    versi = draf()
    with pytest.raises(TransisiTidakSah, match="tidak sedang diajukan"):
        services.setujui_versi(versi_id=versi.pk, tanggal_berlaku=timezone.localdate(), oleh=pembina)


def test_it_keeps_the_old_version_current_until_a_later_effective_date(berlaku, kepala_lpse, pembina):
    lama = berlaku()
    baru = alur.diajukan(alur.versi_baru(lama, kepala_lpse), kepala_lpse)
    nanti = timezone.localdate() + datetime.timedelta(days=10)
    services.setujui_versi(versi_id=baru.pk, tanggal_berlaku=nanti, oleh=pembina)
    baru.refresh_from_db()
    lama.refresh_from_db()
    assert (lama.status, baru.status) == ("berlaku", "disetujui")
    assert lama.sop.versi_berlaku == lama


def test_it_makes_the_new_version_current_on_its_effective_date_and_supersedes_the_old(berlaku, kepala_lpse, pembina):
    lama = berlaku()
    baru = alur.diajukan(alur.versi_baru(lama, kepala_lpse), kepala_lpse)
    nanti = timezone.localdate() + datetime.timedelta(days=10)
    services.setujui_versi(versi_id=baru.pk, tanggal_berlaku=nanti, oleh=pembina)
    assert services.berlakukan_versi_jatuh_tempo(nanti - datetime.timedelta(days=1)) == 0
    with time_machine.travel(datetime.datetime.combine(nanti, datetime.time(0, 5), tzinfo=datetime.UTC)):
        assert services.berlakukan_versi_jatuh_tempo() == 1
        assert services.berlakukan_versi_jatuh_tempo() == 0  # a second run changes nothing
    lama.refresh_from_db()
    baru.refresh_from_db()
    assert (lama.status, lama.diganti_pada) == ("diganti", nanti)
    assert baru.status == "berlaku"
    assert baru.sop.tinjau_berikutnya == nanti.replace(year=nanti.year + 1)


def test_it_refuses_a_second_draft_while_one_is_pending(berlaku, kepala_lpse, sekretaris):
    lama = berlaku()
    alur.versi_baru(lama, kepala_lpse)
    with pytest.raises(TransisiTidakSah, match="sudah memiliki versi yang sedang diproses"):
        services.buat_versi_baru(sop_id=lama.sop_id, jenis="mayor", alasan_perubahan="Lagi", oleh=sekretaris)
    assert lama.sop.versi.count() == 2


def test_it_lets_the_database_refuse_a_second_pending_version_too(draf):
    versi = draf()
    with pytest.raises(IntegrityError), transaction.atomic():
        VersiSOP.objects.create(sop=versi.sop, mayor=1, minor=1, judul="Kedua")


def test_it_numbers_minor_and_major_versions_from_the_latest_approved(berlaku, kepala_lpse, pembina):
    v10 = berlaku()
    v11 = alur.disetujui(alur.versi_baru(v10, kepala_lpse, jenis="minor"), kepala_lpse, pembina)
    v20 = alur.versi_baru(v11, kepala_lpse, jenis="mayor")
    assert (v11.nomor, v20.nomor) == ("1.1", "2.0")
    assert [s.uraian for s in v20.langkah.all()] == [s.uraian for s in v11.langkah.all()]


def test_it_requires_a_reason_for_a_new_version(berlaku, kepala_lpse):
    lama = berlaku()
    with pytest.raises(TransisiTidakSah, match="Alasan perubahan wajib"):
        services.buat_versi_baru(sop_id=lama.sop_id, jenis="minor", alasan_perubahan="  ", oleh=kepala_lpse)


def test_it_refuses_to_submit_an_incomplete_draft(kepala_lpse):
    versi = alur.draf(kepala_lpse)
    services.ubah_draf(versi_id=versi.pk, data={"tujuan": ""}, langkah=[], oleh=kepala_lpse)
    with pytest.raises(TransisiTidakSah, match="tujuan, langkah"):
        services.ajukan_tinjauan(versi_id=versi.pk, oleh=kepala_lpse)


def test_it_refuses_a_step_without_a_responsible_role(draf, kepala_lpse):
    versi = draf()
    with pytest.raises(TransisiTidakSah, match="Langkah 1: uraian kegiatan dan pelaksana wajib"):
        services.ubah_draf(
            versi_id=versi.pk, data={}, langkah=[{"uraian": "Sesuatu", "pelaksana": ""}], oleh=kepala_lpse
        )
    assert versi.langkah.count() == 2


def test_it_lets_only_drafters_write_and_a_coordinator_only_for_their_unit(draf, verifikator, koordinator_layanan):
    versi = draf(unit="registrasi")
    with pytest.raises(PermissionDenied):
        services.ubah_draf(versi_id=versi.pk, data={"judul": "X"}, langkah=[], oleh=verifikator)
    with pytest.raises(PermissionDenied, match="milik unitnya"):
        services.ubah_draf(versi_id=versi.pk, data={"judul": "X"}, langkah=[], oleh=koordinator_layanan)


def test_it_lets_a_coordinator_draft_for_their_own_unit(koordinator, kepala_lpse):
    versi = alur.draf(koordinator, unit="registrasi")
    assert alur.ditinjau(versi, koordinator).status == "ditinjau"


def test_it_sends_the_draft_to_the_pembina_only_after_the_kepala_lpse_reviewed_it(draf, sekretaris, kepala_lpse):
    versi = alur.ditinjau(draf(oleh=sekretaris), sekretaris)
    with pytest.raises(PermissionDenied, match="Hanya Kepala LPSE"):
        services.teruskan_ke_pembina(versi_id=versi.pk, oleh=sekretaris)
    services.teruskan_ke_pembina(versi_id=versi.pk, oleh=kepala_lpse)


@pytest.mark.parametrize("catatan", ["", "   "])
def test_it_requires_notes_to_return_a_version(catatan, diajukan, pembina):
    versi = diajukan()
    with pytest.raises(TransisiTidakSah, match="Catatan pengembalian wajib"):
        services.kembalikan_versi(versi_id=versi.pk, catatan=catatan, oleh=pembina)


def test_it_returns_a_version_with_notes_and_lets_it_be_fixed_and_resubmitted(
    diajukan, pembina, kepala_lpse, mailoutbox, django_capture_on_commit_callbacks
):
    versi = diajukan()
    with django_capture_on_commit_callbacks(execute=True):
        services.kembalikan_versi(versi_id=versi.pk, catatan="Lengkapi dasar hukum", oleh=pembina)
    versi.refresh_from_db()
    assert versi.status == "dikembalikan" and versi.catatan_pengembalian == "Lengkapi dasar hukum"
    assert versi.diajukan_pada is None
    assert any("dikembalikan" in m.subject for m in mailoutbox)
    services.ubah_draf(
        versi_id=versi.pk, data={"dasar_hukum": "- Pergub NTB 6/2017"}, langkah=alur.LANGKAH, oleh=kepala_lpse
    )
    assert alur.diajukan(versi, kepala_lpse).status == "diajukan"


def test_it_stores_a_content_hash_that_matches_the_approved_text(berlaku):
    versi = berlaku()
    assert len(versi.hash_isi) == 64
    assert versi.hitung_hash_isi() == versi.hash_isi


def test_it_covers_the_signed_scan_in_the_content_hash(kepala_lpse):
    tanpa = alur.draf(kepala_lpse, kode="H-1")
    dengan = alur.draf(kepala_lpse, kode="H-2", berkas_ttd=alur.pindaian())
    assert tanpa.isi_kanonik()["berkas_ttd_sha256"] == ""
    assert len(dengan.isi_kanonik()["berkas_ttd_sha256"]) == 64


def test_it_refuses_a_review_record_without_a_current_version(draf, kepala_lpse):
    versi = draf()
    with pytest.raises(TransisiTidakSah, match="belum memiliki versi yang berlaku"):
        services.catat_tinjauan(sop_id=versi.sop_id, catatan="OK", oleh=kepala_lpse)


def test_it_moves_the_next_review_when_a_review_finds_no_change(berlaku, kepala_lpse):
    versi = berlaku()
    nanti = timezone.localdate() + datetime.timedelta(days=400)
    with time_machine.travel(datetime.datetime.combine(nanti, datetime.time(3, 0), tzinfo=datetime.UTC)):
        sop = services.catat_tinjauan(sop_id=versi.sop_id, catatan="Masih sesuai", oleh=kepala_lpse)
    assert sop.tinjauan_terakhir == nanti
    assert sop.tinjau_berikutnya == nanti.replace(year=nanti.year + 1)


def test_it_cancels_a_draft_and_then_allows_a_new_one(berlaku, kepala_lpse):
    lama = berlaku()
    draf_baru = alur.versi_baru(lama, kepala_lpse)
    services.batalkan_draf(versi_id=draf_baru.pk, alasan="Tidak jadi", oleh=kepala_lpse)
    lagi = alur.versi_baru(lama, kepala_lpse)
    assert lagi.nomor == "1.1"
    assert VersiSOP.objects.get(pk=draf_baru.pk).status == "dibatalkan"


def test_it_refuses_a_duplicate_sop_code(draf, kepala_lpse):
    draf(kode="SOP-SAMA")
    with pytest.raises(TransisiTidakSah, match="sudah dipakai"):
        alur.draf(kepala_lpse, kode="sop-sama")
