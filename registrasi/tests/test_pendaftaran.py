"""The registration workflow through its services: states, documents, e-mails and events."""

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from conftest import KATA_SANDI
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import Peristiwa
from lpse_portal.peristiwa import riwayat
from registrasi import services
from registrasi.models import AlasanTidakValid, Dokumen, Pendaftaran, Penyedia
from registrasi.tests import pabrik


def _alasan(kode="tidak-terbaca"):
    return AlasanTidakValid.objects.get(kode=kode).pk


def test_it_creates_an_inactive_account_and_a_draft(draf):
    user = draf.penyedia.user
    assert draf.status == Pendaftaran.Status.DRAF
    assert not user.is_active
    assert draf.penyedia.status == Penyedia.Status.NONAKTIF
    assert authenticate(RequestFactory().post("/"), username=user.username, password=KATA_SANDI) is None
    assert not user.groups.exists()


def test_it_leaves_no_half_made_account_when_a_step_fails(db, monkeypatch):
    def gagal(*args, **kwargs):
        raise RuntimeError("langkah terakhir gagal")

    monkeypatch.setattr("registrasi.services.pendaftaran.catat_peristiwa", gagal)
    with pytest.raises(RuntimeError):
        pabrik.buat_draf("setengah.jadi", kata_sandi=KATA_SANDI)
    from organisasi.models import User

    assert not User.objects.filter(username="setengah.jadi").exists()
    assert not Penyedia.objects.exists()


def test_it_keeps_every_uploaded_version(draf, jenis, pdf):
    nib = jenis("nib")
    for _ in range(3):
        services.unggah_dokumen(
            pendaftaran_id=draf.pk, jenis_id=nib.pk, berkas=pdf(), nomor="9120000000001", oleh=draf.penyedia.user
        )
    versi = list(Dokumen.objects.filter(penyedia=draf.penyedia, jenis=nib).order_by("versi"))
    assert [d.versi for d in versi] == [1, 2, 3]
    assert [d.keadaan for d in versi] == ["diganti", "diganti", "usulan"]
    assert len({d.berkas.name for d in versi}) == 3
    assert all(d.diunggah_oleh == draf.penyedia.user for d in versi)


def test_it_refuses_submission_while_a_required_document_is_missing(draf):
    with pytest.raises(TransisiTidakSah, match="Dokumen wajib belum diunggah"):
        services.ajukan_pendaftaran(pendaftaran_id=draf.pk, oleh=draf.penyedia.user)


def test_it_asks_for_a_surat_kuasa_when_the_registrant_is_not_the_director(db):
    p = pabrik.buat_draf("bukan.direktur", kata_sandi=KATA_SANDI, pj_adalah_pimpinan=False)
    pabrik.unggah_semua(p)
    kodes = set(p.dokumen_terkini().values_list("jenis__kode", flat=True))
    assert "surat-kuasa" in kodes


def test_it_submits_a_complete_file_and_emails_the_vendor(lengkap, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        p = services.ajukan_pendaftaran(pendaftaran_id=lengkap.pk, oleh=lengkap.penyedia.user)
    assert p.status == Pendaftaran.Status.DIAJUKAN
    assert p.antre_sejak is not None
    assert mail.outbox[-1].subject == "(LPSE) [cv.draf] Pendaftaran Diterima"


def test_it_refuses_a_double_submission(lengkap):
    services.ajukan_pendaftaran(pendaftaran_id=lengkap.pk, oleh=lengkap.penyedia.user)
    with pytest.raises(TransisiTidakSah, match="sudah diajukan"):
        services.ajukan_pendaftaran(pendaftaran_id=lengkap.pk, oleh=lengkap.penyedia.user)
    assert Peristiwa.objects.filter(aksi="ajukan", object_id=lengkap.pk).count() == 1


def test_it_refuses_a_second_verifikator_claiming_the_same_file(penyedia_factory, verifikator, buat_staf):
    p = penyedia_factory("cv.rebut", status="diajukan")
    kedua = buat_staf("verifikator.dua", "pelaksana-registrasi")
    services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
    with pytest.raises(TransisiTidakSah, match="sudah diambil oleh"):
        services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=kedua)
    assert Pendaftaran.objects.get(pk=p.pk).verifikator == verifikator


