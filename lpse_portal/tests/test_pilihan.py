"""get_<field>_display of the portal's models (lpse_portal/pilihan.py, issue 10): the same label as
Django's, in the active language, with the choices' dict built once."""

from functools import partialmethod

from django.apps import apps

from layanan.models import Tiket
from lpse_portal.pilihan import APLIKASI_PORTAL


def test_it_shows_the_label_of_the_value():
    assert Tiket(status=Tiket.Status.BARU).get_status_display() == str(Tiket.Status.BARU.label)


def test_it_shows_an_unknown_value_as_it_is():
    assert Tiket(status="tidak-dikenal").get_status_display() == "tidak-dikenal"


def test_it_gives_what_djangos_own_method_gives_for_every_choice():
    for label in APLIKASI_PORTAL:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                for nilai, _label in field.flatchoices if field.choices else []:
                    obj = model(**{field.attname: nilai})
                    cepat = getattr(obj, f"get_{field.name}_display")()
                    assert cepat == obj._get_FIELD_display(field), (model, field.name, nilai)


def test_it_replaces_every_generated_method_of_the_portals_models():
    sisa = [
        f"{model.__name__}.{nama}"
        for label in APLIKASI_PORTAL
        for model in apps.get_app_config(label).get_models()
        for nama, nilai in vars(model).items()
        if nama.endswith("_display") and isinstance(nilai, partialmethod)
    ]
    assert sisa == []
