"""A cheaper `get_<field>_display` for the portal's own models.

Django's generated method rebuilds a dict of the field's choices on every call, hashing each
lazy label (one gettext per choice). A list page of 25 rows showing three statuses made ~400
translations a request for that alone (issue 10). Here the dict is built once per field; the
one label shown is still translated per call, so a language switch shows at once.
"""

from functools import partialmethod

from django.apps import apps
from django.utils.encoding import force_str

APLIKASI_PORTAL = ("lpse_portal", "organisasi", "registrasi", "layanan", "sistem", "sop", "laporan")


def _tampilan(field):
    pilihan = dict(field.flatchoices)
    asli = field.model._get_FIELD_display

    def get_display(self):
        nilai = getattr(self, field.attname)
        try:
            label = pilihan.get(nilai, nilai)
        except TypeError:  # an unhashable value: Django's own way
            return asli(self, field)
        return force_str(label, strings_only=True)

    return get_display


def percepat_tampilan_pilihan():
    for label in APLIKASI_PORTAL:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                nama = f"get_{field.name}_display"
                # Only the method Django generated (a partialmethod), never one a model wrote.
                if field.choices and isinstance(model.__dict__.get(nama), partialmethod):
                    setattr(model, nama, _tampilan(field))