def test_it_lets_only_the_holder_decide_on_documents(diverifikasi, buat_staf):
    lain = buat_staf("verifikator.lain", "pelaksana-registrasi")
    dok = diverifikasi.dokumen_terkini().first()
    with pytest.raises(TransisiTidakSah, match="sedang diverifikasi oleh"):
        services.periksa_dokumen(dokumen_id=dok.pk, hasil="valid", oleh=lain)


def test_it_refuses_an_invalid_document_without_a_coded_reason(diverifikasi, verifikator):
    dok = diverifikasi.dokumen_terkini().first()
    with pytest.raises(TransisiTidakSah, match="alasan dari daftar"):
        services.periksa_dokumen(dokumen_id=dok.pk, hasil="tidak_valid", oleh=verifikator)


def test_it_refuses_approval_while_a_document_is_not_valid(diverifikasi, verifikator):
    dok = diverifikasi.dokumen_terkini().first()
    services.periksa_dokumen(dokumen_id=dok.pk, hasil="tidak_valid", alasan_id=_alasan(), oleh=verifikator)
    with pytest.raises(TransisiTidakSah, match="belum dinyatakan valid"):
        services.setujui_pendaftaran(pendaftaran_id=diverifikasi.pk, oleh=verifikator)
    assert Pendaftaran.objects.get(pk=diverifikasi.pk).status == Pendaftaran.Status.DIVERIFIKASI


def test_it_refuses_approval_of_unchecked_documents(diverifikasi, verifikator):
    with pytest.raises(TransisiTidakSah, match="belum dinyatakan valid"):
        services.setujui_pendaftaran(pendaftaran_id=diverifikasi.pk, oleh=verifikator)


def test_it_records_number_and_expiry_with_the_decision(diverifikasi, verifikator, jenis):
    import datetime

    kswp = diverifikasi.dokumen.get(jenis=jenis("kswp"), keadaan="usulan")
    sampai = datetime.date(2027, 3, 31)
    services.periksa_dokumen(
        dokumen_id=kswp.pk, hasil="valid", nomor="KSWP-77", berlaku_sampai=sampai, oleh=verifikator
    )
    kswp.refresh_from_db()
    assert (kswp.nomor, kswp.berlaku_sampai, kswp.hasil) == ("KSWP-77", sampai, "valid")
    assert kswp.diperiksa_oleh == verifikator


def test_it_returns_the_file_and_lets_the_vendor_replace_only_invalid_documents(diverifikasi, verifikator, pdf):
    dokumen = list(diverifikasi.dokumen_terkini())
    salah, benar = dokumen[0], dokumen[1]
    services.periksa_dokumen(dokumen_id=salah.pk, hasil="tidak_valid", alasan_id=_alasan(), oleh=verifikator)
    services.periksa_dokumen(dokumen_id=benar.pk, hasil="valid", nomor=benar.nomor or None, oleh=verifikator)
    services.kembalikan_pendaftaran(pendaftaran_id=diverifikasi.pk, catatan="Pindai ulang.", oleh=verifikator)
    vendor = diverifikasi.penyedia.user
    with pytest.raises(TransisiTidakSah, match="hanya dokumen yang dinyatakan tidak valid"):
        services.unggah_dokumen(
            pendaftaran_id=diverifikasi.pk, jenis_id=benar.jenis_id, berkas=pdf(), nomor="X", oleh=vendor
        )
    with pytest.raises(TransisiTidakSah, match="Ganti dahulu"):
        services.ajukan_pendaftaran(pendaftaran_id=diverifikasi.pk, oleh=vendor)
    baru = services.unggah_dokumen(
        pendaftaran_id=diverifikasi.pk,
        jenis_id=salah.jenis_id,
        berkas=pdf(),
        nomor="NO-2/2026" if salah.jenis.minta_nomor else "",
        oleh=vendor,
    )
    p = services.ajukan_pendaftaran(pendaftaran_id=diverifikasi.pk, oleh=vendor)
    assert p.status == Pendaftaran.Status.DIAJUKAN
    assert p.verifikator is None
    assert baru.versi == 2 and baru.hasil == "menunggu"
    assert Dokumen.objects.get(pk=benar.pk).hasil == "valid"
    aksi = [e.aksi for e in riwayat(p)]
    assert aksi.index("kembalikan") < aksi.index("ajukan", aksi.index("kembalikan"))


