"""Views of the organisasi app, one module per topic; urls.py names the module of each page."""

from organisasi.views.struktur import (
    bagan,
    kualifikasi_create,
    pegawai_akun,
    pegawai_create,
    pegawai_detail,
    pegawai_list,
    pegawai_nik,
    pegawai_update,
    penugasan_akhiri,
    penugasan_berkas,
    penugasan_create,
    riwayat_create,
)

__all__ = [
    "bagan",
    "kualifikasi_create",
    "pegawai_akun",
    "pegawai_create",
    "pegawai_detail",
    "pegawai_list",
    "pegawai_nik",
    "pegawai_update",
    "penugasan_akhiri",
    "penugasan_berkas",
    "penugasan_create",
    "riwayat_create",
]
