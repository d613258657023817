"""Password composition required by Peraturan BSSN 4/2021 for government applications."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class KomposisiKataSandiValidator:
    """Upper case, lower case, a digit and a symbol."""

    def validate(self, password, user=None):
        kurang = []
        if not any(c.isupper() for c in password):
            kurang.append(_("huruf besar"))
        if not any(c.islower() for c in password):
            kurang.append(_("huruf kecil"))
        if not any(c.isdigit() for c in password):
            kurang.append(_("angka"))
        if not any(c in string.punctuation or (not c.isalnum() and not c.isspace()) for c in password):
            kurang.append(_("simbol"))
        if kurang:
            raise ValidationError(
                _("Kata sandi harus memuat %(kurang)s.") % {"kurang": ", ".join(kurang)}, code="komposisi"
            )

    def get_help_text(self):
        return _("Kata sandi memuat huruf besar, huruf kecil, angka dan simbol.")
