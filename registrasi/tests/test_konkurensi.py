"""Races on PostgreSQL with real threads: the row locks and unique indexes decide, once."""

import threading

import pytest
from django.db import connection

from conftest import KATA_SANDI
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import Peristiwa
from registrasi import services
from registrasi.models import BentukUsaha, Pendaftaran, Penyedia
from registrasi.tests import pabrik

pytestmark = pytest.mark.django_db(transaction=True)


def _serentak(n, kerja):
    """Run `kerja(i)` in n threads released at the same instant; collect results and errors."""
    gerbang = threading.Barrier(n)
    hasil, galat = [], []

    def jalan(i):
        try:
            gerbang.wait()
            hasil.append(kerja(i))
        except TransisiTidakSah as e:
            galat.append(e)
        finally:
            connection.close()

    utas = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    return hasil, galat


def test_it_records_one_decision_when_two_approvals_race(sistem):
    p = pabrik.buat_penyedia("cv.balapan", kata_sandi=KATA_SANDI, verifikator=sistem, status="diverifikasi")
    pabrik.nyatakan_semua(p, oleh=sistem)
    hasil, galat = _serentak(2, lambda i: services.setujui_pendaftaran(pendaftaran_id=p.pk, oleh=sistem))
    assert len(hasil) == 1 and len(galat) == 1
    assert Pendaftaran.objects.get(pk=p.pk).status == "disetujui"
    assert Peristiwa.objects.filter(rantai="registrasi.pendaftaran", object_id=p.pk, aksi="setujui").count() == 1
    assert Peristiwa.objects.filter(rantai="registrasi.penyedia", aksi="aktifkan_user_id").count() == 1


def test_it_registers_one_of_twenty_racing_registrations_with_the_same_npwp(db):
    cv = BentukUsaha.objects.get(kode="cv")
    npwp = pabrik.npwp_uji(4242)

    def daftar(i):
        return services.buat_pendaftaran(
            email=f"balap{i}@usaha.contoh.id",
            user_id=f"balap.{i}",
            kata_sandi=KATA_SANDI,
            data=pabrik.data_penyedia(5000 + i, cv, npwp=npwp),
        )

    hasil, galat = _serentak(20, daftar)
    assert len(hasil) == 1
    assert len(galat) == 19
    assert all("NPWP ini sudah terdaftar" in str(e) for e in galat)
    assert Penyedia.objects.filter(npwp=npwp).count() == 1
    from organisasi.models import User

    assert User.objects.filter(username__startswith="balap.").count() == 1


def test_it_gives_a_file_to_one_of_two_verifikators_claiming_at_once(sistem, buat_staf):
    satu, dua = buat_staf("verif.satu", "pelaksana-registrasi"), buat_staf("verif.dua", "pelaksana-registrasi")
    p = pabrik.buat_penyedia("cv.klaim", kata_sandi=KATA_SANDI, verifikator=sistem, status="diajukan")
    hasil, galat = _serentak(2, lambda i: services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=(satu, dua)[i]))
    assert len(hasil) == 1 and len(galat) == 1
    assert Peristiwa.objects.filter(rantai="registrasi.pendaftaran", object_id=p.pk, aksi="ambil").count() == 1
