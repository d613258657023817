"""No NIK, NPWP or password reaches the logs, whatever the request does with them."""

import logging
import re

from django.core import mail

from conftest import KATA_SANDI
from registrasi.tests import pabrik

NPWP = "01.234.567.4-123.000"
NPWP_DIGIT = "0012345674123000"
SANDI = "Rahasia-Sekali-2026!"


def _digit(teks: str) -> str:
    return re.sub(r"\D", "", teks)


def test_it_keeps_nik_npwp_and_passwords_out_of_every_log(
    client, verifikator, masuk, caplog, django_capture_on_commit_callbacks
):
    nik = pabrik.nik_uji(91)
    caplog.set_level(logging.DEBUG)
    # Registration: e-mail, the confirmation link, the form with NIK, NPWP and password.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/registrasi/daftar/", {"email": "log@usaha.contoh.id"})
    tautan = re.search(r"https?://\S+/registrasi/daftar/\S+/", mail.outbox[-1].body).group(0)
    path = tautan[tautan.index("/registrasi/") :]
    data = {
        "user_id": "cvlogsaja",
        "kata_sandi": SANDI,
        "kata_sandi_ulang": SANDI,
        "nama": "CV Log Saja",
        "bentuk_usaha": "",
        "npwp": NPWP,
        "nib": "9120301234999",
        "alamat": "Jl. Uji",
        "provinsi": "Nusa Tenggara Barat",
        "kabupaten_kota": "Kota Mataram",
        "kode_pos": "83231",
        "telepon": "0370-1",
        "pj_nama": "Uji",
        "pj_nik": nik,
        "pj_jabatan": "Direktur",
    }
    client.post(path, data)  # refused (no bentuk usaha): the bad form is logged nowhere
    client.post(path, {**data, "pj_nik": nik[:6] + "99" + nik[8:]})  # impossible date
    # Logins: a wrong password, a right one, a password reset.
    client.post("/accounts/login/", {"username": "verifikator", "password": SANDI})
    client.post("/accounts/login/", {"username": "verifikator", "password": KATA_SANDI})
    client.post("/accounts/password_reset/", {"email": verifikator.email})
    # Staff looking at identity details (recorded in the audit table, not in logs).
    from registrasi.models import Penyedia

    for penyedia in Penyedia.objects.all()[:3]:
        masuk(verifikator).get(f"/registrasi/penyedia/{penyedia.pk}/identitas/")
    teks = "\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records)
    assert caplog.records, "tidak ada log yang tertangkap: uji ini tidak menguji apa-apa"
    for rahasia in (nik, NPWP_DIGIT, NPWP, SANDI, KATA_SANDI):
        assert rahasia not in teks, rahasia
        assert rahasia not in _digit(teks) or not rahasia.isdigit(), rahasia
