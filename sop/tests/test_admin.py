"""The Pembina approves in Django admin — an action and a change-form button — through the same
service as the portal; anyone else is refused, also with a crafted POST."""

import datetime

import pytest
from django.utils import timezone

from sop.models import VersiSOP


def _besok():
    return timezone.localdate() + datetime.timedelta(days=1)


def test_it_gives_the_pembina_admin_access_through_the_assignment(pembina, masuk_admin):
    assert pembina.is_staff and not pembina.is_superuser
    assert masuk_admin(pembina).get("/admin/sop/versisop/").status_code == 200


def test_it_shows_the_approval_button_only_to_the_pembina(diajukan, pembina, sekretaris, masuk_admin):
    versi = diajukan()
    url = f"/admin/sop/versisop/{versi.pk}/change/"
    assert "Setujui versi ini" in masuk_admin(pembina).get(url).content.decode()
    halaman_sekretaris = masuk_admin(sekretaris).get(url)
    assert halaman_sekretaris.status_code == 200  # may read it in admin, may not approve it
    assert "Setujui versi ini" not in halaman_sekretaris.content.decode()


def test_it_lets_the_pembina_approve_with_the_change_form_button(diajukan, pembina, masuk_admin):
    versi = diajukan()
    response = masuk_admin(pembina).post(
        f"/admin/sop/versisop/{versi.pk}/setujui/", {"tanggal_berlaku": _besok().isoformat()}, follow=True
    )
    assert "disetujui oleh Pembina LPSE" in response.content.decode()
    versi.refresh_from_db()
    assert (versi.status, versi.tanggal_berlaku, versi.disetujui_oleh) == ("disetujui", _besok(), pembina)


def test_it_refuses_an_effective_date_before_today_on_the_change_form(diajukan, pembina, masuk_admin):
    versi = diajukan()
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    response = masuk_admin(pembina).post(
        f"/admin/sop/versisop/{versi.pk}/setujui/", {"tanggal_berlaku": kemarin.isoformat()}, follow=True
    )
    assert "tidak boleh sebelum tanggal persetujuan" in response.content.decode()
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


def test_it_lets_the_pembina_approve_with_the_admin_action(diajukan, pembina, masuk_admin):
    a, b = diajukan(kode="ADM-A"), diajukan(kode="ADM-B")
    c = masuk_admin(pembina)
    pilih = {"action": "setujui_terpilih", "_selected_action": [a.pk, b.pk]}
    antara = c.post("/admin/sop/versisop/", pilih)
    assert antara.status_code == 200 and "Tanggal berlaku" in antara.content.decode()
    assert VersiSOP.objects.get(pk=a.pk).status == "diajukan"  # nothing yet: the date is asked first
    c.post("/admin/sop/versisop/", {**pilih, "tanggal_berlaku": _besok().isoformat()})
    assert set(VersiSOP.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {"disetujui"}


@pytest.mark.parametrize("peran", ["kepala_lpse", "sekretaris", "sistem"])
def test_it_refuses_a_crafted_post_to_the_change_form_button(peran, diajukan, request, masuk_admin):
    versi = diajukan()
    response = masuk_admin(request.getfixturevalue(peran)).post(
        f"/admin/sop/versisop/{versi.pk}/setujui/", {"tanggal_berlaku": _besok().isoformat()}
    )
    assert response.status_code == 403
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


@pytest.mark.parametrize("peran", ["kepala_lpse", "sekretaris", "sistem"])
def test_it_refuses_a_crafted_post_of_the_admin_action(peran, diajukan, request, masuk_admin):
    versi = diajukan()
    c = masuk_admin(request.getfixturevalue(peran))
    c.post(
        "/admin/sop/versisop/",
        {"action": "setujui_terpilih", "_selected_action": [versi.pk], "tanggal_berlaku": _besok().isoformat()},
    )
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


def test_it_hides_the_admin_action_from_everyone_but_the_pembina(diajukan, sekretaris, pembina, masuk_admin):
    diajukan()
    daftar = masuk_admin(sekretaris).get("/admin/sop/versisop/")
    assert daftar.status_code == 200 and "setujui_terpilih" not in daftar.content.decode()
    assert "setujui_terpilih" in masuk_admin(pembina).get("/admin/sop/versisop/").content.decode()


def test_it_keeps_non_staff_out_of_the_approval_url(diajukan, penyedia_a, masuk_admin):
    versi = diajukan()
    response = masuk_admin(penyedia_a).post(
        f"/admin/sop/versisop/{versi.pk}/setujui/", {"tanggal_berlaku": _besok().isoformat()}
    )
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


def test_it_refuses_a_get_on_the_approval_url(diajukan, pembina, masuk_admin):
    versi = diajukan()
    assert masuk_admin(pembina).get(f"/admin/sop/versisop/{versi.pk}/setujui/").status_code == 405


def test_it_lets_the_kepala_lpse_add_a_category_but_not_unmark_a_mandatory_one(kepala_lpse, masuk_admin):
    from sop.models import Kategori

    c = masuk_admin(kepala_lpse)
    c.post("/admin/sop/kategori/add/", {"kode": "pelatihan", "nama": "Pelatihan pengguna", "urutan": 10})
    assert Kategori.objects.filter(kode="pelatihan", wajib=False).exists()
    wajib = Kategori.objects.get(kode="pengarsipan")
    c.post(f"/admin/sop/kategori/{wajib.pk}/change/", {"nama": wajib.nama, "urutan": 6, "wajib": ""})
    assert Kategori.objects.get(pk=wajib.pk).wajib
    assert c.post(f"/admin/sop/kategori/{wajib.pk}/delete/", {"post": "yes"}).status_code == 403


def test_it_asks_again_when_the_admin_action_gets_a_past_effective_date(diajukan, pembina, masuk_admin):
    versi = diajukan()
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    response = masuk_admin(pembina).post(
        "/admin/sop/versisop/",
        {"action": "setujui_terpilih", "_selected_action": [versi.pk], "tanggal_berlaku": kemarin.isoformat()},
    )
    assert response.status_code == 200
    assert "tidak boleh sebelum tanggal persetujuan" in response.content.decode()
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"
