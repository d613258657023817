"""Automatic pre-checks before a verifikator sees a file: formats, duplicates, blacklist."""

import pytest

from conftest import KATA_SANDI
from lpse_portal.exceptions import TransisiTidakSah
from registrasi import prapemeriksaan, services
from registrasi.models import Pendaftaran, Penyedia
from registrasi.tests import pabrik


def _kode(temuan):
    return [(t.kode, t.publik, t.menghalangi) for t in temuan]


def test_it_finds_nothing_in_a_clean_file(lengkap):
    assert prapemeriksaan.periksa(lengkap.penyedia) == []


def test_it_flags_an_identifier_that_no_longer_validates(lengkap):
    # Stored before a stricter rule, or written around the form: the pre-check reads it again.
    Penyedia.objects.filter(pk=lengkap.penyedia_id).update(nib="0000000000000")
    temuan = prapemeriksaan.periksa(Penyedia.objects.get(pk=lengkap.penyedia_id))
    assert ("format", True, True) in _kode(temuan)
    with pytest.raises(TransisiTidakSah, match="NIB"):
        services.ajukan_pendaftaran(pendaftaran_id=lengkap.pk, oleh=lengkap.penyedia.user)


def test_it_flags_a_nik_given_as_npwp_of_a_legal_entity(db):
    nik = pabrik.nik_uji(42)
    p = pabrik.buat_draf("cv.niknpwp", kata_sandi=KATA_SANDI, npwp=nik)
    temuan = prapemeriksaan.periksa(p.penyedia)
    assert [t.pesan for t in temuan if t.kode == "format"] == [
        "NPWP yang diisi berupa NIK, padahal bentuk usaha Persekutuan Komanditer (CV) memakai NPWP badan (diawali 0)."
    ]


def test_it_flags_a_sole_trader_whose_npwp_is_not_the_owners_nik(db):
    p = pabrik.buat_draf("usaha.sendiri", kata_sandi=KATA_SANDI, bentuk="perorangan", npwp=pabrik.nik_uji(7))
    temuan = prapemeriksaan.periksa(p.penyedia)
    assert any("tidak sama dengan NIK pemilik" in t.pesan for t in temuan)


def test_it_shows_the_verifikator_an_npwp_rejected_before(penyedia_factory):
    ditolak = penyedia_factory("cv.lama", status="ditolak").penyedia
    baru = pabrik.buat_draf("cv.baru", kata_sandi=KATA_SANDI, npwp=ditolak.npwp)
    temuan = [t for t in prapemeriksaan.periksa(baru.penyedia) if t.kode == "duplikat"]
    assert [(t.pesan, t.publik) for t in temuan] == [
        ("NPWP ini pernah didaftarkan oleh User ID cv.lama dan ditolak.", False)
    ]


def test_it_flags_a_person_in_charge_of_another_vendor(penyedia_a):
    lain = Penyedia.objects.get(user=penyedia_a)
    p = pabrik.buat_draf("cv.saudara", kata_sandi=KATA_SANDI, pj_nik=lain.pj_nik)
    temuan = prapemeriksaan.periksa(p.penyedia)
    assert any("NIK penanggung jawab juga tercatat pada penyedia" in t.pesan and not t.publik for t in temuan)


def test_it_flags_an_email_used_by_a_staff_account(verifikator):
    p = pabrik.buat_draf("cv.surel", kata_sandi=KATA_SANDI, email=verifikator.email)
    assert any(t.kode == "duplikat" and "akun lain" in t.pesan for t in prapemeriksaan.periksa(p.penyedia))


def test_it_flags_a_user_id_that_differs_only_in_case(db):
    from organisasi.models import User

    User.objects.create_user("CV.KEMBAR", password="x")  # made in admin, around the form
    p = pabrik.buat_draf("cv.kembar2", kata_sandi=KATA_SANDI)
    User.objects.filter(pk=p.penyedia.user_id).update(username="cv.kembar")
    temuan = prapemeriksaan.periksa(Penyedia.objects.get(pk=p.penyedia_id))
    assert any("huruf besar/kecil" in t.pesan for t in temuan)


def test_it_stores_the_findings_as_queue_flags_on_submission(penyedia_a):
    lain = Penyedia.objects.get(user=penyedia_a)
    p = pabrik.buat_draf("cv.flag", kata_sandi=KATA_SANDI, pj_nik=lain.pj_nik)
    pabrik.unggah_semua(p)
    services.ajukan_pendaftaran(pendaftaran_id=p.pk, oleh=p.penyedia.user)
    p = Pendaftaran.objects.get(pk=p.pk)
    assert (p.pra_duplikat, p.pra_format, p.pra_daftar_hitam) == (True, False, False)
    assert p.prapemeriksaan[0]["kode"] == "duplikat"


def test_it_blocks_submission_while_the_npwp_is_blacklisted(lengkap, ppk_a, verifikator, data_penonaktifan):
    from registrasi.services import sanksi as layanan

    data = data_penonaktifan(npwp=lengkap.penyedia.npwp, nama_penyedia=lengkap.penyedia.nama)
    permintaan = layanan.ajukan_penonaktifan(data=data, berkas_sk=pabrik.berkas_pdf(), oleh=ppk_a)
    layanan.setujui_penonaktifan(permintaan_id=permintaan.pk, oleh=verifikator)
    temuan = prapemeriksaan.periksa(lengkap.penyedia)
    assert [(t.kode, t.publik, t.menghalangi) for t in temuan] == [("daftar_hitam", True, True)]
    with pytest.raises(TransisiTidakSah, match="sedang dikenai sanksi daftar hitam"):
        services.ajukan_pendaftaran(pendaftaran_id=lengkap.pk, oleh=lengkap.penyedia.user)
    assert Pendaftaran.objects.get(pk=lengkap.pk).status == Pendaftaran.Status.DRAF


def test_it_flags_a_sanction_decided_after_submission_when_the_file_is_taken(
    penyedia_factory, ppk_a, verifikator, data_penonaktifan
):
    from registrasi.services import sanksi as layanan

    p = penyedia_factory("cv.kemudian", status="diajukan")
    data = data_penonaktifan(npwp=p.penyedia.npwp, nama_penyedia=p.penyedia.nama)
    permintaan = layanan.ajukan_penonaktifan(data=data, berkas_sk=pabrik.berkas_pdf(), oleh=ppk_a)
    layanan.setujui_penonaktifan(permintaan_id=permintaan.pk, oleh=verifikator)
    services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
    assert Pendaftaran.objects.get(pk=p.pk).pra_daftar_hitam
    pabrik.nyatakan_semua(p, oleh=verifikator)
    with pytest.raises(TransisiTidakSah, match="sanksi daftar hitam"):
        services.setujui_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
