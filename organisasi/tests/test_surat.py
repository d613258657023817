"""The correspondence register: numbering, dispositions and their follow-up, confidentiality, links."""

import datetime
import io
import threading

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from lpse_portal.exceptions import TransisiTidakSah
from organisasi import services, tautan_surat
from organisasi.models import (
    Disposisi,
    Pegawai,
    PenomoranSurat,
    SuratKeluar,
    SuratMasuk,
    TautanSurat,
    Unit,
    validasi_pola,
)
from organisasi.tests import sekretariat_data as s

JUNI = datetime.datetime(2026, 6, 10, 2, tzinfo=datetime.UTC)  # Wednesday 10 June 2026, 10.00 WITA


@pytest.fixture
def juni():
    with time_machine.travel(JUNI, tick=False):
        yield


def _berkas_tersimpan(settings, folder):
    return [p for p in settings.MEDIA_ROOT.glob(f"{folder}/**/*") if p.is_file()]


# --- outgoing numbers -------------------------------------------------------------------------


def test_it_numbers_outgoing_letters_from_the_years_general_pattern(juni, sekretaris):
    PenomoranSurat.objects.create(tahun=2026, pola="{klasifikasi}/{nomor:03}/LPSE-NTB/{bulan_romawi}/{tahun}")
    assert s.surat_keluar(sekretaris).nomor == "027/001/LPSE-NTB/VI/2026"
    assert (
        s.surat_keluar(sekretaris, klasifikasi=s.klasifikasi("800", "Kepegawaian")).nomor == "800/002/LPSE-NTB/VI/2026"
    )


def test_it_keeps_a_separate_sequence_for_a_classification_with_its_own_pattern(juni, sekretaris):
    PenomoranSurat.objects.create(tahun=2026, pola="{klasifikasi}/{nomor}/LPSE/{tahun}")
    PenomoranSurat.objects.create(tahun=2026, klasifikasi=s.klasifikasi("800"), pola="KP.{nomor}/{tahun}")
    s.surat_keluar(sekretaris)
    assert s.surat_keluar(sekretaris, klasifikasi=s.klasifikasi("800")).nomor == "KP.1/2026"
    assert s.surat_keluar(sekretaris).nomor == "027/2/LPSE/2026"


def test_it_starts_a_new_year_at_one_with_last_years_pattern(juni, sekretaris):
    PenomoranSurat.objects.create(tahun=2025, pola="{nomor}/LPSE/{tahun}", nomor_terakhir=311)
    assert s.surat_keluar(sekretaris).nomor == "1/LPSE/2026"
    assert s.surat_keluar(sekretaris, tanggal_surat=datetime.date(2025, 12, 30)).nomor == "312/LPSE/2025"


def test_it_refuses_a_manual_number_that_collides_and_keeps_nothing(juni, sekretaris, settings):
    lama = s.surat_keluar(sekretaris)
    with pytest.raises(TransisiTidakSah, match="sudah dipakai"):
        s.surat_keluar(sekretaris, nomor_manual=lama.nomor.lower(), bertanda_tangan=True)
    assert SuratKeluar.objects.count() == 1
    assert not _berkas_tersimpan(settings, "organisasi/surat-keluar")


def test_it_skips_a_number_already_taken_by_hand(juni, sekretaris):
    s.surat_keluar(sekretaris, nomor_manual="027/2/LPSE/2026")
    assert [s.surat_keluar(sekretaris).nomor for _ in range(2)] == ["027/1/LPSE/2026", "027/3/LPSE/2026"]


def test_it_never_gives_the_number_of_a_cancelled_letter_again(juni, sekretaris):
    batal = s.surat_keluar(sekretaris)
    services.batalkan_surat_keluar(surat_id=batal.pk, alasan="Salah tujuan", oleh=sekretaris)
    assert s.surat_keluar(sekretaris).nomor == "027/2/LPSE/2026"


@pytest.mark.parametrize(
    "pola, pesan",
    [
        ("{klasifikasi}/LPSE/{tahun}", "wajib memuat {nomor}"),
        ("{klasifikasi}/{nomor}/LPSE", "wajib memuat {tahun}"),
        ("{nomor}/{unit}/{tahun}", "tidak dikenal"),
        ("{nomor.__class__}/{tahun}", "tidak dikenal"),
        ("{nomor:>10}/{tahun}", "tidak didukung"),
        ("{nomor/{tahun}", "kurung kurawal"),
    ],
)
def test_it_refuses_a_numbering_pattern_that_could_repeat_or_break(pola, pesan):
    with pytest.raises(ValidationError, match=pesan):
        validasi_pola(pola)


