import datetime
import os
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from sistem import mesin_cadangan as mesin
from sistem import services


@pytest.fixture
def dokumen(settings):
    """A few private documents in MEDIA_ROOT, nested like uploads are."""

    def buat(jumlah=3, ukuran=2048):
        hasil = []
        for i in range(jumlah):
            path = Path(settings.MEDIA_ROOT) / "registrasi" / "2026" / f"dok-{i}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"%PDF-1.4\n" + os.urandom(ukuran) + b"\n%%EOF\n")
            hasil.append(path)
        return hasil

    return buat


@pytest.fixture
def cadangan_baru(admin_sistem):
    """Run a real backup through the service and return its Cadangan."""

    def buat():
        run = services.jalankan_cadangan(oleh=admin_sistem)
        assert run.status == "berhasil", run.pesan
        return run.cadangan

    return buat


@pytest.fixture
def basis_baru():
    """Names of throwaway databases on the test server, dropped afterwards."""
    nama = []

    def buat():
        n = f"{connection.settings_dict['NAME'][:30]}_pulih_{uuid.uuid4().hex[:6]}"
        nama.append(n)
        return n

    yield buat
    for n in nama:
        mesin.pg_hapus_basis(connection.settings_dict, n)


@pytest.fixture
def insiden_terbuka(admin_sistem):
    def buat(**ubah):
        data = {
            "judul": "SPSE tidak dapat diakses",
            "layanan": "spse",
            "tingkat": "tinggi",
            "layanan_terhenti": True,
            "mulai": timezone.now() - datetime.timedelta(hours=2),
        }
        data.update(ubah)
        return services.simpan_insiden(data=data, oleh=admin_sistem)

    return buat
