"""One row by a fixed condition, without compiling a queryset on every request.

Every staff request reads its session, its user and its TOTP device by key. Through the ORM
each of those reads spends ~0.4 ms building and compiling the query for ~0.1 ms at the
database: together a fifth of the whole cost of a staff list page at provincial scale
(issue 10, docs/performance.md). `satu_baris` writes the SELECT of all concrete columns once
per model and condition and builds the instance with `Model.from_db`, as a queryset would.

It goes through Django's cursor, so the query is counted, logged and wrapped like any other.
It suits models whose columns need no conversion from what the driver returns (no JSON or
custom fields): `test_kueri.py` compares it with `.get()` for each model it is used on.
"""

from django.db import connections, router

_sql: dict[tuple, tuple[str, list[str]]] = {}


def _select(model, kondisi: str, db: str) -> tuple[str, list[str]]:
    kunci = (model, kondisi, db)
    if kunci not in _sql:
        qn = connections[db].ops.quote_name
        kolom = [f.column for f in model._meta.concrete_fields]
        # Quoted names from the model's own metadata and a condition the caller writes as a
        # constant; every value goes in as a parameter.
        sql = f"SELECT {', '.join(qn(k) for k in kolom)} FROM {qn(model._meta.db_table)} WHERE {kondisi} LIMIT 1"  # noqa: S608  # nosec B608
        _sql[kunci] = (sql, [f.attname for f in model._meta.concrete_fields])
    return _sql[kunci]


def satu_baris(model, kondisi: str, params):
    """The first `model` row matching `kondisi` (SQL with %s placeholders for `params`, naming
    columns by their database names), or None."""
    db = router.db_for_read(model)
    sql, nama = _select(model, kondisi, db)
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        baris = cursor.fetchone()
    return None if baris is None else model.from_db(db, nama, baris)
