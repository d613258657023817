"""Display of rupiah amounts and figures in the Indonesian way (1.250.000; 12,5)."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def rupiah(nilai):
    """Rp1.250.000 — whole rupiah, dot as the thousands mark."""
    if nilai in (None, ""):
        return "—"
    return "Rp" + f"{Decimal(nilai):,.0f}".replace(",", ".")


@register.filter
def angka(nilai):
    """12,5 / 1.200 — no trailing zeros, comma as the decimal mark."""
    if nilai in (None, ""):
        return "—"
    d = Decimal(nilai).normalize()
    bulat, _, pecahan = f"{d:,f}".partition(".")
    bulat = bulat.replace(",", ".")
    pecahan = pecahan.rstrip("0")
    return f"{bulat},{pecahan}" if pecahan else bulat
