"""Form pieces shared by every app."""

from django import forms


class TanggalInput(forms.DateInput):
    """A native date picker. Browsers send ISO yyyy-mm-dd, which is unambiguous; typed input
    is accepted only day-first (lpse_portal/formats/id)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class WaktuInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class TanggalWaktuInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class TanggalField(forms.DateField):
    widget = TanggalInput


class TanggalWaktuField(forms.DateTimeField):
    widget = TanggalWaktuInput
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d-%m-%Y %H.%M", "%d-%m-%Y %H:%M"]
