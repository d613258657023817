"""Big lists count at most `batas` rows (issue 10): the count stops early, the label says "+",
and a page number past the counted rows opens the last counted page."""

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
