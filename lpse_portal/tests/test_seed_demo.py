"""seed_demo prints one login per role and changes nothing when run a second time."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command

from organisasi.peran import PERAN


def _jumlah_semua():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_it_prints_a_login_for_every_role(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    baris = out.getvalue().split("Login demo (username password peran):")[1].split("\n")
    peran = {b.split()[2] for b in baris if len(b.split()) == 3}
    assert set(PERAN) <= peran


def test_it_changes_nothing_the_second_time(db):
    call_command("seed_demo", stdout=StringIO())
    sebelum = _jumlah_semua()
    call_command("seed_demo", stdout=StringIO())
    assert _jumlah_semua() == sebelum


def test_it_lets_each_demo_login_in(db, client):
    from organisasi.demo import KATA_SANDI_DEMO

    call_command("seed_demo", stdout=StringIO())
    for username in ("pembina", "sekretaris", "verifikator", "ppk", "penyedia"):
        response = client.post("/accounts/login/", {"username": username, "password": KATA_SANDI_DEMO})
        assert response.status_code == 302, username
        client.logout()
