"""The per-request reads by key (lpse_portal/kueri.py): session, user, TOTP device."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import perangkat_otp
from lpse_portal.izin import BackendIzin
from lpse_portal.kueri import satu_baris
from lpse_portal.sesi import SessionStore
from organisasi.models import User


def _sama(a, b):
    nama = [f.attname for f in type(a)._meta.concrete_fields]
    assert {n: getattr(a, n) for n in nama} == {n: getattr(b, n) for n in nama}
    assert not a._state.adding and a._state.db == "default"


def test_it_reads_what_get_reads_for_each_model_it_serves(verifikator):
    device = perangkat_otp(verifikator)
    sesi = SessionStore()
    sesi[SESSION_KEY] = str(verifikator.pk)
    sesi.create()
    _sama(satu_baris(User, "id = %s", [verifikator.pk]), User.objects.get(pk=verifikator.pk))
    _sama(satu_baris(TOTPDevice, "id = %s", [device.pk]), TOTPDevice.objects.get(pk=device.pk))
    _sama(
        satu_baris(Session, "session_key = %s", [sesi.session_key]),
        Session.objects.get(session_key=sesi.session_key),
    )


def test_it_is_one_counted_query_and_none_when_nothing_matches(db):
    with CaptureQueriesContext(connection) as kueri:
        assert satu_baris(User, "id = %s", [987654]) is None
    assert len(kueri) == 1


def test_it_loads_a_live_session(db):
    sesi = SessionStore()
    sesi["x"] = 1
    sesi.create()
    assert SessionStore(sesi.session_key).load() == {"x": 1}


def test_it_refuses_an_expired_session_and_forgets_its_key(db):
    sesi = SessionStore()
    sesi["x"] = 1
    sesi.create()
    Session.objects.filter(session_key=sesi.session_key).update(expire_date=timezone.now() - datetime.timedelta(1))
    lama = SessionStore(sesi.session_key)
    assert lama.load() == {}
    assert lama.session_key is None


def test_it_treats_an_unknown_session_key_as_no_session(db):
    asing = SessionStore("k" * 32)
    assert asing.load() == {}
    assert asing.session_key is None


def test_it_gets_an_active_user_and_nobody_else(verifikator):
    backend = BackendIzin()
    assert backend.get_user(str(verifikator.pk)) == verifikator
    assert backend.get_user("bukan-angka") is None
    assert backend.get_user("987654") is None
    User.objects.filter(pk=verifikator.pk).update(is_active=False)
    assert backend.get_user(str(verifikator.pk)) is None


@pytest.mark.parametrize("rusak", ["hapus", "belum_dikonfirmasi", "milik_orang_lain"])
def test_it_drops_the_second_factor_when_the_device_no_longer_counts(rusak, masuk, verifikator, petugas_layanan):
    klien = masuk(verifikator)
    assert klien.get("/registrasi/verifikasi/").status_code == 200
    device = perangkat_otp(verifikator)
    if rusak == "hapus":
        device.delete()
    elif rusak == "belum_dikonfirmasi":
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    else:
        TOTPDevice.objects.filter(pk=device.pk).update(user=petugas_layanan)
    respons = klien.get("/registrasi/verifikasi/")
    assert respons.status_code == 302
    assert respons["Location"].startswith("/accounts/dua-faktor/")
    assert DEVICE_ID_SESSION_KEY not in klien.session
