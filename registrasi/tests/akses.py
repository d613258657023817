"""Access table of the registrasi URLs (see lpse_portal/tests/akses.py)."""

AKSES: dict = {}


def siapkan(cast: dict) -> dict:
    return {}