def test_it_approves_activates_the_user_id_and_welcomes_the_vendor(
    diverifikasi, verifikator, django_capture_on_commit_callbacks
):
    pabrik.nyatakan_semua(diverifikasi, oleh=verifikator)
    with django_capture_on_commit_callbacks(execute=True):
        services.setujui_pendaftaran(pendaftaran_id=diverifikasi.pk, oleh=verifikator)
    penyedia = Penyedia.objects.select_related("user").get(pk=diverifikasi.penyedia_id)
    assert penyedia.status == Penyedia.Status.AKTIF
    assert penyedia.user.is_active
    assert penyedia.user.groups.filter(name="penyedia").exists()
    assert not penyedia.dokumen.filter(keadaan="usulan").exists()
    assert authenticate(RequestFactory().post("/"), username="cv.diperiksa", password=KATA_SANDI) == penyedia.user
    assert mail.outbox[-1].subject == "(LPSE) [cv.diperiksa] Selamat Bergabung"
    assert Peristiwa.objects.filter(rantai="registrasi.penyedia", aksi="aktifkan_user_id").count() == 1


def test_it_requires_a_reason_to_reject(diverifikasi, verifikator):
    with pytest.raises(TransisiTidakSah, match="Alasan penolakan wajib"):
        services.tolak_pendaftaran(pendaftaran_id=diverifikasi.pk, alasan="  ", oleh=verifikator)


def test_it_frees_the_identifiers_of_a_rejected_registration(diverifikasi, verifikator):
    services.tolak_pendaftaran(pendaftaran_id=diverifikasi.pk, alasan="Data tidak benar.", oleh=verifikator)
    lama = diverifikasi.penyedia
    baru = pabrik.buat_draf(
        "cv.ulang", kata_sandi=KATA_SANDI, email=lama.email, npwp=lama.npwp, nib=lama.nib, pj_nik=lama.pj_nik
    )
    assert baru.penyedia.npwp == lama.npwp
    assert not Penyedia.objects.get(pk=lama.pk).user.is_active


def test_it_emails_the_appointment_to_the_vendor(diverifikasi, verifikator, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    waktu = timezone.now() + datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        services.jadwalkan_verifikasi(
            pendaftaran_id=diverifikasi.pk,
            mode="daring",
            waktu=waktu,
            tautan="https://rapat.ntbprov.go.id/verifikasi",
            oleh=verifikator,
        )
    pesan = mail.outbox[-1]
    assert pesan.subject == "(LPSE) [cv.diperiksa] Jadwal Verifikasi"
    assert "https://rapat.ntbprov.go.id/verifikasi" in pesan.body


def test_it_refuses_a_face_to_face_appointment_without_a_place(diverifikasi, verifikator):
    import datetime

    from django.utils import timezone

    with pytest.raises(TransisiTidakSah, match="memerlukan tempat"):
        services.jadwalkan_verifikasi(
            pendaftaran_id=diverifikasi.pk,
            mode="tatap_muka",
            waktu=timezone.now() + datetime.timedelta(days=1),
            oleh=verifikator,
        )


def test_it_never_changes_an_approved_user_id(penyedia_a):
    penyedia_a.username = "nama.baru"
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        penyedia_a.save()


def test_it_keeps_nik_and_npwp_out_of_the_events(diverifikasi, verifikator):
    pabrik.nyatakan_semua(diverifikasi, oleh=verifikator)
    services.setujui_pendaftaran(pendaftaran_id=diverifikasi.pk, oleh=verifikator)
    penyedia = diverifikasi.penyedia
    for e in Peristiwa.objects.filter(rantai__startswith="registrasi."):
        teks = f"{e.catatan} {e.data}"
        assert penyedia.npwp not in teks and penyedia.pj_nik not in teks
