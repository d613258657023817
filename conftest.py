"""The shared cast of the test suite: one user per role, built through services.

Staff get their roles the way production gives them: an active assignment (Penugasan) made
with `angkat_pegawai`. Apps add their own fixtures in `<app>/tests/conftest.py`.
"""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
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


@pytest.fixture(autouse=True)
def _bersihkan_batas_laju():
    """Rate-limit counters start empty in every test (only this worker's keys are removed)."""
    from django.conf import settings
    from django.core.cache import cache

    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()
        yield
        return
    client = cache._cache.get_client(write=True)
    pola = f"{settings.CACHES['default']['KEY_PREFIX']}:*"
    for key in client.scan_iter(match=pola, count=500):
        client.delete(key)
    yield


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


def _luar(username, peran):
    user = _user(username)
    user.groups.add(Group.objects.get(name=peran))
    return user


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
def ppk_a(db):
    return _luar("ppk.a", "pejabat_pengadaan")


@pytest.fixture
def ppk_b(db):
    return _luar("ppk.b", "pejabat_pengadaan")


@pytest.fixture
def penyedia_a(db):
    return _luar("penyedia.a", "penyedia")


@pytest.fixture
def penyedia_b(db):
    return _luar("penyedia.b", "penyedia")


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
