import secrets

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laporan import periode as per
from laporan.models import ReportRun


class JalankanLaporanForm(forms.Form):
    """ "Run now": a kind and a period code. The hidden token makes a double click one run."""

    jenis = forms.ChoiceField(label=_("Jenis"), choices=ReportRun.Jenis.choices, initial=per.BULANAN)
    periode = forms.CharField(
        label=_("Periode"),
        max_length=10,
        help_text=_("Bulanan: 2026-10 · triwulanan: 2026-T3 · tahunan: 2025"),
    )
    kunci = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("periode", per.sebelumnya(per.BULANAN, timezone.now()).kode)
            self.initial.setdefault("kunci", secrets.token_urlsafe(24))

    def clean(self):
        data = super().clean()
        if data.get("jenis") and data.get("periode"):
            try:
                data["periode_obj"] = per.urai(data["jenis"], data["periode"])
            except per.PeriodeTidakSah as e:
                self.add_error("periode", str(e))
        return data


class FilterEReporting(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    bulan = forms.TypedChoiceField(
        label=_("Bulan"),
        coerce=int,
        required=False,
        empty_value=0,
        choices=[(0, _("Setahun penuh"))] + [(i + 1, nama) for i, nama in enumerate(per.BULAN)],
    )

    def periode(self) -> per.Periode:
        """The chosen period; the current year when the form is empty or invalid."""
        tahun = timezone.localdate().year
        bulan = 0
        if self.is_bound and self.is_valid():
            tahun = self.cleaned_data.get("tahun") or tahun
            bulan = self.cleaned_data.get("bulan") or 0
        return per.buat(per.BULANAN, tahun, bulan) if bulan else per.buat(per.TAHUNAN, tahun)
