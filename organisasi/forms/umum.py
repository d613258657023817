"""Form pieces the Sekretariat's forms share."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

_RUPIAH = re.compile(r"^(rp\.?)?\s*\d{1,3}(\.\d{3})*$|^(rp\.?)?\s*\d+$", re.IGNORECASE)


class RupiahField(forms.CharField):
    """Whole rupiah, typed as people write it: 1250000, 1.250.000 or Rp 1.250.000.

    A comma is refused rather than guessed: "1,5" could be a decimal or a thousands mark."""

    default_error_messages = {
        "invalid": _("Tulis jumlah rupiah penuh tanpa sen, mis. 1.250.000."),
    }

    def __init__(self, *args, minimal: int = 0, **kwargs):
        self.minimal = minimal
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("maxlength", "25")

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return f"{value:,.0f}".replace(",", ".")
        return value

    def to_python(self, value):
        teks = super().to_python(value).strip()
        if not teks:
            return None
        teks = teks.replace(" ", "")
        if len(teks) > 25 or not _RUPIAH.match(teks):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        digit = re.sub(r"\D", "", teks)
        try:
            nilai = Decimal(digit)
        except InvalidOperation:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if nilai < self.minimal:
            raise forms.ValidationError(
                _("Jumlah paling sedikit Rp%(min)s.") % {"min": f"{self.minimal:,}".replace(",", ".")}, code="min"
            )
        return nilai
