"""The address of one object's page, without a full reverse() per row.

`{% url 'app:name' obj.pk %}` costs ~18 µs; a list page of 25 rows with two links paid ~0.9 ms
for them (issue 10). For a URL with one integer argument the address is the same text around
the number, so it is reversed once per name (with a sample number) and the number put in its
place after. Anything else — a non-integer argument, a pattern where the sample does not
appear exactly once — is reversed as before, so the address is always what reverse() gives.
"""

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

_CONTOH = "987654321"
_pola: dict[tuple, tuple[str, str] | None] = {}


def alamat(nama: str, pk) -> str:
    if type(pk) is not int or pk < 0:
        return reverse(nama, args=[pk])
    kunci = (nama, get_script_prefix(), get_urlconf())
    if kunci not in _pola:
        contoh = reverse(nama, args=[int(_CONTOH)])
        _pola[kunci] = tuple(contoh.split(_CONTOH)) if contoh.count(_CONTOH) == 1 else None
    pola = _pola[kunci]
    if pola is None:
        return reverse(nama, args=[pk])
    return f"{pola[0]}{pk}{pola[1]}"


@receiver(setting_changed)
def _lupakan(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _pola.clear()
