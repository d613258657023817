"""Paging for the big lists (50,000 vendors, 200,000 tickets): count at most BATAS rows.

Counting every row of a big filtered list was the costliest query of its page (15-70 ms at
provincial scale, bench/skala and docs/performance.md). Nobody reads past the thousandth row of
a list; staff narrow it with the filters and the search instead. So the count stops at BATAS
(`SELECT COUNT(*) FROM (... LIMIT BATAS + 1)`), the page label says "dari 40+", and a deeper page
number opens the last page that can be counted. That also bounds the OFFSET of a deep page.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

BATAS = 1000


class PaginatorTerbatas(Paginator):
    def __init__(self, object_list, per_page, *, batas: int = BATAS, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.batas = batas

    @cached_property
    def jumlah_nyata(self) -> int:
        """The count up to batas + 1: more than batas means "more than batas". Without the
        list's order: any batas + 1 rows count the same, and PostgreSQL need not sort (the
        verifikator queue filtered by form of business: 10 ms -> ~1.5 ms)."""
        qs = self.object_list
        if hasattr(qs, "order_by"):
            qs = qs.order_by()
        return qs[: self.batas + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.jumlah_nyata, self.batas)

    @property
    def terpotong(self) -> bool:
        return self.jumlah_nyata > self.batas
