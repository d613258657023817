"""Appointments follow the Pergub; roles follow active assignments, by date."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.utils import timezone

from lpse_portal.exceptions import TransisiTidakSah
from organisasi import services
from organisasi.models import Penugasan, User


def _peran(user):
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def test_it_gives_a_pelaksana_the_role_of_their_unit(angkat, pegawai_baru, sistem):
    pegawai = pegawai_baru()
    pegawai.user = User.objects.create_user("baru", password="x")
    pegawai.save()
    angkat(pegawai, "pelaksana-registrasi")
    assert _peran(pegawai.user) == {"verifikator"}
    assert User.objects.get(pk=pegawai.user_id).is_staff


def test_it_gives_a_koordinator_both_the_koordinator_and_the_unit_role(koordinator):
    assert _peran(koordinator) == {"koordinator", "verifikator"}


def test_it_refuses_a_kepala_lpse_appointed_by_the_kepala_dinas(angkat, pegawai_baru):
    with pytest.raises(TransisiTidakSah, match="Sekretaris Daerah"):
        angkat(pegawai_baru(), "kepala-lpse", penetap="kepala_dinas")
    assert not Penugasan.objects.filter(jabatan__kode="kepala-lpse").exists()


def test_it_refuses_a_pelaksana_appointed_by_the_sekda(angkat, pegawai_baru):
    with pytest.raises(TransisiTidakSah, match="Kepala Dinas"):
        angkat(pegawai_baru(), "pelaksana-layanan", penetap="sekda")


def test_it_refuses_a_second_concurrent_holder_of_a_leading_position(angkat, pegawai_baru, kepala_lpse):
    with pytest.raises(TransisiTidakSah, match="hanya untuk satu orang"):
        angkat(pegawai_baru(), "kepala-lpse")
    assert Penugasan.objects.filter(jabatan__kode="kepala-lpse").count() == 1


def test_it_allows_a_successor_from_the_day_the_predecessor_ends(angkat, pegawai_baru):
    kode = "koordinator-layanan"
    lama = angkat(pegawai_baru("Lama", "199001012015011001"), kode, tmt_selesai=datetime.date(2026, 3, 1))
    baru = angkat(pegawai_baru("Baru", "199001012015011002"), kode, tmt_mulai=datetime.date(2026, 3, 1))
    assert lama.tmt_selesai == baru.tmt_mulai


def test_it_allows_many_pelaksana_in_one_unit(angkat, pegawai_baru):
    angkat(pegawai_baru("A", "199001012015011001"), "pelaksana-layanan")
    angkat(pegawai_baru("B", "199001012015011002"), "pelaksana-layanan")
    assert Penugasan.objects.filter(jabatan__kode="pelaksana-layanan").count() == 2


def test_it_refuses_an_end_date_before_the_start(angkat, pegawai_baru):
    with pytest.raises(TransisiTidakSah, match="sesudah TMT mulai"):
        angkat(pegawai_baru(), "pelaksana-layanan", tmt_selesai=datetime.date(2026, 1, 1))


def test_it_leaves_no_sk_file_behind_when_an_appointment_is_refused(angkat, pegawai_baru, kepala_lpse, settings):
    sebelum = set(_semua_berkas(settings))
    with pytest.raises(TransisiTidakSah):
        angkat(pegawai_baru(), "kepala-lpse")
    assert set(_semua_berkas(settings)) == sebelum


def _semua_berkas(settings):
    return [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()] if settings.MEDIA_ROOT.exists() else []


def test_it_refuses_an_appointment_by_someone_without_the_right(verifikator, pegawai_baru, pdf_sk, jabatan):
    with pytest.raises(PermissionDenied):
        services.angkat_pegawai(
            pegawai_id=pegawai_baru().pk,
            jabatan_id=jabatan("pelaksana-layanan").pk,
            nomor_sk="1",
            tanggal_sk=datetime.date(2026, 1, 1),
            penetap="kepala_dinas",
            tmt_mulai=datetime.date(2026, 1, 1),
            berkas_sk=pdf_sk(),
            oleh=verifikator,
        )


def test_it_removes_the_role_at_once_when_an_assignment_ends(verifikator, sekretaris, client):
    client.force_login(verifikator)
    assert client.get("/organisasi/bagan/").status_code == 200
    penugasan = Penugasan.objects.get(pegawai__user=verifikator)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC)):
        services.akhiri_penugasan(
            penugasan_id=penugasan.pk, tmt_selesai=datetime.date(2026, 6, 1), alasan="Mutasi", oleh=sekretaris
        )
        assert _peran(verifikator) == set()
        assert client.get("/organisasi/bagan/").status_code == 403


def test_it_keeps_the_role_until_a_future_end_date_and_drops_it_when_the_daily_job_runs(verifikator, sekretaris):
    penugasan = Penugasan.objects.get(pegawai__user=verifikator)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        services.akhiri_penugasan(
            penugasan_id=penugasan.pk, tmt_selesai=datetime.date(2026, 6, 15), alasan="Pensiun", oleh=sekretaris
        )
        assert _peran(verifikator) == {"verifikator"}
    with time_machine.travel(datetime.datetime(2026, 6, 14, 16, 5, tzinfo=datetime.UTC), tick=False):  # 00:05 WITA
        assert services.terapkan_penugasan_harian() >= 1
        assert _peran(verifikator) == set()
        assert services.terapkan_penugasan_harian() == 0  # a second run changes nothing


def test_it_grants_a_future_assignment_when_the_daily_job_runs_on_its_start_date(angkat, pegawai_baru):
    pegawai = pegawai_baru()
    pegawai.user = User.objects.create_user("calon", password="x")
    pegawai.save()
    with time_machine.travel(datetime.datetime(2026, 6, 1, 2, tzinfo=datetime.UTC), tick=False):
        angkat(pegawai, "pelaksana-adm-sistem", tmt_mulai=datetime.date(2026, 6, 10))
        assert _peran(pegawai.user) == set()
        services.terapkan_penugasan_harian()
        assert _peran(pegawai.user) == set()
    with time_machine.travel(datetime.datetime(2026, 6, 9, 16, 5, tzinfo=datetime.UTC), tick=False):  # 10 June, WITA
        services.terapkan_penugasan_harian()
        assert _peran(pegawai.user) == {"admin_sistem"}


def test_it_leaves_vendor_and_official_roles_alone(ppk_a):
    services.sinkron_peran_pengguna(ppk_a)
    assert _peran(ppk_a) == {"pejabat_pengadaan"}


def test_it_records_an_event_for_each_appointment(angkat, pegawai_baru):
    from lpse_portal.peristiwa import riwayat

    penugasan = angkat(pegawai_baru(), "pelaksana-layanan")
    assert [p.aksi for p in riwayat(penugasan)] == ["angkat"]
    assert default_storage.exists(penugasan.berkas_sk.name)


def test_it_refuses_to_end_an_assignment_twice(verifikator, sekretaris):
    penugasan = Penugasan.objects.get(pegawai__user=verifikator)
    hari_ini = timezone.localdate()
    services.akhiri_penugasan(penugasan_id=penugasan.pk, tmt_selesai=hari_ini, alasan="Mutasi", oleh=sekretaris)
    with pytest.raises(TransisiTidakSah, match="sudah berakhir"):
        services.akhiri_penugasan(penugasan_id=penugasan.pk, tmt_selesai=hari_ini, alasan="Lagi", oleh=sekretaris)
