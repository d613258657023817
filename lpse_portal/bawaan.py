"""Install default data once: `pasang_sekali("organisasi.struktur", fungsi)`.

Runs from post_migrate handlers, so a fresh database (production, demo or a flushed test
database) gets the defaults, while an operator's later edits are never overwritten.
"""

from django.db import transaction

from lpse_portal.models import DataBawaan


def pasang_sekali(nama: str, fungsi) -> bool:
    """Run `fungsi()` unless `nama` was installed before. True when it ran."""
    with transaction.atomic():
        if DataBawaan.objects.select_for_update().filter(nama=nama).exists():
            return False
        fungsi()
        DataBawaan.objects.create(nama=nama)
    return True
