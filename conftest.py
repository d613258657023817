"""The shared cast of the test suite: one user per role, built through services.

Staff get their roles the way production gives them: an active assignment (Penugasan) made
with `angkat_pegawai`. Apps add their own fixtures in `<app>/tests/conftest.py`.
"""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from lpse_portal.pdf_sederhana import buat_pdf

KATA_SANDI = "Uji-Kata-Sandi-2026!"
_nomor = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backup"
    # PBKDF2's deliberate slowness is for attackers, not for the cast of every test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def kosongkan_batas_laju():
    """Forget every rate-limit counter of this test process (only this worker's keys)."""
    from django.conf import settings
    from django.core.cache import cache

    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    pola = f"{settings.CACHES['default']['KEY_PREFIX']}:*"
    for key in client.scan_iter(match=pola, count=500):
        client.delete(key)


@pytest.fixture(autouse=True)
def _bersihkan_batas_laju():
    """Rate-limit counters and cached public pages start empty in every test."""
    from lpse_portal import halaman_tersimpan, tersimpan

    kosongkan_batas_laju()
    halaman_tersimpan._lokal.clear()
    tersimpan._lokal.clear()
    yield


@pytest.fixture(autouse=True)
def _flush_bersih(request):
    """Before a transactional test's database is flushed, end what could stop the TRUNCATE.

    The fault tests leave things behind by design: a killed worker or pg_dump whose server
    backend lingers, a connection cut by pg_terminate_backend. A TRUNCATE that deadlocks with
    such a backend, or runs on a dead connection, fails, and the unflushed rows then break
    every later test of that xdist worker (seen once in CI: "couldn't be flushed", then
    duplicate users everywhere). So: close our connection if it is unusable, and end every
    other backend still connected to this worker's test database."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    # Requested here, so that it is torn down (flushed) after this fixture's cleanup.
    request.getfixturevalue("transactional_db")
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    if connection.connection is not None and not connection.is_usable():
        connection.close()
    connection.close_if_unusable_or_obsolete()
    with connection.cursor() as c:
        c.execute(
            "SELECT pid, application_name, state, left(query, 120) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        sisa = c.fetchall()
        for pid, *_ in sisa:
            c.execute("SELECT pg_terminate_backend(%s)", [pid])
    if sisa:
        print(f"[conftest] {len(sisa)} koneksi lain ke basis data uji diakhiri sebelum flush: {sisa}")


def perangkat_otp(user):
    """The user's confirmed TOTP device, created for the test when missing."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="uji", confirmed=True
    )


