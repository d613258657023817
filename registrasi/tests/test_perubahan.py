"""Changes after activation: verified first; until then the old data stays in force."""

import pytest
from django.core.files.base import ContentFile

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.pdf_sederhana import buat_pdf
from registrasi import services
from registrasi.models import BentukUsaha, Dokumen, JenisDokumen, Penyedia
from registrasi.tests import pabrik


@pytest.fixture
def vendor(penyedia_a):
    return Penyedia.objects.get(user=penyedia_a)


def test_it_keeps_the_old_npwp_in_force_until_approval(vendor, verifikator):
    lama = vendor.npwp
    baru = pabrik.npwp_uji(8801)
    perubahan = services.ajukan_perubahan(penyedia_id=vendor.pk, data={"npwp_baru": baru}, dokumen=[], oleh=vendor.user)
    assert Penyedia.objects.get(pk=vendor.pk).npwp == lama
    services.setujui_perubahan(perubahan_id=perubahan.pk, oleh=verifikator)
    assert Penyedia.objects.get(pk=vendor.pk).npwp == baru


def test_it_replaces_a_legal_document_only_when_approved(vendor, verifikator):
    akta = JenisDokumen.objects.get(kode="akta-pendirian")
    berlaku = vendor.dokumen.get(jenis=akta, keadaan="berlaku")
    perubahan = services.ajukan_perubahan(
        penyedia_id=vendor.pk,
        data={},
        dokumen=[{"jenis": akta, "berkas": ContentFile(buat_pdf("Akta"), name="akta.pdf"), "nomor": "12"}],
        oleh=vendor.user,
    )
    assert Dokumen.objects.get(pk=berlaku.pk).keadaan == "berlaku"
    baru = perubahan.dokumen.get()
    with pytest.raises(TransisiTidakSah, match="belum dinyatakan valid"):
        services.setujui_perubahan(perubahan_id=perubahan.pk, oleh=verifikator)
    services.periksa_dokumen(dokumen_id=baru.pk, hasil="valid", oleh=verifikator)
    services.setujui_perubahan(perubahan_id=perubahan.pk, oleh=verifikator)
    assert Dokumen.objects.get(pk=berlaku.pk).keadaan == "diganti"
    assert Dokumen.objects.get(pk=baru.pk).keadaan == "berlaku"


def test_it_changes_the_login_email_on_approval(vendor, verifikator):
    perubahan = services.ajukan_perubahan(
        penyedia_id=vendor.pk, data={"email_baru": "baru@usaha.contoh.id"}, dokumen=[], oleh=vendor.user
    )
    services.setujui_perubahan(perubahan_id=perubahan.pk, oleh=verifikator)
    vendor.user.refresh_from_db()
    assert vendor.user.email == "baru@usaha.contoh.id"


def test_it_refuses_an_npwp_of_another_vendor(vendor, penyedia_b):
    lain = Penyedia.objects.get(user=penyedia_b)
    with pytest.raises(TransisiTidakSah, match="NPWP baru ini sudah dipakai"):
        services.ajukan_perubahan(penyedia_id=vendor.pk, data={"npwp_baru": lain.npwp}, dokumen=[], oleh=vendor.user)


def test_it_asks_for_the_documents_a_new_form_of_business_requires(db, penyedia_factory):
    sendiri = penyedia_factory("usaha.sendiri", bentuk="perorangan").penyedia
    with pytest.raises(TransisiTidakSah, match="Akta pendirian"):
        services.ajukan_perubahan(
            penyedia_id=sendiri.pk,
            data={"bentuk_usaha_baru": BentukUsaha.objects.get(kode="cv")},
            dokumen=[],
            oleh=sendiri.user,
        )


def test_it_refuses_a_second_open_request(vendor):
    services.ajukan_perubahan(penyedia_id=vendor.pk, data={"nama_baru": "CV A"}, dokumen=[], oleh=vendor.user)
    with pytest.raises(TransisiTidakSah, match="belum diputuskan"):
        services.ajukan_perubahan(penyedia_id=vendor.pk, data={"nama_baru": "CV B"}, dokumen=[], oleh=vendor.user)


def test_it_lets_the_vendor_change_its_address_at_once(vendor, masuk):
    response = masuk(vendor.user).post(
        "/registrasi/profil/kontak/",
        {
            "alamat": "Jl. Baru 9",
            "provinsi": "NTB",
            "kabupaten_kota": "Lombok Barat",
            "kode_pos": "83351",
            "telepon": "0370-9",
        },
    )
    assert response.status_code == 302
    assert Penyedia.objects.get(pk=vendor.pk).alamat == "Jl. Baru 9"


def test_it_gives_vendor_b_a_404_for_vendor_as_change_request(vendor, penyedia_b, masuk):
    perubahan = services.ajukan_perubahan(
        penyedia_id=vendor.pk, data={"nama_baru": "CV A"}, dokumen=[], oleh=vendor.user
    )
    assert masuk(penyedia_b).get(f"/registrasi/perubahan/{perubahan.pk}/").status_code == 404
    assert masuk(vendor.user).get(f"/registrasi/perubahan/{perubahan.pk}/").status_code == 200
