"""The pages bench/load.py measures: name, path, the role whose session requests it, kind
(publik / daftar / cari / dasbor / form) and the fixed arrival rate for the latency run."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Halaman:
    nama: str
    path: str
    peran: str | None
    jenis: str
    laju: int = 50


HALAMAN = [
    Halaman("beranda publik", "/", None, "publik"),
    Halaman("formulir masuk", "/accounts/login/", None, "publik"),
    Halaman("bagan organisasi", "/organisasi/bagan/", "sekretaris", "daftar"),
    Halaman("daftar pegawai", "/organisasi/pegawai/", "sekretaris", "daftar"),
    Halaman("cari pegawai", "/organisasi/pegawai/?q=Demo", "sekretaris", "cari"),
]
