"""Role-aware navigation. Each app may have `navigasi.py` with `MENU = [ItemMenu(...)]`."""

from dataclasses import dataclass
from functools import cache, lru_cache

from django.apps import apps
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.utils.translation import get_language

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


def html_menu(request) -> str:
    """The menu's <li> items for this request, rendered once per roles, language and active
    top-level item in each process: rendering the ~40 links on every page cost half a
    millisecond of every staff page (issue 10). What differs per user (name, logout form's CSRF
    token) stays outside, in includes/_nav.html."""
    user = request.user
    masuk = user.is_authenticated
    peran_user = frozenset(peran(user))
    menu = _menu_untuk_peran(masuk, peran_user)
    aktif = request.path if any(not m.get("anak") and m["url"] == request.path for m in menu) else ""
    return _html_menu(masuk, peran_user, get_language(), aktif)


@lru_cache(maxsize=512)
def _html_menu(masuk: bool, peran_user: frozenset, bahasa: str, aktif: str) -> str:
    # render_to_string gives a SafeString: escaped by the template engine, kept as such.
    return render_to_string("includes/_menu.html", {"menu": _menu_untuk_peran(masuk, peran_user), "aktif": aktif})


@receiver(setting_changed)
def _lupakan_menu(*, setting, **kwargs):
    # A test that swaps the URLconf, the installed apps or the templates must not see another's menu.
    if setting in ("ROOT_URLCONF", "INSTALLED_APPS", "TEMPLATES", "LANGUAGE_CODE"):
        _menu_untuk_peran.cache_clear()
        _html_menu.cache_clear()
        semua_menu.cache_clear()
