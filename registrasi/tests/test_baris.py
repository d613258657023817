"""The verifikator queue's and the vendor list's rows (registrasi/baris.py) are what their
template rows wrote before they moved to Python (issue 10)."""

from lpse_portal.tests.baris_uji import sama_dengan_templat
from registrasi import baris
from registrasi.models import AlasanTidakValid, Pendaftaran, Penyedia
from registrasi.models.penyedia import lampirkan_ringkasan_dokumen

NAMA_JAHIL = '<script>alert("x")</script> & "PT" Maju'


def _antrean_lengkap(penyedia_factory, verifikator):
    from registrasi import services

    penyedia_factory("cv.diajukan", status="diajukan")
    diperiksa = penyedia_factory("cv.diperiksa", status="diverifikasi", verifikator=verifikator)
    services.periksa_dokumen(
        dokumen_id=diperiksa.dokumen_terkini().first().pk,
        hasil="tidak_valid",
        alasan_id=AlasanTidakValid.objects.get(kode="tidak-terbaca").pk,
        oleh=verifikator,
    )
    temuan = penyedia_factory("cv.temuan", status="diajukan")
    Pendaftaran.objects.filter(pk=temuan.pk).update(pra_daftar_hitam=True, pra_duplikat=True, pra_format=True)
    Penyedia.objects.filter(pk=temuan.penyedia_id).update(nama=NAMA_JAHIL)
    duplikat = penyedia_factory("cv.duplikat", status="diajukan")
    Pendaftaran.objects.filter(pk=duplikat.pk).update(pra_duplikat=True)


def test_it_writes_the_verifikator_queue_rows_as_the_template_did(penyedia_factory, verifikator):
    _antrean_lengkap(penyedia_factory, verifikator)
    daftar = lampirkan_ringkasan_dokumen(list(Pendaftaran.objects.antrean_verifikasi()))
    assert len(daftar) == 4
    sama_dengan_templat("antrean_verifikasi", "p", daftar, baris.antrean_verifikasi(daftar))


def test_it_escapes_a_vendor_name_in_the_queue(penyedia_factory, verifikator):
    _antrean_lengkap(penyedia_factory, verifikator)
    teks = "".join(
        baris.antrean_verifikasi(lampirkan_ringkasan_dokumen(list(Pendaftaran.objects.antrean_verifikasi())))
    )
    assert "<script>" not in teks
    assert "&lt;script&gt;" in teks


def test_it_writes_the_vendor_list_rows_as_the_template_did(penyedia_factory, verifikator):
    from registrasi.views.penyedia import KOLOM_DAFTAR

    _antrean_lengkap(penyedia_factory, verifikator)
    aktif = penyedia_factory("cv.aktif")
    Penyedia.objects.filter(pk=aktif.penyedia_id).update(dokumen_kedaluwarsa=True)
    penyedia_factory("cv.draf", status="draf")
    daftar = list(
        Penyedia.objects.select_related("bentuk_usaha", "user", "pendaftaran").only(*KOLOM_DAFTAR).order_by("nama")
    )
    assert len(daftar) == 6
    sama_dengan_templat("daftar_penyedia", "p", daftar, baris.daftar_penyedia(daftar))
