"""An approved version is never edited (DESIGN): service, model, QuerySet, database, portal, admin."""

import pytest
from django.db import DatabaseError, transaction

from lpse_portal.exceptions import TransisiTidakSah
from sop import services
from sop.models import LangkahSOP, VersiSOP


@pytest.fixture
def disetujui(berlaku):
    return berlaku()


def _tidak_berubah(versi):
    segar = VersiSOP.objects.get(pk=versi.pk)
    assert segar.judul == versi.judul and segar.tujuan == versi.tujuan and segar.status == versi.status
    assert segar.hitung_hash_isi() == versi.hash_isi


def test_it_refuses_an_edit_through_the_service(disetujui, kepala_lpse):
    with pytest.raises(TransisiTidakSah, match="tidak dapat diubah; buat versi baru"):
        services.ubah_draf(versi_id=disetujui.pk, data={"judul": "Diubah"}, langkah=[], oleh=kepala_lpse)
    _tidak_berubah(disetujui)


def test_it_refuses_an_edit_through_model_save(disetujui):
    versi = VersiSOP.objects.get(pk=disetujui.pk)
    versi.tujuan = "Diubah diam-diam"
    with pytest.raises(TransisiTidakSah):
        versi.save()
    _tidak_berubah(disetujui)


def test_it_refuses_sending_an_approved_version_back_to_draft(disetujui):
    versi = VersiSOP.objects.get(pk=disetujui.pk)
    versi.status = "draf"
    with pytest.raises(TransisiTidakSah):
        versi.save()
    with pytest.raises(DatabaseError, match="tidak dapat diubah"), transaction.atomic():
        VersiSOP.objects.filter(pk=disetujui.pk).update(status="draf")
    _tidak_berubah(disetujui)


def test_it_refuses_an_edit_through_queryset_update_in_the_database(disetujui):
    with pytest.raises(DatabaseError, match="tidak dapat diubah"), transaction.atomic():
        VersiSOP.objects.filter(pk=disetujui.pk).update(judul="Diubah lewat SQL")
    _tidak_berubah(disetujui)


def test_it_refuses_deleting_an_approved_version(disetujui):
    with pytest.raises(TransisiTidakSah):
        VersiSOP.objects.get(pk=disetujui.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        VersiSOP.objects.filter(pk=disetujui.pk)._raw_delete(VersiSOP.objects.db)
    assert VersiSOP.objects.filter(pk=disetujui.pk).exists()


def test_it_refuses_changing_adding_or_removing_steps_of_an_approved_version(disetujui):
    langkah = disetujui.langkah.first()
    langkah.uraian = "Diubah"
    with pytest.raises(TransisiTidakSah):
        langkah.save()
    with pytest.raises(TransisiTidakSah):
        langkah.delete()
    with pytest.raises(TransisiTidakSah):
        LangkahSOP(versi=disetujui, urutan=9, uraian="Baru", pelaksana="Siapa").save()
    with pytest.raises(DatabaseError), transaction.atomic():
        LangkahSOP.objects.filter(versi=disetujui).update(uraian="Diubah lewat SQL")
    with pytest.raises(DatabaseError), transaction.atomic():
        LangkahSOP.objects.bulk_create([LangkahSOP(versi=disetujui, urutan=9, uraian="Baru", pelaksana="Siapa")])
    with pytest.raises(DatabaseError), transaction.atomic():
        LangkahSOP.objects.filter(versi=disetujui)._raw_delete(LangkahSOP.objects.db)
    _tidak_berubah(disetujui)


def test_it_still_lets_the_status_move_on_to_superseded(disetujui):
    VersiSOP.objects.filter(pk=disetujui.pk).update(status="diganti")
    assert VersiSOP.objects.get(pk=disetujui.pk).status == "diganti"


def test_it_refuses_the_portal_edit_page_of_an_approved_version(disetujui, kepala_lpse, masuk):
    c = masuk(kepala_lpse)
    url = f"/sop/versi/{disetujui.pk}/ubah/"
    halaman = c.get(url, follow=True).content.decode()
    assert "tidak dapat diubah; buat versi baru" in halaman
    response = c.post(url, {"judul": "Diubah", "tujuan": "x", "langkah-TOTAL_FORMS": "0", "langkah-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    _tidak_berubah(disetujui)


def test_it_refuses_an_edit_in_django_admin_even_by_a_superuser(disetujui, sistem, masuk):
    c = masuk(sistem)
    url = f"/admin/sop/versisop/{disetujui.pk}/change/"
    assert c.get(url).status_code == 200  # shown read-only
    assert c.post(url, {"judul": "Diubah lewat admin", "tujuan": "x"}).status_code == 403
    assert c.post(f"/admin/sop/versisop/{disetujui.pk}/delete/", {"post": "yes"}).status_code == 403
    assert c.get("/admin/sop/versisop/add/").status_code == 403
    assert c.post(f"/admin/sop/langkahsop/{disetujui.langkah.first().pk}/change/", {"uraian": "x"}).status_code == 404
    _tidak_berubah(disetujui)
