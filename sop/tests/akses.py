"""Access table of the sop URLs (see lpse_portal/tests/akses.py)."""

AKSES: dict = {}


def siapkan(cast: dict) -> dict:
    return {}
