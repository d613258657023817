"""Concurrent registrations on PostgreSQL with real threads: no overbooking."""

import threading

import pytest
from django.db import connection

from layanan import services
from layanan.models import PesertaPelatihan
from layanan.tests.conftest import peserta_data

P = PesertaPelatihan.Status


@pytest.mark.django_db(transaction=True)
def test_it_never_overbooks_under_concurrent_registrations(buat_pelatihan):
    pelatihan = buat_pelatihan(kapasitas=3)
    n = 8
    mulai = threading.Barrier(n)
    galat = []

    def daftar(i):
        try:
            mulai.wait()
            services.daftar_pelatihan(pelatihan_id=pelatihan.pk, data=peserta_data(100 + i))
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            galat.append(e)
        finally:
            connection.close()

    utas = [threading.Thread(target=daftar, args=(i,)) for i in range(n)]
    for t in utas:
        t.start()
    for t in utas:
        t.join(30)
    assert galat == []
    status = list(PesertaPelatihan.objects.filter(pelatihan=pelatihan).values_list("status", flat=True))
    assert status.count(P.TERDAFTAR) == 3
    assert status.count(P.DAFTAR_TUNGGU) == n - 3
