"""Every public form answers 429 with a clear Indonesian page once an address sends too much."""

import time

import pytest
import time_machine
from django.test import Client


def _url_pelatihan(petugas):
    import datetime

    from django.utils import timezone

    from layanan import services

    mulai = timezone.now() + datetime.timedelta(days=7)
    data = {
        "judul": "Pelatihan SPSE untuk Penyedia",
        "deskripsi": "",
        "sasaran": "penyedia",
        "mulai": mulai,
        "selesai": mulai + datetime.timedelta(hours=3),
        "moda": "luring",
        "tempat": "LPSE",
        "tautan": "",
        "kapasitas": 20,
        "pelatih": "Rizki",
        "terbit": True,
    }
    return f"/layanan/pelatihan/{services.simpan_pelatihan(data=data, oleh=petugas).pk}/"


# form -> (how to get its URL, how many posts the limit allows)
FORMULIR = {
    "pendaftaran penyedia": (lambda f: "/registrasi/daftar/", 10),
    "tiket bantuan": (lambda f: "/layanan/tiket/baru/", 10),
    "pendaftaran pelatihan": (lambda f: _url_pelatihan(f["petugas_layanan"]), 20),
    "atur ulang kata sandi": (lambda f: "/accounts/password_reset/", 5),
    "masuk": (lambda f: "/accounts/login/", 30),
    "masukan layanan": (lambda f: "/layanan/masukan/", 10),
}


@pytest.mark.parametrize("nama", sorted(FORMULIR))
def test_it_answers_429_on_a_public_form_after_its_limit(nama, db, request):
    fixtures = {"petugas_layanan": request.getfixturevalue("petugas_layanan")} if "pelatihan" in nama else {}
    url_dari, batas = FORMULIR[nama]
    url = url_dari(fixtures)
    c = Client(REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(time.time(), tick=False):  # every post in one counting window
        for i in range(batas):
            # A new username each time: django-axes' own lockout is per username and is tested apart.
            assert c.post(url, {"email": f"x{i}@contoh.id", "username": f"x{i}", "password": "y"}).status_code != 429
        response = c.post(url, {})
    assert response.status_code == 429
    assert response["Retry-After"]
    assert "Terlalu banyak permintaan" in response.content.decode()
    # Another address is not affected.
    assert Client(REMOTE_ADDR="203.0.113.10").post(url, {}).status_code != 429