@pytest.mark.django_db(transaction=True)
def test_it_never_repeats_a_number_under_concurrent_requests(sekretaris):
    """Eight people take a number at the same instant, on a year without a numbering row yet:
    the row is created once and every letter gets its own consecutive number."""
    n = 8
    klas = s.klasifikasi()
    mulai = threading.Barrier(n)
    nomor, galat = [], []

    def ambil():
        try:
            mulai.wait()
            surat = services.buat_surat_keluar(
                data={
                    "tanggal_surat": datetime.date(2026, 3, 2),
                    "klasifikasi": klas,
                    "tujuan": "LKPP",
                    "perihal": "Uji",
                },
                oleh=sekretaris,
            )
            nomor.append(surat.nomor)
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            galat.append(repr(e))
        finally:
            connection.close()

    benang = [threading.Thread(target=ambil) for _ in range(n)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(timeout=60)
    assert not galat
    assert sorted(nomor, key=lambda x: int(x.split("/")[1])) == [f"027/{i}/LPSE/2026" for i in range(1, n + 1)]
    assert PenomoranSurat.objects.get(tahun=2026).nomor_terakhir == n


# --- incoming letters and dispositions ----------------------------------------------------------


def test_it_gives_agenda_numbers_per_year_of_receipt(juni, sekretaris):
    pertama = s.surat_masuk(sekretaris)
    kedua = s.surat_masuk(sekretaris)
    lama = s.surat_masuk(
        sekretaris, tanggal_surat=datetime.date(2025, 12, 20), tanggal_diterima=datetime.date(2025, 12, 29)
    )
    assert [pertama.agenda, kedua.agenda, lama.agenda] == ["0001/2026", "0002/2026", "0001/2025"]


def test_it_refuses_the_same_letter_registered_twice(juni, sekretaris):
    surat = s.surat_masuk(sekretaris)
    with pytest.raises(TransisiTidakSah, match="sudah dicatat dengan nomor agenda 0001/2026"):
        s.surat_masuk(sekretaris, nomor_surat=surat.nomor_surat, pengirim=surat.pengirim.upper())


def test_it_refuses_a_disposition_to_nobody(juni, sekretaris, kepala_lpse):
    surat = s.surat_masuk(sekretaris)
    with pytest.raises(TransisiTidakSah, match="sedikitnya satu unit atau pegawai"):
        s.disposisi_ke_unit(surat, kepala_lpse, unit_ids=[])
    assert not Disposisi.objects.exists()
    assert SuratMasuk.objects.get(pk=surat.pk).status == "baru"


def test_it_refuses_a_deadline_in_the_past(juni, sekretaris, kepala_lpse):
    surat = s.surat_masuk(sekretaris)
    with pytest.raises(TransisiTidakSah, match="tidak boleh sebelum hari ini"):
        s.disposisi_ke_unit(surat, kepala_lpse, batas_waktu=datetime.date(2026, 6, 9))
    assert not Disposisi.objects.exists()


def test_it_refuses_a_disposition_to_someone_no_longer_in_office(juni, sekretaris, kepala_lpse):
    keluar = Pegawai.objects.create(nama="Mantan", status_kepegawaian="pns", nip="199001012015011001")
    surat = s.surat_masuk(sekretaris)
    with pytest.raises(TransisiTidakSah, match="tidak sedang bertugas"):
        s.disposisi_ke_unit(surat, kepala_lpse, unit_ids=[], pegawai_ids=[keluar.pk])


def test_it_lets_only_the_kepala_lpse_dispose(juni, sekretaris):
    surat = s.surat_masuk(sekretaris)
    with pytest.raises(PermissionDenied):
        s.disposisi_ke_unit(surat, sekretaris)


def test_it_creates_one_disposition_per_recipient_and_mails_each(
    juni, sekretaris, kepala_lpse, koordinator, verifikator, petugas_layanan, django_capture_on_commit_callbacks
):
    surat = s.surat_masuk(sekretaris)
    with django_capture_on_commit_callbacks(execute=True):
        dibuat = services.buat_disposisi(
            surat_id=surat.pk,
            unit_ids=[Unit.objects.get(kode="registrasi").pk],
            pegawai_ids=[Pegawai.objects.get(user=petugas_layanan).pk],
            instruksi="Siapkan jawaban.",
            batas_waktu=datetime.date(2026, 6, 12),
            oleh=kepala_lpse,
        )
    assert sorted(d.penerima for d in dibuat) == ["Layanan", "Unit Registrasi dan Verifikasi"]
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(
        [koordinator.email, verifikator.email, petugas_layanan.email]
    )
    assert SuratMasuk.objects.get(pk=surat.pk).status == "didisposisi"


def test_it_keeps_a_confidential_subject_out_of_the_email(
    juni, sekretaris, kepala_lpse, koordinator, django_capture_on_commit_callbacks
):
    surat = s.surat_masuk(sekretaris, rahasia=True, perihal="Temuan audit yang sangat sensitif")
    with django_capture_on_commit_callbacks(execute=True):
        s.disposisi_ke_unit(surat, kepala_lpse)
    assert mail.outbox
    assert all("sensitif" not in m.body and "sensitif" not in m.subject for m in mail.outbox)


def test_it_lets_only_a_recipient_report_follow_up(juni, sekretaris, kepala_lpse, petugas_layanan):
    disposisi = s.disposisi_ke_unit(s.surat_masuk(sekretaris), kepala_lpse, "registrasi")
    with pytest.raises(PermissionDenied):
        services.tindak_lanjuti_disposisi(disposisi_id=disposisi.pk, isi="Bukan urusan saya", oleh=petugas_layanan)


def test_it_refuses_to_close_a_disposition_nobody_followed_up(juni, sekretaris, kepala_lpse):
    disposisi = s.disposisi_ke_unit(s.surat_masuk(sekretaris), kepala_lpse)
    with pytest.raises(TransisiTidakSah, match="belum ditindaklanjuti"):
        services.selesaikan_disposisi(disposisi_id=disposisi.pk, oleh=kepala_lpse)


def test_it_closes_the_letter_when_its_last_disposition_closes(
    juni, sekretaris, kepala_lpse, koordinator, petugas_layanan
):
    surat = s.surat_masuk(sekretaris)
    registrasi = s.disposisi_ke_unit(surat, kepala_lpse, "registrasi")
    layanan = s.disposisi_ke_unit(surat, kepala_lpse, "layanan")
    services.tindak_lanjuti_disposisi(disposisi_id=registrasi.pk, isi="Data dikirim.", oleh=koordinator)
    services.tindak_lanjuti_disposisi(disposisi_id=layanan.pk, isi="Jadwal disusun.", oleh=petugas_layanan)
    services.selesaikan_disposisi(disposisi_id=registrasi.pk, oleh=kepala_lpse)
    assert SuratMasuk.objects.get(pk=surat.pk).status == "didisposisi"
    services.selesaikan_disposisi(disposisi_id=layanan.pk, oleh=sekretaris)
    assert SuratMasuk.objects.get(pk=surat.pk).status == "selesai"
    with pytest.raises(TransisiTidakSah, match="sudah selesai"):
        s.disposisi_ke_unit(surat, kepala_lpse)


def test_it_reminds_each_recipient_once_per_kind_however_often_the_job_runs(
    sekretaris, kepala_lpse, koordinator, verifikator, django_capture_on_commit_callbacks
):
    with time_machine.travel(JUNI, tick=False):
        s.disposisi_ke_unit(s.surat_masuk(sekretaris), kepala_lpse, batas_waktu=datetime.date(2026, 6, 11))
    with time_machine.travel(JUNI, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert services.ingatkan_disposisi() == 1
        assert services.ingatkan_disposisi() == 0
    assert sorted(a for m in mail.outbox if "Pengingat" in m.subject for a in m.to) == sorted(
        [koordinator.email, verifikator.email]
    )
    with time_machine.travel(datetime.datetime(2026, 6, 12, 2, tzinfo=datetime.UTC), tick=False):
        assert services.ingatkan_disposisi() == 1  # now overdue: a second kind of reminder
        assert services.ingatkan_disposisi() == 0


# --- confidentiality --------------------------------------------------------------------------


def test_it_hides_a_confidential_letter_from_roles_that_do_not_handle_it(
    juni, sekretaris, kepala_lpse, verifikator, pembina, masuk
):
    rahasia = s.surat_masuk(sekretaris, rahasia=True, perihal="Permintaan data audit")
    biasa = s.surat_masuk(sekretaris)
    for user in (verifikator, pembina):
        c = masuk(user)
        assert c.get(f"/organisasi/surat-masuk/{rahasia.pk}/").status_code == 404
        assert c.get(f"/organisasi/surat-masuk/{rahasia.pk}/berkas/").status_code == 404
        daftar = c.get("/organisasi/surat-masuk/").content.decode()
        assert "Permintaan data audit" not in daftar
        assert biasa.perihal in daftar
    assert masuk(kepala_lpse).get(f"/organisasi/surat-masuk/{rahasia.pk}/").status_code == 200


def test_it_shows_a_confidential_letter_to_the_unit_it_was_disposed_to(
    juni, sekretaris, kepala_lpse, verifikator, petugas_layanan, masuk
):
    rahasia = s.surat_masuk(sekretaris, rahasia=True)
    s.disposisi_ke_unit(rahasia, kepala_lpse, "registrasi")
    assert masuk(verifikator).get(f"/organisasi/surat-masuk/{rahasia.pk}/").status_code == 200
    assert masuk(petugas_layanan).get(f"/organisasi/surat-masuk/{rahasia.pk}/").status_code == 404


def test_it_hides_a_confidential_outgoing_letter_from_the_list_of_other_roles(juni, sekretaris, admin_sistem, masuk):
    s.surat_keluar(sekretaris, rahasia=True, perihal="Jawaban audit")
    assert "Jawaban audit" not in masuk(admin_sistem).get("/organisasi/surat-keluar/").content.decode()
    assert "Jawaban audit" in masuk(sekretaris).get("/organisasi/surat-keluar/").content.decode()


# --- links ------------------------------------------------------------------------------------


@pytest.fixture
def tujuan_uji():
    """Register a kind as another app would (here a Unit stands in for an LKPP instruction)."""
    tautan_surat.daftarkan("organisasi.Unit", "Instruksi LKPP (uji)")
    yield "organisasi.unit"
    tautan_surat.hapus("organisasi.Unit")


def test_it_links_a_letter_to_an_object_of_a_registered_kind(juni, sekretaris, tujuan_uji, masuk):
    surat = s.surat_masuk(sekretaris)
    unit = Unit.objects.get(kode="adm-sistem")
    services.tautkan_surat(surat_masuk_id=surat.pk, jenis=tujuan_uji, object_id=unit.pk, oleh=sekretaris)
    assert TautanSurat.objects.get(surat_masuk=surat).objek == unit
    assert "Instruksi LKPP (uji)" in masuk(sekretaris).get(f"/organisasi/surat-masuk/{surat.pk}/").content.decode()


def test_it_refuses_a_link_to_an_object_that_does_not_exist(juni, sekretaris, tujuan_uji):
    surat = s.surat_masuk(sekretaris)
    with pytest.raises(TransisiTidakSah, match="tidak ditemukan"):
        services.tautkan_surat(surat_masuk_id=surat.pk, jenis=tujuan_uji, object_id=999999, oleh=sekretaris)
    assert not TautanSurat.objects.exists()


def test_it_refuses_the_same_link_twice(juni, sekretaris, tujuan_uji):
    surat = s.surat_masuk(sekretaris)
    unit = Unit.objects.first()
    services.tautkan_surat(surat_masuk_id=surat.pk, jenis=tujuan_uji, object_id=unit.pk, oleh=sekretaris)
    with pytest.raises(TransisiTidakSah, match="sudah ditautkan"):
        services.tautkan_surat(surat_masuk_id=surat.pk, jenis=tujuan_uji, object_id=unit.pk, oleh=sekretaris)


def test_it_validates_a_link_on_save_whoever_saves_it(juni, sekretaris):
    surat = s.surat_masuk(sekretaris)
    tautan = TautanSurat(
        surat_masuk=surat,
        content_type=ContentType.objects.get_for_model(Unit),  # not registered outside the fixture
        object_id=Unit.objects.first().pk,
        dibuat_oleh=sekretaris,
    )
    with pytest.raises(ValidationError, match="tidak terdaftar"):
        tautan.save()


def test_it_does_not_let_a_link_reach_an_object_the_user_cannot_see(juni, sekretaris, verifikator):
    rahasia = s.surat_masuk(sekretaris, rahasia=True)
    tautan_surat.daftarkan("organisasi.SuratMasuk", "Surat masuk (uji)")  # visible_to(user) applies
    try:
        ct = ContentType.objects.get_for_model(SuratMasuk)
        assert tautan_surat.periksa_objek(ct, rahasia.pk, sekretaris) == rahasia
        with pytest.raises(ValidationError, match="tidak ditemukan"):
            tautan_surat.periksa_objek(ct, rahasia.pk, verifikator)
    finally:
        tautan_surat.hapus("organisasi.SuratMasuk")


def test_it_offers_the_reminder_as_a_command_and_a_daily_schedule(sekretaris, kepala_lpse, koordinator):
    from django.core.management import call_command
    from django_celery_beat.models import PeriodicTask

    with time_machine.travel(JUNI, tick=False):
        s.disposisi_ke_unit(s.surat_masuk(sekretaris), kepala_lpse, batas_waktu=datetime.date(2026, 6, 11))
        keluaran = io.StringIO()
        call_command("ingatkan_disposisi", stdout=keluaran)
        call_command("ingatkan_disposisi", stdout=keluaran)
    assert keluaran.getvalue().splitlines() == [
        "1 pengingat disposisi diantrekan.",
        "0 pengingat disposisi diantrekan.",
    ]
    tugas = PeriodicTask.objects.get(name="Pengingat batas waktu disposisi")
    assert (tugas.task, str(tugas.crontab.timezone)) == ("organisasi.tasks.ingatkan_disposisi", "Asia/Makassar")
