"""Kept for layanan's migrations; the operation now lives in lpse_portal.operasi_migrasi."""

from lpse_portal.operasi_migrasi import AddIndexPostgres

__all__ = ["AddIndexPostgres"]
