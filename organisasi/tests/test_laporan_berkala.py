"""Staff periodic reports (Lampiran V.5–6): the workflow's rules, the overdue reminders and
the roll-up into the Kepala LPSE's activity report."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import EmailKeluar, Peristiwa
from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.kalender import Kalender
from organisasi.models import Jabatan, LaporanBerkala, Pegawai, PengingatLaporanBerkala, Penugasan, Periode
from organisasi.services.laporan_berkala import awal_pengajuan, rekap_periode, tenggat
from organisasi.tests import laporan_berkala_data as lb

D = datetime.date
# Monday 20 July 2026, 10.00 WITA: June has ended and its deadline (7 July) has passed.
JULI = datetime.datetime(2026, 7, 20, 2, tzinfo=datetime.UTC)
REGISTRASI = "pelaksana-registrasi"


def _wita(tanggal: datetime.date, jam: int = 10) -> datetime.datetime:
    return datetime.datetime(tanggal.year, tanggal.month, tanggal.day, jam - 8, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def juli(db):
    with time_machine.travel(JULI, tick=False) as mesin:
        lb.atur()
        yield mesin


def _email_ke(alamat):
    return [e for e in EmailKeluar.objects.order_by("pk") if alamat in e.kepada]


# --- periods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kode, mulai, selesai, label",
    [
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28), "Februari 2026"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "Februari 2024"),
        ("2026-T2", D(2026, 4, 1), D(2026, 6, 30), "Triwulan II 2026"),
        ("2026-T4", D(2026, 10, 1), D(2026, 12, 31), "Triwulan IV 2026"),
    ],
)
def test_it_reads_a_period_from_its_code(kode, mulai, selesai, label):
    p = Periode.dari_kode(kode)
    assert (p.mulai, p.selesai, str(p.label), p.kode) == (mulai, selesai, label, kode)


@pytest.mark.parametrize("kode", ["", "2026-13", "2026-00", "2026-T5", "26-01", "2026-1", "../2026-01", "9999-01"])
def test_it_refuses_a_period_code_that_does_not_exist(kode):
    with pytest.raises(ValueError):
        Periode.dari_kode(kode)


def test_it_opens_submission_on_the_last_working_day_and_counts_the_deadline_in_working_days():
    kalender = Kalender.dari_database()
    mei = Periode.dari_kode("2026-05")
    # 31 May is a Sunday (and Waisak), 30 May a Saturday: the last working day is Friday 29 May.
    assert awal_pengajuan(mei, kalender) == D(2026, 5, 29)
    # 1 June is Hari Lahir Pancasila: five working days after May are 2, 3, 4, 5 and 8 June.
    assert tenggat(mei, lb.atur(), kalender) == D(2026, 6, 8)


# --- drafts -------------------------------------------------------------------------------------


def test_it_saves_a_draft_for_the_running_period(verifikator):
    laporan = lb.tulis(verifikator, REGISTRASI, "2026-07", masalah="")
    assert laporan.status == LaporanBerkala.Status.DRAF
    assert (laporan.periode_mulai, laporan.periode_selesai) == (D(2026, 7, 1), D(2026, 7, 31))
    assert laporan.pegawai.user == verifikator
    assert Peristiwa.objects.filter(object_id=laporan.pk, aksi="buat").exists()


def test_it_keeps_one_report_per_person_position_and_period(verifikator):
    lb.tulis(verifikator, REGISTRASI, "2026-06", kegiatan="Versi pertama.")
    lb.tulis(verifikator, REGISTRASI, "2026-06", kegiatan="Versi kedua.")
    assert LaporanBerkala.objects.get().kegiatan == "Versi kedua."


def test_it_keeps_an_attachment_checked_by_the_upload_rules(verifikator):
    laporan = services.simpan_draf(
        oleh=verifikator,
        jabatan_id=Jabatan.objects.get(kode=REGISTRASI).pk,
        periode="2026-06",
        lampiran=ContentFile(buat_pdf("Lampiran"), name="lampiran.pdf"),
    )
    assert laporan.lampiran.name.startswith("organisasi/laporan-berkala/")


def test_it_refuses_an_empty_draft(verifikator):
    with pytest.raises(TransisiTidakSah, match="Isi sedikitnya satu bagian"):
        lb.tulis(verifikator, REGISTRASI, "2026-06", kegiatan=" ", hasil="", masalah="\n", rencana="")
    assert not LaporanBerkala.objects.exists()


def test_it_refuses_a_part_that_is_too_long(verifikator):
    with pytest.raises(TransisiTidakSah, match="terlalu panjang"):
        lb.tulis(verifikator, REGISTRASI, "2026-06", hasil="x" * 5001)
    assert not LaporanBerkala.objects.exists()


@pytest.mark.parametrize(
    "periode, pesan",
    [
        ("2026-08", "belum dimulai"),
        ("2025-12", "wajib mulai periode Januari 2026"),
        ("2026-T2", "per periode bulanan"),
        ("2026-13", "tidak dikenal"),
    ],
)
def test_it_refuses_a_draft_for_a_period_outside_the_rule(verifikator, periode, pesan):
    with pytest.raises(TransisiTidakSah, match=pesan):
        lb.tulis(verifikator, REGISTRASI, periode)
    assert not LaporanBerkala.objects.exists()


def test_it_refuses_a_report_on_a_position_the_author_did_not_hold(admin_sistem):
    with pytest.raises(TransisiTidakSah, match="tidak memegang jabatan Pelaksana Unit Registrasi"):
        lb.tulis(admin_sistem, REGISTRASI, "2026-06")
    assert not LaporanBerkala.objects.exists()


def test_it_refuses_a_report_on_a_position_held_only_after_the_period(buat_staf):
    baru = buat_staf("baru", REGISTRASI, tmt=D(2026, 7, 1))
    with pytest.raises(TransisiTidakSah, match="tidak memegang jabatan"):
        lb.tulis(baru, REGISTRASI, "2026-06")
    assert lb.tulis(baru, REGISTRASI, "2026-07").status == "draf"


def test_it_refuses_a_report_on_a_position_without_a_superior(pembina):
    with pytest.raises(TransisiTidakSah, match="tidak memiliki atasan"):
        lb.tulis(pembina, "pembina", "2026-06")


def test_it_refuses_an_account_without_a_staff_record(penyedia_a):
    with pytest.raises(TransisiTidakSah, match="tidak terhubung dengan data pegawai"):
        lb.tulis(penyedia_a, REGISTRASI, "2026-06")


# --- submission ---------------------------------------------------------------------------------


def test_it_submits_an_ended_period_and_tells_the_superior(verifikator, koordinator):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    assert laporan.status == LaporanBerkala.Status.DIAJUKAN
    assert laporan.pertama_diajukan_at == laporan.diajukan_at
    (email,) = _email_ke(koordinator.email)
    assert "menunggu tinjauan" in email.subjek


@pytest.mark.parametrize(
    "hari, boleh",
    [(D(2026, 7, 29), False), (D(2026, 7, 30), False), (D(2026, 7, 31), True), (D(2026, 8, 3), True)],
)
def test_it_allows_submission_from_the_last_working_day_of_the_period(verifikator, juli, hari, boleh):
    laporan = lb.tulis(verifikator, REGISTRASI, "2026-07")
    juli.move_to(_wita(hari))
    if boleh:
        assert services.ajukan_laporan(laporan_id=laporan.pk, oleh=verifikator).status == "diajukan"
    else:
        with pytest.raises(TransisiTidakSah, match="Periode Juli 2026 belum berakhir.*31 Juli 2026"):
            services.ajukan_laporan(laporan_id=laporan.pk, oleh=verifikator)
        assert LaporanBerkala.objects.get(pk=laporan.pk).status == "draf"


def test_it_refuses_to_submit_an_incomplete_report(verifikator):
    laporan = lb.tulis(verifikator, REGISTRASI, "2026-06", masalah="", rencana=" ")
    with pytest.raises(TransisiTidakSah, match='permasalahan, rencana periode berikutnya.*"Tidak ada"'):
        services.ajukan_laporan(laporan_id=laporan.pk, oleh=verifikator)
    assert LaporanBerkala.objects.get(pk=laporan.pk).status == "draf"
    assert not EmailKeluar.objects.exists()


def test_it_refuses_a_second_submission(verifikator, koordinator):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    with pytest.raises(TransisiTidakSah, match="sudah diajukan"):
        services.ajukan_laporan(laporan_id=laporan.pk, oleh=verifikator)
    assert len(_email_ke(koordinator.email)) == 1


def test_it_refuses_a_submission_by_anyone_but_the_author(verifikator, koordinator):
    laporan = lb.tulis(verifikator, REGISTRASI, "2026-06")
    with pytest.raises(TransisiTidakSah, match="Hanya penyusun"):
        services.ajukan_laporan(laporan_id=laporan.pk, oleh=koordinator)
    assert LaporanBerkala.objects.get(pk=laporan.pk).status == "draf"


def test_it_refuses_to_change_a_submitted_report(verifikator):
    lb.ajukan(verifikator, REGISTRASI, "2026-06")
    with pytest.raises(TransisiTidakSah, match="sudah diajukan ke atasan; isinya tidak dapat diubah"):
        lb.tulis(verifikator, REGISTRASI, "2026-06", kegiatan="Diubah diam-diam.")
    assert LaporanBerkala.objects.get().kegiatan == lb.ISI["kegiatan"]


# --- review -------------------------------------------------------------------------------------


def test_it_lets_the_unit_coordinator_accept_and_tells_the_author(verifikator, koordinator):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    services.terima_laporan(laporan_id=laporan.pk, oleh=koordinator, catatan="Baik.")
    laporan.refresh_from_db()
    assert (laporan.status, laporan.ditinjau_oleh, laporan.catatan_peninjau) == ("diterima", koordinator, "Baik.")
    assert "diterima" in _email_ke(verifikator.email)[-1].subjek


def test_it_lets_the_kepala_lpse_review_a_coordinators_report(koordinator, kepala_lpse):
    laporan = lb.ajukan(koordinator, "koordinator-registrasi", "2026-06")
    assert services.terima_laporan(laporan_id=laporan.pk, oleh=kepala_lpse).status == "diterima"


@pytest.mark.parametrize("peninjau", ["kepala_lpse", "pembina", "sekretaris", "admin_sistem", "koord_layanan"])
def test_it_refuses_review_by_anyone_but_the_holder_of_the_superior_position(
    verifikator, koordinator, buat_staf, request, peninjau
):
    oleh = buat_staf("koord.layanan", "koordinator-layanan") if peninjau == "koord_layanan" else None
    oleh = oleh or request.getfixturevalue(peninjau)
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    pesan = "Hanya pemegang jabatan Koordinator Unit Registrasi dan Verifikasi saat ini"
    with pytest.raises(TransisiTidakSah, match=pesan):
        services.terima_laporan(laporan_id=laporan.pk, oleh=oleh)
    with pytest.raises(TransisiTidakSah, match=pesan):
        services.kembalikan_laporan(laporan_id=laporan.pk, oleh=oleh, catatan="Perbaiki.")
    assert LaporanBerkala.objects.get(pk=laporan.pk).status == "diajukan"


def test_it_refuses_review_of_ones_own_report(koordinator, sistem):
    # The coordinator also holds a pelaksana position of the unit they coordinate.
    pegawai = Pegawai.objects.get(user=koordinator)
    jabatan = Jabatan.objects.get(kode=REGISTRASI)
    services.angkat_pegawai(
        pegawai_id=pegawai.pk,
        jabatan_id=jabatan.pk,
        nomor_sk="800/99/UJI",
        tanggal_sk=D(2025, 1, 1),
        penetap=jabatan.penetap_wajib,
        tmt_mulai=D(2026, 1, 2),
        berkas_sk=ContentFile(buat_pdf("SK"), name="sk.pdf"),
        oleh=sistem,
    )
    laporan = lb.ajukan(koordinator, REGISTRASI, "2026-06")
    with pytest.raises(TransisiTidakSah, match="laporan Anda sendiri"):
        services.terima_laporan(laporan_id=laporan.pk, oleh=koordinator)
    assert LaporanBerkala.objects.get(pk=laporan.pk).status == "diajukan"


def test_it_follows_the_superior_position_not_the_person(verifikator, koordinator, buat_staf, sistem):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    lama = Penugasan.objects.get(pegawai__user=koordinator)
    services.akhiri_penugasan(penugasan_id=lama.pk, tmt_selesai=D(2026, 7, 20), alasan="Mutasi.", oleh=sistem)
    pengganti = buat_staf("koord.baru", "koordinator-registrasi", tmt=D(2026, 7, 20))
    with pytest.raises(TransisiTidakSah, match="Hanya pemegang jabatan"):
        services.terima_laporan(laporan_id=laporan.pk, oleh=koordinator)
    assert services.terima_laporan(laporan_id=laporan.pk, oleh=pengganti).ditinjau_oleh == pengganti


def test_it_requires_a_note_to_return_a_report(verifikator, koordinator):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    with pytest.raises(TransisiTidakSah, match="Catatan pengembalian wajib diisi"):
        services.kembalikan_laporan(laporan_id=laporan.pk, oleh=koordinator, catatan="  ")
    assert LaporanBerkala.objects.get(pk=laporan.pk).status == "diajukan"


def test_it_refuses_to_review_a_draft_or_a_reviewed_report(verifikator, koordinator):
    laporan = lb.tulis(verifikator, REGISTRASI, "2026-06")
    with pytest.raises(TransisiTidakSah, match="belum diajukan"):
        services.terima_laporan(laporan_id=laporan.pk, oleh=koordinator)
    services.ajukan_laporan(laporan_id=laporan.pk, oleh=verifikator)
    services.terima_laporan(laporan_id=laporan.pk, oleh=koordinator)
    with pytest.raises(TransisiTidakSah, match="sudah diterima"):
        services.kembalikan_laporan(laporan_id=laporan.pk, oleh=koordinator, catatan="Terlambat berubah pikiran.")


def test_it_takes_a_returned_report_through_correction_to_acceptance(verifikator, koordinator, juli):
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    pertama = laporan.pertama_diajukan_at
    services.kembalikan_laporan(laporan_id=laporan.pk, oleh=koordinator, catatan="Sebutkan jumlah yang ditolak.")
    assert "dikembalikan" in _email_ke(verifikator.email)[-1].subjek
    juli.shift(datetime.timedelta(hours=1))
    lb.tulis(verifikator, REGISTRASI, "2026-06", hasil="40 disetujui, 2 ditolak.")
    laporan = services.ajukan_laporan(laporan_id=laporan.pk, oleh=verifikator)
    assert (laporan.status, laporan.pertama_diajukan_at) == ("diajukan", pertama)
    assert laporan.diajukan_at > pertama
    services.terima_laporan(laporan_id=laporan.pk, oleh=koordinator)
    laporan.refresh_from_db()
    assert (laporan.status, laporan.hasil) == ("diterima", "40 disetujui, 2 ditolak.")
    aksi = list(
        Peristiwa.objects.filter(object_id=laporan.pk, rantai="organisasi.laporanberkala").values_list(
            "aksi", flat=True
        )
    )
    assert aksi == ["buat", "ajukan", "kembalikan", "simpan", "ajukan", "terima"]


# --- overdue reports and the daily reminder -----------------------------------------------------


def test_it_counts_a_report_overdue_only_after_its_deadline(verifikator, juli):
    lb.atur(wajib_mulai=D(2026, 6, 1))
    juli.move_to(_wita(D(2026, 7, 7)))
    assert services.ingatkan_laporan_berkala() == 0
    juli.move_to(_wita(D(2026, 7, 8)))
    assert services.ingatkan_laporan_berkala() > 0
    assert PengingatLaporanBerkala.objects.filter(periode_mulai=D(2026, 6, 1), tanggal=D(2026, 7, 8)).exists()


def test_it_reminds_once_a_day_however_often_it_runs(verifikator, koordinator, kepala_lpse, juli):
    lb.atur(wajib_mulai=D(2026, 6, 1))
    # June is overdue for all three. Each author gets a reminder; the coordinator (superior of
    # the verifikator) and the Kepala LPSE (superior of the coordinator) each get one list; the
    # Pembina's position is vacant here, so nobody gets the Kepala LPSE's.
    assert services.ingatkan_laporan_berkala() == 5
    assert services.ingatkan_laporan_berkala() == 0
    assert len(_email_ke(verifikator.email)) == 1
    pengingat, daftar = _email_ke(koordinator.email)
    assert "Juni 2026 belum Anda ajukan" in pengingat.subjek
    assert "Verifikator (Pelaksana Unit Registrasi dan Verifikasi), Juni 2026" in daftar.isi_teks
    assert len(_email_ke(kepala_lpse.email)) == 2
    assert PengingatLaporanBerkala.objects.count() == 3
    # The next working day it reminds again, once.
    juli.move_to(_wita(D(2026, 7, 21)))
    assert services.ingatkan_laporan_berkala() == 5
    assert services.ingatkan_laporan_berkala() == 0
    assert PengingatLaporanBerkala.objects.count() == 6


def test_it_sends_no_reminder_on_a_day_off(verifikator, juli):
    juli.move_to(_wita(D(2026, 7, 25)))  # Saturday
    assert services.ingatkan_laporan_berkala() == 0
    assert not PengingatLaporanBerkala.objects.exists()


def test_it_stops_reminding_once_the_report_is_submitted(verifikator):
    lb.atur(wajib_mulai=D(2026, 6, 1))
    lb.ajukan(verifikator, REGISTRASI, "2026-06")
    assert services.ingatkan_laporan_berkala() == 0


def test_it_does_not_count_a_returned_report_as_overdue(verifikator, koordinator):
    lb.atur(wajib_mulai=D(2026, 6, 1))
    laporan = lb.ajukan(verifikator, REGISTRASI, "2026-06")
    services.kembalikan_laporan(laporan_id=laporan.pk, oleh=koordinator, catatan="Lengkapi.")
    services.ingatkan_laporan_berkala()
    assert not PengingatLaporanBerkala.objects.filter(pegawai__user=verifikator).exists()
    assert PengingatLaporanBerkala.objects.filter(pegawai__user=koordinator).exists()  # their own June report


def test_it_runs_the_reminder_from_the_command(verifikator):
    from io import StringIO

    from django.core.management import call_command

    lb.atur(wajib_mulai=D(2026, 6, 1))
    out = StringIO()
    call_command("ingatkan_laporan_berkala", stdout=out)
    call_command("ingatkan_laporan_berkala", stdout=out)
    assert out.getvalue().splitlines() == [
        "1 surel pengingat laporan berkala diantrekan.",
        "0 surel pengingat laporan berkala diantrekan.",
    ]


# --- the roll-up --------------------------------------------------------------------------------


def test_it_rolls_the_accepted_reports_of_each_unit_up_with_the_missing_ones(
    verifikator, koordinator, petugas_layanan, admin_sistem, kepala_lpse, buat_staf
):
    koord_layanan = buat_staf("koord.layanan", "koordinator-layanan")
    verifikator2 = buat_staf("verifikator2", REGISTRASI)
    verifikator3 = buat_staf("verifikator3", REGISTRASI)
    lb.diterima(verifikator, REGISTRASI, "2026-06", koordinator, kegiatan="Verifikasi A.")
    lb.diterima(verifikator2, REGISTRASI, "2026-06", koordinator, kegiatan="Verifikasi B.")
    lb.ajukan(verifikator3, REGISTRASI, "2026-06")  # waiting for review: missing from the roll-up
    lb.diterima(petugas_layanan, "pelaksana-layanan", "2026-06", koord_layanan, kegiatan="Helpdesk.")
    lb.tulis(admin_sistem, "pelaksana-adm-sistem", "2026-06")  # a draft only: overdue
    lb.diterima(koordinator, "koordinator-registrasi", "2026-06", kepala_lpse, kegiatan="Koordinasi.")
    lb.diterima(verifikator, REGISTRASI, "2026-05", koordinator, kegiatan="Bulan lain.")  # not this period

    rekap = {r.unit.kode: r for r in rekap_periode(Periode.dari_kode("2026-06"))}

    # Expected, from the cast above: everyone holding a position with a superior in June owes
    # one, the Kepala LPSE included (to the Pembina); units without anyone owing are left out.
    assert list(rekap) == ["kepala", "adm-sistem", "registrasi", "layanan"]
    assert [(len(r.kewajiban), len(r.diterima), len(r.terlambat)) for r in rekap.values()] == [
        (1, 0, 1),
        (1, 0, 1),
        (4, 3, 0),
        (2, 1, 1),
    ]
    reg = rekap["registrasi"]
    assert sorted(k.laporan.kegiatan for k in reg.diterima) == ["Koordinasi.", "Verifikasi A.", "Verifikasi B."]
    assert sorted((k.pegawai.nama, k.status) for k in reg.belum_diterima) == [("Verifikator3", "diajukan")]
    assert reg.terlambat == []
    adm = rekap["adm-sistem"]
    assert [(k.pegawai.nama, k.status, k.lewat) for k in adm.kewajiban] == [("Admin.Sistem", "draf", True)]
    lay = rekap["layanan"]
    assert [k.laporan.kegiatan for k in lay.diterima] == ["Helpdesk."]
    assert [(k.pegawai.nama, k.status, k.lewat) for k in lay.belum_diterima] == [("Koord.Layanan", "belum", True)]
    assert {k.pegawai.nama for r in rekap.values() for k in r.terlambat} == {"Admin.Sistem", "Koord.Layanan", "Kepala"}
