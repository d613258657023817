"""The access table's shape, and the entries for the site-wide URLs.

Every app has `<app>/tests/akses.py` with:
  AKSES = {"app:url_name": Akses(...) or {role: status}}   -- one entry per URL name
  siapkan(cast) -> dict                                     -- sample objects for URL kwargs

Role keys: "anonim", every role of organisasi.peran.PERAN, and "*" for everyone not listed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from organisasi.peran import PERAN, PERAN_STAF

SEMUA_PERAN = ["anonim", *PERAN]

# role name -> the conftest fixture that plays it
FIXTURE_PERAN = {
    "pembina": "pembina",
    "kepala_lpse": "kepala_lpse",
    "sekretaris": "sekretaris",
    "koordinator": "koordinator",
    "admin_sistem": "admin_sistem",
    "verifikator": "verifikator",
    "layanan": "petugas_layanan",
    "pejabat_pengadaan": "ppk_a",
    "penyedia": "penyedia_a",
}


@dataclass(frozen=True)
class Akses:
    harapan: dict[str, int]
    kwargs: Callable[[dict], dict] | None = None
    method: str = "GET"
    data: dict = field(default_factory=dict)
    query: str = ""


def sebagai_akses(entri) -> Akses:
    return entri if isinstance(entri, Akses) else Akses(harapan=entri)


def harapan(akses: Akses, peran: str) -> int:
    if peran in akses.harapan:
        return akses.harapan[peran]
    if "*" in akses.harapan:
        return akses.harapan["*"]
    raise KeyError(f"tidak ada harapan untuk peran {peran}")


# Shorthands used by every app's table.
PUBLIK = {"*": 200}
HANYA_STAF = {"anonim": 302, **dict.fromkeys(PERAN_STAF, 200), "*": 403}


DUA_FAKTOR = ("pembina", "kepala_lpse", "verifikator", "admin_sistem", "koordinator")


def hanya(*peran: str, status: int = 200, lain: int = 403) -> dict:
    return {"anonim": 302, **dict.fromkeys(peran, status), "*": lain}


AKSES = {
    "beranda": PUBLIK,
    "healthz": PUBLIK,
    "login": PUBLIK,
    "logout": Akses({"*": 302}, method="POST"),
    "password_change": {"anonim": 302, "*": 200},
    "password_change_done": {"anonim": 302, "*": 200},
    "password_reset": PUBLIK,
    "password_reset_done": PUBLIK,
    "password_reset_confirm": Akses(PUBLIK, kwargs=lambda o: {"uidb64": "MQ", "token": "token-palsu"}),
    "password_reset_complete": PUBLIK,
    # Roles that must use a second factor already have a device (they verify); the others
    # may set one up voluntarily.
    "dua_faktor": {"anonim": 302, **dict.fromkeys(DUA_FAKTOR, 200), "*": 302},
    "dua_faktor_pasang": {"anonim": 302, **dict.fromkeys(DUA_FAKTOR, 302), "*": 200},
}


def siapkan(cast: dict) -> dict:
    return {}
