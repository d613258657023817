"""Paging for the big lists (50,000 vendors, 200,000 tickets): count at most BATAS rows.

Counting every row of a big filtered list was the costliest query of its page (15-70 ms at
provincial scale, bench/skala and docs/performance.md). Nobody reads past the thousandth row of
a list; staff narrow it with the filters and the search instead. So the count stops at BATAS
(`SELECT COUNT(*) FROM (... LIMIT BATAS + 1)`), the page label says "dari 40+", and a deeper page
number opens the last page that can be counted. That also bounds the OFFSET of a deep page.

The busiest lists (`simpan_hitungan=True`: the verifikator queue, the vendor list, the ticket
queue) also keep their capped count in the cache for a minute at most, under the versions of
every table the count reads (lpse_portal.halaman_tersimpan: each save or delete of a watched
model bumps its version): the same list paged or reloaded does not count again until a row
changes. A count over a table nobody watches is not kept. Their tables are written through
save() (a bulk write must bump the version itself, as registrasi.services does); anything that
slips through shows in the page label after UMUR_HITUNGAN seconds at most. The rows themselves
are always read fresh. PAGINASI_SIMPAN_HITUNGAN=0 in the environment turns this off.
"""

import contextlib
import hashlib
import re

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from lpse_portal.halaman_tersimpan import dipantau, versi_data

BATAS = 1000
UMUR_HITUNGAN = 60
_model_tabel: dict[str, object] = {}


def _model_dari_tabel(tabel: str):
    if not _model_tabel:
        _model_tabel.update({m._meta.db_table: m for m in apps.get_models(include_auto_created=True)})
    return _model_tabel.get(tabel)


def hitung_tersimpan(qs) -> int:
    """qs.count(), kept in the cache while the tables it reads are unchanged (see above)."""
    query = qs.query.clone()
    query.select_related = False  # the count joins only what filters the rows
    sql, params = query.get_compiler(qs.db).as_sql()
    # Every model table the SQL names (Django quotes them all), subqueries included; one
    # nobody watches: no keeping.
    model = {_model_dari_tabel(t) for t in re.findall(r'"(\w+)"', sql)} - {None}
    if not all(dipantau(m) for m in model):
        return qs.count()
    try:
        mentah = f"{qs.db}|{sql}|{params!r}|{versi_data(sorted(set(model), key=str))}"
        kunci = "hitungan:" + hashlib.sha256(mentah.encode()).hexdigest()[:32]
        ada = cache.get(kunci)
    except Exception:  # noqa: BLE001 - a cache outage: count as before
        return qs.count()
    if ada is not None:
        return ada
    jumlah = qs.count()
    with contextlib.suppress(Exception):
        cache.set(kunci, jumlah, UMUR_HITUNGAN)
    return jumlah


class PaginatorTerbatas(Paginator):
    def __init__(self, object_list, per_page, *, batas: int = BATAS, simpan_hitungan: bool = False, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.batas = batas
        self.simpan_hitungan = simpan_hitungan and settings.PAGINASI_SIMPAN_HITUNGAN

    @cached_property
    def jumlah_nyata(self) -> int:
        """The count up to batas + 1: more than batas means "more than batas". Without the
        list's order: any batas + 1 rows count the same, and PostgreSQL need not sort (the
        verifikator queue filtered by form of business: 10 ms -> ~1.5 ms)."""
        qs = self.object_list
        if not hasattr(qs, "order_by"):
            return len(qs[: self.batas + 1])
        qs = qs.order_by()[: self.batas + 1]
        return hitung_tersimpan(qs) if self.simpan_hitungan else qs.count()

    @cached_property
    def count(self) -> int:
        return min(self.jumlah_nyata, self.batas)

    @property
    def terpotong(self) -> bool:
        return self.jumlah_nyata > self.batas
