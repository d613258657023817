"""Login required by default, Indonesian login and password-reset pages and e-mails."""

import time

from django.core import mail

from conftest import KATA_SANDI


def test_it_sends_anonymous_visitors_of_staff_pages_to_the_login(client, db):
    response = client.get("/organisasi/bagan/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_it_shows_an_indonesian_login_page(client, db):
    response = client.get("/accounts/login/")
    assert '<html lang="id">' in response.content.decode()
    assert "Masuk ke Portal LPSE" in response.content.decode()


def test_it_logs_a_user_in_with_the_right_password(client, petugas_layanan):
    response = client.post("/accounts/login/", {"username": "layanan", "password": KATA_SANDI})
    assert response.status_code == 302
    assert client.get("/organisasi/bagan/").status_code == 200


def test_it_refuses_a_wrong_password_in_indonesian(client, verifikator):
    response = client.post("/accounts/login/", {"username": "verifikator", "password": "salah"})
    assert response.status_code == 200
    assert "sandi yang benar" in response.content.decode()


def test_it_emails_a_password_reset_link_in_indonesian(client, verifikator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password_reset/", {"email": verifikator.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    pesan = mail.outbox[0]
    assert pesan.subject == "(LPSE) Atur Ulang Kata Sandi"
    assert "Buka tautan berikut" in pesan.body
    assert "/accounts/reset/" in pesan.body


def test_it_says_nothing_about_unknown_addresses(client, db):
    response = client.post("/accounts/password_reset/", {"email": "tidak.ada@contoh.id"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_it_renders_the_error_pages_in_indonesian(client, db):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_it_limits_login_attempts_per_address(client, db, settings):
    import time_machine

    # Frozen clock: all 31 requests fall in one counting window however slow the machine is.
    with time_machine.travel(time.time(), tick=False):
        for i in range(30):
            client.post("/accounts/login/", {"username": f"x{i}", "password": "y"})
        response = client.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