def kode_otp(user) -> str:
    """A TOTP code the device will accept now, never one it has already used."""
    import time

    from django_otp.oath import TOTP

    device = perangkat_otp(user)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time = (device.last_t + 1) * device.step + device.t0
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture(scope="session", autouse=True)
def _force_login_sudah_dua_faktor():
    """force_login stands for a completed login, second factor included.

    The real two-step login is tested through the form (lpse_portal/tests/test_keamanan.py
    and the browser journeys).
    """
    from django_otp import DEVICE_ID_SESSION_KEY

    from lpse_portal.middleware import butuh_dua_faktor

    asli = Client.force_login

    def force_login(self, user, backend=None):
        asli(self, user, backend)
        if butuh_dua_faktor(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = perangkat_otp(user).persistent_id
            session.save()

    Client.force_login = force_login
    yield
    Client.force_login = asli


@pytest.fixture(scope="session", autouse=True)
def _celery_eager():
    """Tasks run inline after commit; tests that need the real broker use a real worker."""
    from lpse_portal.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def pdf_sk():
    def buat(nama="sk.pdf", judul="Surat Keputusan"):
        return ContentFile(buat_pdf(judul, ["Nomor: 800/1/2026"]), name=nama)

    return buat


def _user(username, **extra):
    from organisasi.models import User

    user = User.objects.create_user(
        username=username, password=KATA_SANDI, email=f"{username}@contoh.go.id", nama=username.title(), **extra
    )
    return user


@pytest.fixture
def sistem(db):
    """A superuser that stands in for the Sekretaris Daerah's office when the cast is built."""
    return _user("sistem", is_superuser=True, is_staff=True)


def nip_uji(n: int) -> str:
    # Born 1 Jan 1980, appointed Jan 2005, male, serial n: a valid NIP.
    return f"198001012005011{n % 1000:03d}"


@pytest.fixture
def buat_staf(sistem):
    """Create a user who holds `kode_jabatan` from `tmt` (default: a year ago)."""
    from organisasi import services
    from organisasi.models import Jabatan, Pegawai

    def buat(username, kode_jabatan, tmt=None):
        user = _user(username)
        pegawai = Pegawai.objects.create(
            nama=username.title(), status_kepegawaian=Pegawai.Status.PNS, nip=nip_uji(next(_nomor)), user=user
        )
        jabatan = Jabatan.objects.get(kode=kode_jabatan)
        services.angkat_pegawai(
            pegawai_id=pegawai.pk,
            jabatan_id=jabatan.pk,
            nomor_sk=f"800/{pegawai.pk}/UJI",
            tanggal_sk=datetime.date(2025, 1, 1),
            penetap=jabatan.penetap_wajib,
            tmt_mulai=tmt or datetime.date(2025, 1, 2),
            berkas_sk=ContentFile(buat_pdf("SK"), name="sk.pdf"),
            oleh=sistem,
        )
        user.refresh_from_db()
        return user

    return buat


@pytest.fixture
def pembina(buat_staf):
    return buat_staf("pembina", "pembina")


@pytest.fixture
def kepala_lpse(buat_staf):
    return buat_staf("kepala", "kepala-lpse")


@pytest.fixture
def sekretaris(buat_staf):
    return buat_staf("sekretaris", "sekretaris")


@pytest.fixture
def koordinator(buat_staf):
    return buat_staf("koord.registrasi", "koordinator-registrasi")


@pytest.fixture
def admin_sistem(buat_staf):
    return buat_staf("admin.sistem", "pelaksana-adm-sistem")


@pytest.fixture
def verifikator(buat_staf):
    return buat_staf("verifikator", "pelaksana-registrasi")


@pytest.fixture
def petugas_layanan(buat_staf):
    return buat_staf("layanan", "pelaksana-layanan")


@pytest.fixture
def penyedia_factory(sistem):
    """Vendors brought to any registration state through the registrasi services:
    penyedia_factory("cv.maju", status="diajukan") -> Pendaftaran (default status: disetujui)."""
    from registrasi.tests.pabrik import buat_penyedia

    def buat(username, status="disetujui", verifikator=None, **kwargs):
        oleh = verifikator or sistem
        return buat_penyedia(username, kata_sandi=KATA_SANDI, verifikator=oleh, status=status, **kwargs)

    return buat


@pytest.fixture
def pejabat_factory(sistem):
    """Approved officials (role pejabat_pengadaan) through the request workflow:
    pejabat_factory("pokja.x", sub_peran="pokja_pemilihan", perangkat_daerah="dikes") -> User."""
    from registrasi.tests.pabrik import buat_pejabat

    def buat(username, verifikator=None, **kwargs):
        return buat_pejabat(username, kata_sandi=KATA_SANDI, verifikator=verifikator or sistem, **kwargs)

    return buat


@pytest.fixture
def ppk_a(pejabat_factory):
    return pejabat_factory("ppk.a", perangkat_daerah="pupr")


@pytest.fixture
def ppk_b(pejabat_factory):
    return pejabat_factory("ppk.b", perangkat_daerah="dikes")


@pytest.fixture
def penyedia_a(penyedia_factory):
    """An active vendor: registered, verified and approved (User with a Penyedia record)."""
    return penyedia_factory("penyedia.a").penyedia.user


@pytest.fixture
def penyedia_b(penyedia_factory):
    return penyedia_factory("penyedia.b").penyedia.user


@pytest.fixture
def anonim():
    return Client()


@pytest.fixture
def masuk():
    """A logged-in test client for a user: masuk(verifikator).get(...)."""

    def buat(user):
        c = Client()
        c.force_login(user)
        return c

    return buat


# --- browser journeys ---------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = __import__("pathlib").Path(__file__).resolve().parent / "docs" / "screenshots"


@pytest.fixture(scope="session")
def _playwright_browser():
    """The system's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    import os

    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ada di {CHROMIUM}: pasang paket Debian 'chromium' (.ci/run melakukannya).")
    # Playwright's sync API runs an event loop in this thread; the live server's Django code
    # runs in its own thread, and the test's own ORM calls are synchronous by design.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def halaman(_playwright_browser, live_server, settings):
    """A fresh browser page on the live server (cookies over plain http in tests)."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = _playwright_browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Makassar")
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Every journey doubles as a CSP check: a refused script or a script error fails it.
    masalah = []
    page.on(
        "console",
        lambda pesan: (
            masalah.append(pesan.text) if pesan.type == "error" and "Content Security Policy" in pesan.text else None
        ),
    )
    page.on("pageerror", lambda galat: masalah.append(f"JS: {galat}"))
    yield page
    context.close()
    assert not masalah, f"Pelanggaran CSP atau galat skrip di peramban: {masalah}"


@pytest.fixture
def masuk_browser():
    """Log a user in through the real login form."""

    def masuk(page, user, password=KATA_SANDI):
        from lpse_portal.middleware import butuh_dua_faktor

        if butuh_dua_faktor(user):
            perangkat_otp(user)
        page.goto("/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        if "/accounts/dua-faktor/" in page.url:
            page.fill("input[name=kode]", kode_otp(user))
            page.click("main form button[type=submit]")
            page.wait_for_load_state()

    return masuk


@pytest.fixture
def tangkap_layar():
    """Save a screenshot of a main page under docs/screenshots/<nama>.png."""

    def tangkap(page, nama):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{nama}.png"), full_page=True)

    return tangkap
