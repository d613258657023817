"""The helpdesk workflow (DESIGN.md status flow), LKPP escalation, merging, satisfaction."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied

from layanan import services
from layanan.models import Artikel, JawabanKepuasan, Tiket
from layanan.services.sla import AKSI
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from organisasi.kalender import WITA

S = Tiket.Status


def w(*a):
    return dt.datetime(*a, tzinfo=WITA)


def _status(tiket):
    return Tiket.objects.get(pk=tiket.pk).status


def test_it_numbers_a_public_ticket_and_mails_the_token_link(buat_tiket, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tiket = buat_tiket()
    assert tiket.nomor.startswith("TK") and tiket.status == S.BARU
    assert len(mail.outbox) == 1 and tiket.nomor in mail.outbox[0].subject
    assert f"/layanan/tiket/{tiket.nomor}/" in mail.outbox[0].body
    assert [p.ke for p in riwayat(tiket)] == ["baru"]


def test_it_moves_through_the_status_flow_of_the_design(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    services.ambil_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    assert _status(tiket) == S.DITANGANI
    services.balas_tiket(
        tiket_id=tiket.pk, isi="Mohon kirim tangkapan layar.", tunggu_pengguna=True, oleh=petugas_layanan
    )
    assert _status(tiket) == S.MENUNGGU_PENGGUNA
    services.balas_pelapor(tiket_id=tiket.pk, isi="Terlampir.")
    assert _status(tiket) == S.DITANGANI
    services.eskalasi_ke_lkpp(
        tiket_id=tiket.pk,
        tujuan="helpdesk_eproc",
        nomor_tiket_lkpp="EPROC-123",
        dikirim_pada=dt.datetime.now(WITA),
        uraian="Galat 401",
        oleh=petugas_layanan,
    )
    assert _status(tiket) == S.ESKALASI_LKPP
    eskalasi = tiket.eskalasi.get()
    services.catat_jawaban_lkpp(
        eskalasi_id=eskalasi.pk, jawaban="Sudah diperbaiki.", dijawab_pada=dt.datetime.now(WITA), oleh=petugas_layanan
    )
    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.tutup_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    assert [p.ke for p in riwayat(tiket) if p.ke] == [
        "baru",
        "ditangani",
        "menunggu_pengguna",
        "ditangani",
        "eskalasi_lkpp",
        "ditangani",
        "selesai",
        "ditutup",
    ]


def test_it_refuses_to_close_a_ticket_that_is_not_resolved(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    with pytest.raises(TransisiTidakSah, match="tidak dapat ditutup"):
        services.tutup_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)


def test_it_refuses_handling_by_someone_outside_the_unit(buat_tiket, verifikator):
    tiket = buat_tiket()
    with pytest.raises(PermissionDenied):
        services.balas_tiket(tiket_id=tiket.pk, isi="Halo", oleh=verifikator)


def test_it_keeps_internal_notes_from_the_requester(buat_tiket, petugas_layanan, django_capture_on_commit_callbacks):
    tiket = buat_tiket()
    with django_capture_on_commit_callbacks(execute=True):
        services.balas_tiket(tiket_id=tiket.pk, isi="Catatan rahasia petugas", internal=True, oleh=petugas_layanan)
    assert mail.outbox == []
    assert _status(tiket) == S.BARU  # a note is not a first response


def test_it_reopens_a_resolved_ticket_when_the_requester_replies(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    services.balas_tiket(tiket_id=tiket.pk, isi="Sudah.", oleh=petugas_layanan)
    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.balas_pelapor(tiket_id=tiket.pk, isi="Masih gagal.")
    assert _status(tiket) == S.DITANGANI


def test_it_refuses_a_reply_to_a_closed_ticket(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    services.balas_tiket(tiket_id=tiket.pk, isi="Sudah.", oleh=petugas_layanan)
    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.tutup_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    with pytest.raises(TransisiTidakSah, match="sudah ditutup"):
        services.balas_pelapor(tiket_id=tiket.pk, isi="Halo?")
    assert tiket.balasan.count() == 1


def test_it_escalates_to_helpdesk_teknis_only_after_helpdesk_eproc(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    with pytest.raises(TransisiTidakSah, match="Helpdesk Eproc"):
        services.eskalasi_ke_lkpp(
            tiket_id=tiket.pk,
            tujuan="helpdesk_teknis",
            nomor_tiket_lkpp="T-1",
            dikirim_pada=dt.datetime.now(WITA),
            uraian="?",
            oleh=petugas_layanan,
        )
    assert _status(tiket) == S.BARU and not tiket.eskalasi.exists()


def test_it_shows_the_time_spent_at_lkpp_apart_from_the_sla(buat_tiket, petugas_layanan):
    from layanan.sla import PenghitungSLA

    with time_machine.travel(w(2026, 11, 23, 8), tick=False):
        tiket = buat_tiket()
    with time_machine.travel(w(2026, 11, 23, 10), tick=False):
        services.eskalasi_ke_lkpp(
            tiket_id=tiket.pk,
            tujuan="helpdesk_eproc",
            nomor_tiket_lkpp="E-1",
            dikirim_pada=w(2026, 11, 23, 10),
            uraian="?",
            oleh=petugas_layanan,
        )
    with time_machine.travel(w(2026, 11, 24, 10), tick=False):
        services.catat_jawaban_lkpp(
            eskalasi_id=tiket.eskalasi.get().pk, jawaban="OK", dijawab_pada=w(2026, 11, 24, 10), oleh=petugas_layanan
        )
    tiket = Tiket.objects.prefetch_related("peristiwa").get(pk=tiket.pk)
    sla = PenghitungSLA(sekarang=w(2026, 11, 24, 11)).untuk(tiket)
    assert sla.waktu_lkpp == dt.timedelta(hours=6 + 2.5)
    assert sla.selesai.terpakai == dt.timedelta(hours=3)


def test_it_merges_a_duplicate_into_the_ticket_that_carries_on(buat_tiket, petugas_layanan):
    asli, duplikat = buat_tiket(), buat_tiket(nama_pelapor="Ani")
    services.gabungkan_tiket(tiket_id=duplikat.pk, ke_tiket_id=asli.pk, oleh=petugas_layanan)
    duplikat.refresh_from_db()
    assert duplikat.status == S.DITUTUP and duplikat.gabung_ke == asli
    assert asli.balasan.filter(internal=True, isi__contains=duplikat.nomor).exists()


def test_it_refuses_to_merge_a_ticket_into_itself(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    with pytest.raises(TransisiTidakSah, match="dirinya sendiri"):
        services.gabungkan_tiket(tiket_id=tiket.pk, ke_tiket_id=tiket.pk, oleh=petugas_layanan)


def test_it_links_a_ticket_to_an_account_through_a_generic_reference(buat_tiket, petugas_layanan, penyedia_a):
    tiket = buat_tiket()
    services.tautkan_tiket(tiket_id=tiket.pk, model="organisasi.user", object_id=penyedia_a.pk, oleh=petugas_layanan)
    assert Tiket.objects.get(pk=tiket.pk).terkait == penyedia_a


def test_it_refuses_a_link_to_a_registration_model_that_does_not_exist_yet(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    with pytest.raises(TransisiTidakSah):
        services.tautkan_tiket(
            tiket_id=tiket.pk, model="registrasi.pendaftaran", object_id=999999, oleh=petugas_layanan
        )
    assert Tiket.objects.get(pk=tiket.pk).terkait_type is None


def test_it_turns_a_staff_answer_into_a_draft_article_in_one_step(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    balasan = services.balas_tiket(tiket_id=tiket.pk, isi="Gunakan menu Lupa Kata Sandi.", oleh=petugas_layanan)
    artikel = services.jadikan_artikel(tiket_id=tiket.pk, balasan_id=balasan.pk, oleh=petugas_layanan)
    assert not artikel.terbit and "Lupa Kata Sandi" in artikel.isi
    assert list(tiket.artikel.all()) == [artikel] and Artikel.objects.count() == 1


def test_it_records_a_walk_in_ticket_with_the_guest_book_fields(petugas_layanan):
    from layanan.tests.conftest import data_tiket

    tiket = services.catat_tiket_staf(
        data=data_tiket(kanal="tatap_muka", keperluan_tamu="Konsultasi SIKaP", email_pelapor=""),
        oleh=petugas_layanan,
    )
    assert tiket.status == S.DITANGANI and tiket.dicatat_oleh == petugas_layanan and tiket.waktu_kontak


def test_it_links_a_published_article_that_the_requester_then_sees(buat_tiket, petugas_layanan, client):
    from layanan import tautan

    tiket = buat_tiket()
    draf = services.simpan_artikel(data={"judul": "Draf", "isi": "x", "terbit": False}, oleh=petugas_layanan)
    with pytest.raises(TransisiTidakSah, match="sudah terbit"):
        services.tautkan_artikel(tiket_id=tiket.pk, artikel_id=draf.pk, oleh=petugas_layanan)
    artikel = services.simpan_artikel(
        data={"judul": "Reset kata sandi SPSE", "isi": "Langkahnya…", "terbit": True}, oleh=petugas_layanan
    )
    services.tautkan_artikel(tiket_id=tiket.pk, artikel_id=artikel.pk, oleh=petugas_layanan)
    halaman = client.get(f"/layanan/tiket/{tiket.nomor}/{tautan.token_tiket(tiket)}/").content.decode()
    assert "Reset kata sandi SPSE" in halaman


# --- SLA breaches -------------------------------------------------------------------------------------


@pytest.fixture
def koordinator_layanan(buat_staf):
    return buat_staf("koord.layanan", "koordinator-layanan")


def test_it_flags_a_breach_once_and_tells_the_unit_coordinator(
    buat_tiket, koordinator_layanan, django_capture_on_commit_callbacks
):
    with time_machine.travel(w(2026, 11, 23, 8), tick=False):
        tiket = buat_tiket(jenis="pengaduan", tingkat="ringan")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.periksa_pelanggaran_sla(sekarang=w(2026, 11, 23, 12)) == 2  # response and resolution
    assert {m.to[0] for m in mail.outbox} == {koordinator_layanan.email}
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert services.periksa_pelanggaran_sla(sekarang=w(2026, 11, 23, 13)) == 0  # safe to run twice
    assert len(mail.outbox) == 2
    assert [p.data["jam"] for p in riwayat(tiket) if p.aksi == AKSI] == ["respons", "selesai"]


def test_it_does_not_flag_a_ticket_within_its_targets(buat_tiket, koordinator_layanan):
    with time_machine.travel(w(2026, 11, 23, 8), tick=False):
        buat_tiket()
    assert services.periksa_pelanggaran_sla(sekarang=w(2026, 11, 23, 9)) == 0


def test_it_never_flags_a_proposal_which_has_no_sla(buat_tiket):
    with time_machine.travel(w(2026, 11, 23, 8), tick=False):
        buat_tiket(jenis="usulan")
    assert services.periksa_pelanggaran_sla(sekarang=w(2027, 1, 23, 9)) == 0


# --- satisfaction ---------------------------------------------------------------------------------------


def _selesai(buat_tiket, petugas, pada):
    with time_machine.travel(pada, tick=False):
        tiket = buat_tiket()
        services.balas_tiket(tiket_id=tiket.pk, isi="Beres.", oleh=petugas)
        services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas)
    return tiket


def test_it_asks_for_satisfaction_once_after_the_resolution_holds(
    buat_tiket, petugas_layanan, django_capture_on_commit_callbacks
):
    tiket = _selesai(buat_tiket, petugas_layanan, w(2026, 11, 23, 8))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.kirim_survei_kepuasan(sekarang=w(2026, 11, 23, 8, 30)) == 0  # too early
        assert services.kirim_survei_kepuasan(sekarang=w(2026, 11, 23, 10)) == 1
        assert services.kirim_survei_kepuasan(sekarang=w(2026, 11, 23, 11)) == 0
    assert len(mail.outbox) == 1 and f"/layanan/tiket/{tiket.nomor}/" in mail.outbox[0].body


def test_it_sends_no_survey_for_a_ticket_reopened_meanwhile(buat_tiket, petugas_layanan):
    tiket = _selesai(buat_tiket, petugas_layanan, w(2026, 11, 23, 8))
    with time_machine.travel(w(2026, 11, 23, 8, 20), tick=False):
        services.balas_pelapor(tiket_id=tiket.pk, isi="Belum beres.")
    assert services.kirim_survei_kepuasan(sekarang=w(2026, 11, 23, 10)) == 0


def test_it_refuses_a_satisfaction_answer_for_an_unresolved_ticket(buat_tiket):
    tiket = buat_tiket()
    with pytest.raises(TransisiTidakSah, match="belum diselesaikan"):
        services.jawab_kepuasan(tiket_id=tiket.pk, nilai=5)
    assert not JawabanKepuasan.objects.exists()


def test_it_refuses_a_second_satisfaction_answer(buat_tiket, petugas_layanan):
    tiket = _selesai(buat_tiket, petugas_layanan, w(2026, 11, 23, 8))
    services.jawab_kepuasan(tiket_id=tiket.pk, nilai=4, komentar="Cepat")
    with pytest.raises(TransisiTidakSah, match="sudah diberikan"):
        services.jawab_kepuasan(tiket_id=tiket.pk, nilai=1)
    jawaban = JawabanKepuasan.objects.get()
    assert jawaban.nilai == 4 and jawaban.petugas == petugas_layanan


def test_it_closes_resolved_tickets_after_five_working_days(buat_tiket, petugas_layanan):
    tiket = _selesai(buat_tiket, petugas_layanan, w(2026, 11, 23, 8))
    assert services.tutup_tiket_selesai_otomatis(sekarang=w(2026, 11, 30, 9)) == 0
    assert services.tutup_tiket_selesai_otomatis(sekarang=w(2026, 12, 1, 9)) == 1
    assert _status(tiket) == S.DITUTUP
    assert services.tutup_tiket_selesai_otomatis(sekarang=w(2026, 12, 2, 9)) == 0
