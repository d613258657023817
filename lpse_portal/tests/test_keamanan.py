"""Login hardening: second factor for sensitive roles, lockout with cool-off, password
composition, idle timeout of staff sessions, 503 while the database is away."""

import datetime
import time

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from conftest import KATA_SANDI, kode_otp, perangkat_otp


def _masuk_dengan_sandi(client, user, password=KATA_SANDI):
    return client.post("/accounts/login/", {"username": user.username, "password": password})


def test_it_asks_a_verifikator_for_the_second_factor_before_any_page(verifikator):
    c = Client()
    perangkat_otp(verifikator)
    assert _masuk_dengan_sandi(c, verifikator).status_code == 302
    response = c.get("/organisasi/bagan/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/dua-faktor/")
    assert c.post("/accounts/dua-faktor/", {"kode": "000000", "next": "/organisasi/bagan/"}).status_code == 200
    assert c.get("/organisasi/bagan/").status_code == 302
    # django-otp throttles after a wrong code (1 s, doubling): try again a little later.
    with time_machine.travel(datetime.timedelta(seconds=3)):
        response = c.post("/accounts/dua-faktor/", {"kode": kode_otp(verifikator), "next": "/organisasi/bagan/"})
        assert response.status_code == 302
        assert c.get("/organisasi/bagan/").status_code == 200


def test_it_refuses_a_code_used_once_already(verifikator):
    kode = kode_otp(verifikator)
    for hasil in (302, 200):
        c = Client()
        _masuk_dengan_sandi(c, verifikator)
        assert c.post("/accounts/dua-faktor/", {"kode": kode}).status_code == hasil


def test_it_sends_a_new_user_of_a_sensitive_role_to_set_up_the_authenticator(verifikator):
    c = Client()
    _masuk_dengan_sandi(c, verifikator)
    response = c.get("/accounts/dua-faktor/", follow=True)
    assert "Aktifkan verifikasi dua langkah" in response.content.decode()


def test_it_does_not_ask_a_vendor_for_a_second_factor(penyedia_a):
    c = Client()
    _masuk_dengan_sandi(c, penyedia_a)
    assert c.get("/accounts/password_change/").status_code == 200


def test_it_keeps_the_admin_site_closed_until_the_second_factor(pembina):
    c = Client()
    perangkat_otp(pembina)
    _masuk_dengan_sandi(c, pembina)
    assert c.get("/admin/").status_code == 302
    c.post("/accounts/dua-faktor/", {"kode": kode_otp(pembina)})
    assert c.get("/admin/").status_code == 200


def test_it_locks_out_a_username_and_address_after_five_failures_then_cools_off(petugas_layanan, settings):
    c = Client()
    for _ in range(4):
        assert _masuk_dengan_sandi(c, petugas_layanan, "salah-sandi").status_code == 200
    assert _masuk_dengan_sandi(c, petugas_layanan, "salah-sandi").status_code == 429  # the fifth
    response = _masuk_dengan_sandi(c, petugas_layanan)  # even the right password now
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    # Another address is not locked out: the lockout is per username and IP.
    lain = Client(REMOTE_ADDR="10.9.9.9")
    assert _masuk_dengan_sandi(lain, petugas_layanan).status_code == 302
    with time_machine.travel(datetime.timedelta(minutes=16)):
        assert _masuk_dengan_sandi(Client(), petugas_layanan).status_code == 302


@pytest.mark.parametrize(
    "sandi, pesan",
    [
        ("Pendek-1a!", "terlalu pendek"),
        ("semuahurufkecil-2026", "huruf besar"),
        ("SEMUAHURUFBESAR-2026", "huruf kecil"),
        ("TanpaAngka-Sama-Sekali", "angka"),
        ("TanpaSimbolSama2026", "simbol"),
    ],
)
def test_it_refuses_a_weak_password(sandi, pesan):
    with pytest.raises(ValidationError, match=pesan):
        validate_password(sandi)


def test_it_accepts_a_password_with_the_required_composition():
    validate_password("Kuat-Sekali-2026!")


def test_it_ends_an_idle_staff_session_after_thirty_minutes(petugas_layanan, masuk):
    c = masuk(petugas_layanan)
    assert c.get("/organisasi/bagan/").status_code == 200
    with time_machine.travel(datetime.timedelta(minutes=31)):
        response = c.get("/organisasi/bagan/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
        assert c.get("/organisasi/bagan/").status_code == 302


def test_it_keeps_an_active_staff_session(petugas_layanan, masuk):
    c = masuk(petugas_layanan)
    c.get("/organisasi/bagan/")
    for menit in (20, 40, 60):
        with time_machine.travel(datetime.timedelta(minutes=menit)):
            assert c.get("/organisasi/bagan/").status_code == 200


def test_it_answers_503_with_retry_after_when_the_database_is_lost(client, db, settings):
    from django.db.utils import OperationalError
    from django.urls import path

    from lpse_portal import urls

    def putus(request):
        raise OperationalError("server closed the connection unexpectedly")

    urls.urlpatterns.append(path("uji-db-putus/", putus))
    try:
        from django.urls import clear_url_caches

        clear_url_caches()
        c = Client(raise_request_exception=False)
        c.force_login(__import__("organisasi.models", fromlist=["User"]).User.objects.create_user("x", password="y"))
        response = c.get("/uji-db-putus/")
    finally:
        urls.urlpatterns.pop()
        clear_url_caches()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Traceback" not in response.content.decode()
    assert "sementara tidak tersedia" in response.content.decode()
    assert time.time()


def test_it_relaxes_the_second_factor_only_in_demo_mode(pembina, settings):
    settings.DEMO_MODE = True
    c = Client()
    _masuk_dengan_sandi(c, pembina)
    assert c.get("/admin/").status_code == 200
    assert c.get("/organisasi/bagan/").status_code == 200


def test_it_sets_secure_httponly_samesite_cookies_on_login(petugas_layanan):
    c = Client()
    c.get("/accounts/login/", secure=True)
    response = c.post("/accounts/login/", {"username": petugas_layanan.username, "password": KATA_SANDI}, secure=True)
    sesi = response.cookies["sessionid"]
    assert sesi["secure"] and sesi["httponly"] and sesi["samesite"] == "Lax"
    assert c.cookies["csrftoken"]["secure"]
