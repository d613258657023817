"""Deactivation requests: who may file them, the bad inputs, and who sees which request."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.tests import berkas_uji as b
from registrasi.models.sanksi import PermintaanPenonaktifan, SanksiDaftarHitam
from registrasi.services import sanksi as layanan
from registrasi.tests import pabrik


def _ajukan(oleh, data, berkas=True):
    return layanan.ajukan_penonaktifan(data=data, berkas_sk=pabrik.berkas_pdf("sk.pdf") if berkas else None, oleh=oleh)


def test_it_records_the_sanction_with_the_default_duration(vendor, sanksi_untuk):
    s = sanksi_untuk(vendor, kode="dokumen-palsu")
    assert (s.selesai - s.mulai).days in (730, 731) or s.selesai.year == s.mulai.year + 2
    assert s.penyedia == vendor
    assert s.pengusul == "ppk"
    assert s.dokumen.filter(jenis="sk").count() == 1


def test_it_records_a_sanction_for_an_unregistered_vendor_without_a_link(ppk_a, verifikator, data_penonaktifan):
    p = _ajukan(ppk_a, data_penonaktifan())
    s = layanan.setujui_penonaktifan(permintaan_id=p.pk, oleh=verifikator)
    assert s.penyedia is None and s.status == "tayang"


def test_it_refuses_a_request_without_the_sk_scan(ppk_a, vendor, data_penonaktifan):
    with pytest.raises(TransisiTidakSah, match="Pindaian SK"):
        _ajukan(ppk_a, data_penonaktifan(vendor), berkas=False)
    assert not PermintaanPenonaktifan.objects.exists()


def test_it_refuses_an_sk_number_already_used(ppk_a, vendor, sanksi_untuk, data_penonaktifan):
    s = sanksi_untuk(vendor)
    with pytest.raises(TransisiTidakSah, match="sudah dipakai"):
        _ajukan(ppk_a, data_penonaktifan(vendor, nomor_sk=s.nomor_sk))


def test_it_refuses_an_end_before_the_start(ppk_a, vendor, data_penonaktifan):
    data = data_penonaktifan(vendor, selesai=datetime.date(2020, 1, 1), alasan_ubah_selesai="x")
    with pytest.raises(TransisiTidakSah, match="sebelum tanggal mulai"):
        _ajukan(ppk_a, data)


def test_it_asks_a_reason_for_an_end_other_than_the_default(ppk_a, vendor, data_penonaktifan):
    from django.utils import timezone

    data = data_penonaktifan(vendor, selesai=timezone.localdate() + datetime.timedelta(days=100))
    with pytest.raises(TransisiTidakSah, match="tuliskan alasannya"):
        _ajukan(ppk_a, data)


def test_it_refuses_a_request_by_someone_who_is_not_a_pejabat_pengadaan(penyedia_b, vendor, data_penonaktifan):
    with pytest.raises(PermissionDenied):
        _ajukan(penyedia_b, data_penonaktifan(vendor))


def test_it_refuses_a_request_by_an_auditor(pejabat_factory, vendor, data_penonaktifan):
    auditor = pejabat_factory("auditor.x", sub_peran="auditor", perangkat_daerah="inspektorat")
    with pytest.raises(PermissionDenied, match="Auditor"):
        _ajukan(auditor, data_penonaktifan(vendor))


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        ({"npwp": "0123456789"}, "NPWP harus 15 atau 16 digit"),
        ({"nib": "12345"}, "NIB harus 13 digit"),
        ({"selesai": "01-01-2020"}, "Tanggal akhir sebelum tanggal mulai"),
        ({"berkas_sk": b.unggahan("sk.pdf", b.png_sah())}, "bukan PDF yang sah"),
        ({"berkas_sk": ""}, "Bidang ini tidak boleh kosong"),
    ],
)
def test_it_refuses_bad_request_forms_and_saves_nothing(ubah, pesan, ppk_a, vendor, masuk, data_penonaktifan):
    data = data_penonaktifan(vendor)
    data.update(
        jenis_pelanggaran=data["jenis_pelanggaran"].pk,
        tanggal_sk="01-06-2026",
        mulai="",
        selesai="",
        berkas_sk=b.unggahan("sk.pdf", b.pdf_sah()),
    )
    data.update(ubah)
    response = masuk(ppk_a).post("/registrasi/penonaktifan/baru/", data)
    assert pesan in response.content.decode()
    assert not PermintaanPenonaktifan.objects.exists()


def test_it_lets_a_requester_follow_only_its_own_requests(ppk_a, ppk_b, vendor, masuk, data_penonaktifan):
    p = _ajukan(ppk_a, data_penonaktifan(vendor))
    assert masuk(ppk_a).get(f"/registrasi/penonaktifan/{p.pk}/").status_code == 200
    assert masuk(ppk_b).get(f"/registrasi/penonaktifan/{p.pk}/").status_code == 404
    assert p.nama_penyedia not in masuk(ppk_b).get("/registrasi/penonaktifan/").content.decode()
    dok = p.dokumen.get()
    assert masuk(ppk_b).get(f"/registrasi/sanksi/dokumen/{dok.pk}/").status_code == 404


def test_it_rejects_a_request_with_a_reason_and_records_nothing(ppk_a, vendor, verifikator, data_penonaktifan):
    p = _ajukan(ppk_a, data_penonaktifan(vendor))
    with pytest.raises(TransisiTidakSah, match="Alasan"):
        layanan.tolak_penonaktifan(permintaan_id=p.pk, alasan=" ", oleh=verifikator)
    layanan.tolak_penonaktifan(permintaan_id=p.pk, alasan="SK belum ditandatangani.", oleh=verifikator)
    assert not SanksiDaftarHitam.objects.exists()


# --- the published list ---------------------------------------------------------------------------------


def test_it_publishes_sanctions_in_tayang_and_finds_them(vendor, sanksi_untuk, client, data_penonaktifan):
    s = sanksi_untuk(vendor)
    halaman = client.get("/registrasi/daftar-hitam/").content.decode()
    assert vendor.nama in halaman and s.nomor_sk in halaman and s.jenis_pelanggaran.nama in halaman
    assert vendor.nama not in client.get("/registrasi/daftar-hitam/?q=tidak-ada-sama-sekali").content.decode()
    assert vendor.nama in client.get(f"/registrasi/daftar-hitam/?q={vendor.npwp}").content.decode()


def test_it_keeps_cancelled_sanctions_off_the_published_list(vendor, sanksi_untuk, client):
    s = sanksi_untuk(vendor)
    SanksiDaftarHitam.objects.filter(pk=s.pk).update(status="pembatalan")
    assert vendor.nama not in client.get("/registrasi/daftar-hitam/").content.decode()


def test_it_downloads_the_published_list_as_csv(vendor, sanksi_untuk, client):
    s = sanksi_untuk(vendor)
    response = client.get("/registrasi/daftar-hitam/unduh.csv")
    assert response["Content-Type"].startswith("text/csv")
    isi = response.content.decode("utf-8-sig").splitlines()
    assert isi[0].startswith("Nama penyedia,NPWP,Pelanggaran")
    assert s.nomor_sk in isi[1] and vendor.npwp_tampil in isi[1]


def test_it_masks_an_npwp_that_is_a_persons_nik_on_the_public_list(penyedia_factory, sanksi_untuk, client):
    from registrasi.models import Penyedia

    sendiri = Penyedia.objects.get(
        pk=penyedia_factory("usaha.nik", bentuk="perorangan", npwp=pabrik.nik_uji(31)).penyedia_id
    )
    sanksi_untuk(sendiri)
    halaman = client.get("/registrasi/daftar-hitam/").content.decode()
    assert sendiri.npwp not in halaman and sendiri.npwp[-4:] in halaman
