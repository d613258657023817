"""Values computed from small reference tables (working hours, holidays, SLA targets), kept in
each process until one of the tables changes.

The ticket queue read the office hours, the holidays and the SLA targets with three queries on
every request (~1 ms of a 13 ms page, issue 10). `simpanan(nama, models, hitung)` keeps
`hitung()`'s value in this process under the tables' versions in the cache (one round trip a
call). A save or delete of a row bumps its table's version (lpse_portal.halaman_tersimpan;
the app connects that in its ready(), so a process that only writes bumps it too), and a value
is kept UMUR_LOKAL seconds at most, so even a version lost from the cache costs only a minute
of an old value. These tables are only changed through save() (the admin, get_or_create).
"""

import time

from lpse_portal.halaman_tersimpan import versi_data

UMUR_LOKAL = 60
_lokal: dict[tuple, tuple[float, object]] = {}


def simpanan(nama: str, model_list, hitung):
    try:
        versi = versi_data(model_list)
    except Exception:  # noqa: BLE001 - a cache outage: read the tables, as before
        return hitung()
    kunci = (nama, versi)
    sekarang = time.monotonic()
    ada = _lokal.get(kunci)
    if ada and ada[0] > sekarang:
        return ada[1]
    nilai = hitung()
    if len(_lokal) > 100:  # a handful of names; never let it grow
        _lokal.clear()
    _lokal[kunci] = (sekarang + UMUR_LOKAL, nilai)
    return nilai
