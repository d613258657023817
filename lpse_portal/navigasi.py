"""Role-aware navigation. Each app may have `navigasi.py` with `MENU = [ItemMenu(...)]`."""

from dataclasses import dataclass
from functools import cache, lru_cache

from django.apps import apps
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from lpse_portal.akses import peran


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
    return _menu_untuk_peran(user.is_authenticated, frozenset(peran(user)))


@lru_cache(maxsize=128)
def _menu_untuk_peran(masuk: bool, peran_user: frozenset) -> list[dict]:
    """The menu depends only on being logged in and on the roles: built once per combination
    in each process (it was a tenth of a staff list page's rendering, bench/load.py). The labels
    stay lazy, so each request still shows them in its own language. Read-only for templates."""
    kelompok: dict[str, dict] = {}
    hasil: list[dict] = []
    for item in semua_menu():
        if item.hanya_tamu and masuk:
            continue
        if not item.publik:
            if not masuk:
                continue
            if item.peran and not peran_user & set(item.peran):
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


@receiver(setting_changed)
def _lupakan_menu(*, setting, **kwargs):
    # A test that swaps the URLconf or the installed apps must not see another URLconf's menu.
    if setting in ("ROOT_URLCONF", "INSTALLED_APPS"):
        _menu_untuk_peran.cache_clear()
        semua_menu.cache_clear()
