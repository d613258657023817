"""/healthz/: JSON state of database, cache and broker; 503 naming the part that is down."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_it_answers_200_when_everything_is_up(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["komponen"]) >= {"database", "cache", "broker"}
    assert response["Cache-Control"].startswith("max-age=0")


def _port_tertutup() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is released


def test_it_answers_503_naming_the_broker_when_it_is_unreachable(client, db, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{_port_tertutup()}/0"
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert "broker" in response.json()["gagal"]
    assert response.json()["komponen"]["database"]["status"] == "ok"


@pytest.mark.integrasi
def test_it_answers_503_naming_the_broker_when_redis_url_points_at_a_closed_port(db):
    """The whole settings path: a fresh interpreter with REDIS_URL on a closed port."""
    env = dict(os.environ, REDIS_URL=f"redis://127.0.0.1:{_port_tertutup()}/0", DEBUG="0")
    env.setdefault("SECRET_KEY", "x" * 60)
    env["ALLOWED_HOSTS"] = "testserver"
    env["SECURE_SSL_REDIRECT"] = "0"
    kode = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz/');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    keluaran = json.loads(hasil.stdout.strip().splitlines()[-1])
    assert keluaran["status"] == 503
    assert "broker" in keluaran["body"]["gagal"]
