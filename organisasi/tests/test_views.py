"""Pages of the organisation: forms refuse bad input in Indonesian and save nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lpse_portal.models import AksesDataPribadi
from lpse_portal.tests import berkas_uji as b
from organisasi.models import Pegawai, Penugasan


def _data_angkat(pegawai, jabatan, **ubah):
    data = {
        "pegawai": pegawai.pk,
        "jabatan": jabatan.pk,
        "nomor_sk": "800/5/2026",
        "tanggal_sk": "05-01-2026",
        "penetap": jabatan.penetap_wajib,
        "tmt_mulai": "05-01-2026",
        "berkas_sk": b.unggahan("sk.pdf", b.pdf_sah()),
    }
    data.update(ubah)
    return data


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"berkas_sk": b.unggahan("sk.pdf", b.png_sah())}, "bukan PDF yang sah"),
        ({"berkas_sk": b.unggahan("sk.pdf", b"")}, "kosong"),
        ({"berkas_sk": b.unggahan("sk.pdf", b.pdf_sah() + b"0" * (6 * 1024 * 1024))}, "melebihi batas"),
        ({"tmt_selesai": "01-01-2026"}, "TMT selesai harus sesudah TMT mulai"),
        ({"penetap": "sekda"}, "Pelaksana ditetapkan dengan SK Kepala Dinas"),
        ({"tanggal_sk": "13/25/2026"}, "Masukkan tanggal yang valid"),
    ],
)
def test_it_refuses_a_bad_appointment_form_and_saves_nothing(ubah, pesan, sekretaris, masuk, pegawai_baru, jabatan):
    pegawai = pegawai_baru()
    response = masuk(sekretaris).post(
        "/organisasi/penugasan/baru/", _data_angkat(pegawai, jabatan("pelaksana-layanan"), **ubah)
    )
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert not Penugasan.objects.filter(pegawai=pegawai).exists()


def test_it_shows_the_rule_when_a_second_kepala_is_appointed(sekretaris, kepala_lpse, masuk, pegawai_baru, jabatan):
    pegawai = pegawai_baru()
    response = masuk(sekretaris).post(
        "/organisasi/penugasan/baru/", _data_angkat(pegawai, jabatan("kepala-lpse")), follow=True
    )
    assert "hanya untuk satu orang" in response.content.decode()
    assert not Penugasan.objects.filter(pegawai=pegawai).exists()


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"nip": "198002302005011001"}, "tanggal lahir"),
        ({"nip": "198001012005013001"}, "jenis kelamin"),
        ({"nip": "1980010120050110"}, "18 digit"),
        ({"nip": ""}, "wajib memiliki NIP"),
        ({"status_kepegawaian": "non_pns", "nip": "", "nik": "527101170845"}, "16 digit"),
        ({"status_kepegawaian": "non_pns", "nip": "", "nik": "5271013208450001"}, "tanggal lahir"),
    ],
)
def test_it_refuses_bad_identifiers_on_the_staff_form(ubah, pesan, sekretaris, masuk):
    data = {"nama": "Calon", "status_kepegawaian": "pns", "nip": "199201012018012001", "nik": ""}
    data.update(ubah)
    response = masuk(sekretaris).post("/organisasi/pegawai/baru/", data)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert not Pegawai.objects.filter(nama="Calon").exists()


def test_it_creates_a_staff_record_with_a_valid_nip(sekretaris, masuk):
    data = {"nama": "Calon", "status_kepegawaian": "pns", "nip": "19920101 201801 2 001"}
    response = masuk(sekretaris).post("/organisasi/pegawai/baru/", data)
    assert response.status_code == 302
    assert Pegawai.objects.get(nama="Calon").nip == "199201012018012001"


def test_it_masks_the_nik_in_the_list_and_records_who_saw_it_in_full(sekretaris, masuk):
    pegawai = Pegawai.objects.create(nama="Honorer", status_kepegawaian="non_pns", nik="5271014506950003")
    c = masuk(sekretaris)
    daftar = c.get("/organisasi/pegawai/").content.decode()
    assert "5271014506950003" not in daftar
    assert "0003" in daftar
    penuh = c.get(f"/organisasi/pegawai/{pegawai.pk}/nik/").content.decode()
    assert "5271 0145 0695 0003" in penuh
    assert AksesDataPribadi.objects.filter(pengguna=sekretaris, object_id=pegawai.pk, jenis="lihat").exists()


def test_it_records_every_download_of_an_sk(verifikator, masuk):
    penugasan = Penugasan.objects.get(pegawai__user=verifikator)
    response = masuk(verifikator).get(f"/organisasi/penugasan/{penugasan.pk}/berkas/sk/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert AksesDataPribadi.objects.filter(pengguna=verifikator, jenis="unduh").count() == 1


def test_it_shows_current_holders_on_the_org_chart(sekretaris, verifikator, masuk):
    halaman = masuk(sekretaris).get("/organisasi/bagan/").content.decode()
    assert "Verifikator" in halaman
    assert "Unit Registrasi dan Verifikasi" in halaman


def _jumlah_query(client, url):
    client.get(url)  # the first request of a session writes the session once
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_it_lists_staff_with_a_fixed_number_of_queries(sekretaris, masuk, angkat):
    c = masuk(sekretaris)
    sedikit = _jumlah_query(c, "/organisasi/pegawai/")
    for i in range(20):
        p = Pegawai.objects.create(nama=f"P{i}", status_kepegawaian="pns", nip=f"199001012015011{i + 100:03d}")
        angkat(p, "pelaksana-layanan")
    banyak = _jumlah_query(c, "/organisasi/pegawai/")
    assert banyak == sedikit
    assert banyak <= 12


def test_it_draws_the_org_chart_with_a_fixed_number_of_queries(sekretaris, masuk, angkat):
    c = masuk(sekretaris)
    sedikit = _jumlah_query(c, "/organisasi/bagan/")
    for i in range(10):
        p = Pegawai.objects.create(nama=f"P{i}", status_kepegawaian="pns", nip=f"199001012015011{i + 100:03d}")
        angkat(p, "pelaksana-registrasi")
    assert _jumlah_query(c, "/organisasi/bagan/") == sedikit
