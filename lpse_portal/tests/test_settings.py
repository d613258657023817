"""The settings refuse unsafe production configurations (run in fresh interpreters)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _jalankan(env_tambahan: dict, *args: str) -> subprocess.CompletedProcess:
    bocor = {"SECRET_KEY", "DEBUG", "DEMO_MODE", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by other tests
    env = {k: v for k, v in os.environ.items() if k not in bocor}
    env.update(env_tambahan)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    hasil = _jalankan({"DEBUG": "0", "SECRET_KEY": ""}, "check")
    assert hasil.returncode != 0
    assert "SECRET_KEY belum diatur" in hasil.stderr


def test_it_refuses_demo_mode_outside_debug():
    hasil = _jalankan({"DEBUG": "0", "SECRET_KEY": "x" * 60, "DEMO_MODE": "1"}, "check")
    assert hasil.returncode != 0
    assert "DEMO_MODE hanya boleh dipakai bersama DEBUG=1" in hasil.stderr


def test_it_passes_the_deploy_check_with_production_settings():
    env = {"DEBUG": "0", "SECRET_KEY": "k" * 64 + "-produksi", "ALLOWED_HOSTS": "lpse.ntbprov.go.id"}
    env["SECURE_SSL_REDIRECT"] = "1"
    env["STATIC_MANIFEST"] = "1"
    hasil = _jalankan(env, "check", "--deploy", "--fail-level", "WARNING")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout


def test_it_speaks_indonesian_on_makassar_time(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Makassar"
    assert settings.DEBUG is False


def test_it_accepts_only_day_first_dates():
    from django import forms
    from django.utils import translation

    with translation.override("id"):
        field = forms.DateField()
        assert str(field.clean("05-06-2025")) == "2025-06-05"
        assert str(field.clean("2025-06-05")) == "2025-06-05"
        try:
            field.clean("06/25/2025")
        except forms.ValidationError:
            pass
        else:
            raise AssertionError("format bulan-dulu seharusnya ditolak")
