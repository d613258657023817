"""Big lists count at most `batas` rows (issue 10): the count stops early, the label says "+",
and a page number past the counted rows opens the last counted page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lpse_portal.paginasi import PaginatorTerbatas
from organisasi.models import User


def _pengguna(n):
    User.objects.bulk_create(User(username=f"hitung.{i}") for i in range(n))
    return User.objects.filter(username__startswith="hitung.").order_by("username")


def test_it_counts_no_further_than_its_limit(db):
    p = PaginatorTerbatas(_pengguna(7), 2, batas=5)
    with CaptureQueriesContext(connection) as q:
        assert p.count == 5
    assert p.terpotong and p.num_pages == 3
    assert "LIMIT 6" in q.captured_queries[0]["sql"]


def test_it_opens_the_last_counted_page_for_a_deeper_page_number(db):
    page = PaginatorTerbatas(_pengguna(7), 2, batas=5).get_page(400)
    assert page.number == 3 and not page.has_next()


def test_it_counts_exactly_below_its_limit(db):
    p = PaginatorTerbatas(_pengguna(4), 2, batas=5)
    assert p.count == 4 and not p.terpotong


def test_it_tells_the_reader_the_list_goes_on(verifikator, masuk, monkeypatch, penyedia_factory):
    for i in range(3):
        penyedia_factory(f"cv.batas{i}")
    monkeypatch.setattr(PaginatorTerbatas.__init__, "__kwdefaults__", {"batas": 2})
    halaman = masuk(verifikator).get("/registrasi/penyedia/?halaman=9").content.decode()
    assert "Hanya 2 baris pertama yang dapat dibuka" in halaman


@pytest.fixture
def buat_tiket(db):
    from layanan import services
    from layanan.tests.conftest import data_tiket

    return lambda: services.buat_tiket(data=data_tiket(), oleh=None, lampiran=())


def _hitung_ulang(qs, batas=5):
    with CaptureQueriesContext(connection) as q:
        jumlah = PaginatorTerbatas(qs, 2, batas=batas, simpan_hitungan=True).count
    return jumlah, len(q)


def test_it_keeps_the_count_of_a_watched_table_until_a_row_changes(buat_tiket):
    from layanan.models import Tiket

    for _ in range(3):
        buat_tiket()
    qs = Tiket.objects.antrean().filter(status="baru")  # select_related: the count joins nothing
    assert _hitung_ulang(qs) == (3, 1)
    assert _hitung_ulang(qs) == (3, 0)
    buat_tiket()
    assert _hitung_ulang(qs) == (4, 1)
    t = Tiket.objects.first()
    t.status = "ditutup"
    t.save()
    assert _hitung_ulang(qs) == (3, 1)


def test_it_keeps_counts_of_different_filters_apart(buat_tiket):
    from layanan.models import Tiket

    buat_tiket()
    assert _hitung_ulang(Tiket.objects.filter(status="baru")) == (1, 1)
    assert _hitung_ulang(Tiket.objects.filter(status="ditutup")) == (0, 1)


def test_it_always_counts_a_table_nobody_watches(db):
    qs = _pengguna(3)
    assert _hitung_ulang(qs) == (3, 1)
    assert _hitung_ulang(qs) == (3, 1)


def test_it_counts_when_the_cache_is_down(buat_tiket, monkeypatch):
    from django.core.cache import cache

    from layanan.models import Tiket

    buat_tiket()

    def mati(*a, **k):
        raise ConnectionError("redis mati")

    monkeypatch.setattr(cache, "get", mati)
    monkeypatch.setattr(cache, "get_many", mati)
    assert _hitung_ulang(Tiket.objects.all()) == (1, 1)


def test_it_counts_every_time_for_a_list_that_keeps_no_count(buat_tiket):
    from layanan.models import Tiket

    buat_tiket()
    for _ in range(2):
        with CaptureQueriesContext(connection) as q:
            assert PaginatorTerbatas(Tiket.objects.all(), 2).count == 1
        assert len(q) == 1


def test_it_can_be_turned_off(buat_tiket, settings):
    from layanan.models import Tiket

    settings.PAGINASI_SIMPAN_HITUNGAN = False
    buat_tiket()
    assert _hitung_ulang(Tiket.objects.all()) == (1, 1)
    assert _hitung_ulang(Tiket.objects.all()) == (1, 1)


def test_it_does_not_keep_a_count_whose_subquery_reads_an_unwatched_table(buat_tiket):
    from layanan.models import Tiket
    from organisasi.models import User

    buat_tiket()
    qs = Tiket.objects.exclude(ditangani_oleh__in=User.objects.filter(is_superuser=True))
    assert _hitung_ulang(qs) == (1, 1)
    assert _hitung_ulang(qs) == (1, 1)
