"""Role-aware navigation. Each app may have `navigasi.py` with `MENU = [ItemMenu(...)]`."""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from lpse_portal.akses import punya_peran


@dataclass(frozen=True)
class ItemMenu:
    label: str
    url_name: str
    kelompok: str = ""  # the dropdown it belongs to; empty = top level
    peran: tuple[str, ...] = ()  # roles that see it; empty = every logged-in user
    publik: bool = False  # shown to everyone, logged in or not
    hanya_tamu: bool = False  # shown only to anonymous visitors
    urutan: int = 50


@cache
def semua_menu() -> tuple[ItemMenu, ...]:
    hasil = []
    for config in apps.get_app_configs():
        try:
            hasil.extend(import_string(f"{config.name}.navigasi.MENU"))
        except ImportError:
            continue
    return tuple(sorted(hasil, key=lambda i: (i.urutan, str(i.label))))


def menu_untuk(user) -> list[dict]:
    """Top-level entries and dropdowns the user may see, in order."""
    kelompok: dict[str, dict] = {}
    hasil: list[dict] = []
    for item in semua_menu():
        if item.hanya_tamu and user.is_authenticated:
            continue
        if not item.publik:
            if not user.is_authenticated:
                continue
            if item.peran and not punya_peran(user, *item.peran):
                continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        entri = {"label": item.label, "url": url, "url_name": item.url_name}
        if not item.kelompok:
            hasil.append(entri)
            continue
        if item.kelompok not in kelompok:
            kelompok[item.kelompok] = {"label": item.kelompok, "anak": []}
            hasil.append(kelompok[item.kelompok])
        kelompok[item.kelompok]["anak"].append(entri)
    return hasil
