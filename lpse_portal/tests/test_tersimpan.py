"""Reference tables kept per process (lpse_portal/tersimpan.py, issue 10): read once, read again
as soon as a row changes, even in another process's view of the cache."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from layanan.sla import PenghitungSLA
from organisasi.kalender import Kalender
from organisasi.models import HariLibur, JamKerja
from registrasi.models import Penyedia


def test_it_reads_the_calendar_once(db):
    Kalender.dari_database()
    with CaptureQueriesContext(connection) as kueri:
        Kalender.dari_database()
    assert len(kueri) == 0


def test_it_reads_again_after_a_holiday_is_added(db):
    tanggal = datetime.date(2027, 3, 9)
    assert tanggal not in Kalender.dari_database().libur
    HariLibur.objects.create(tanggal=tanggal, nama="Libur uji")
    assert tanggal in Kalender.dari_database().libur


def test_it_reads_again_after_office_hours_change(db):
    jam = JamKerja.objects.order_by("hari").first()
    jam.selesai = datetime.time(12, 0)
    jam.save()
    assert Kalender.dari_database().jam[jam.hari][1] == datetime.time(12, 0)


def test_it_reads_again_after_an_sla_target_changes(db):
    target = PenghitungSLA().target
    contoh = next(iter(target.values()))
    contoh.respons_jumlah = (contoh.respons_jumlah or 0) + 7
    contoh.save()
    baru = PenghitungSLA().target[(contoh.jenis, contoh.kategori_id, contoh.tingkat)]
    assert baru.respons_jumlah == contoh.respons_jumlah


def test_it_still_reads_the_tables_when_the_cache_is_down(db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert Kalender.dari_database().jam


def _hitung_get_many(monkeypatch):
    from django.core.cache import cache

    panggilan = []
    asli = cache.get_many

    def get_many(kunci, *a, **k):
        panggilan.append(list(kunci))
        return asli(kunci, *a, **k)

    monkeypatch.setattr(cache, "get_many", get_many)
    return panggilan


def test_it_reads_the_versions_once_in_a_request(db, monkeypatch):
    from lpse_portal.halaman_tersimpan import _akhiri_permintaan, _mulai_permintaan, versi_data

    _mulai_permintaan()  # what request_started does (the signal would also close the test's connection)
    try:
        panggilan = _hitung_get_many(monkeypatch)
        pertama = versi_data([HariLibur, JamKerja])
        assert versi_data([HariLibur]) == pertama.split(",")[0]
        assert len(panggilan) == 1
        PenghitungSLA()  # a second read takes every watched version
        versi_data([Penyedia])  # watched since start-up (registrasi's ready)
        assert len(panggilan) == 2
    finally:
        _akhiri_permintaan()


def test_it_sees_a_change_made_in_the_same_request(db):
    from lpse_portal.halaman_tersimpan import _akhiri_permintaan, _mulai_permintaan

    tanggal = datetime.date(2027, 3, 10)
    _mulai_permintaan()
    try:
        assert tanggal not in Kalender.dari_database().libur
        HariLibur.objects.create(tanggal=tanggal, nama="Libur uji")
        assert tanggal in Kalender.dari_database().libur
    finally:
        _akhiri_permintaan()


def test_it_reads_the_cache_each_time_outside_a_request(db, monkeypatch):
    from django.core.cache import cache

    from lpse_portal.halaman_tersimpan import _kunci_versi, versi_data

    sebelum = versi_data([HariLibur])
    cache.set(_kunci_versi(HariLibur), int(sebelum) + 5)  # another process bumped it
    assert versi_data([HariLibur]) == str(int(sebelum) + 5)
