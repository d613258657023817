"""Filter fields written in Python (lpse_portal/bidang.py, issue 10) give the markup crispy gives:
same label, same control, same chosen value; anything unusual goes through crispy itself."""

import re

import pytest
from django import forms
from django.template import engines

CRISPY = engines["django"].from_string(
    "{% load crispy_forms_tags %}{% for field in form %}{{ field|as_crispy_field }}{% endfor %}"
)
CEPAT = engines["django"].from_string("{% load portal %}{% for field in form %}{{ field|bidang_saring }}{% endfor %}")


class FormSaring(forms.Form):
    q = forms.CharField(label="Cari <nama>", required=False)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Semua"), ("a", "A & B"), ("b", "B")])
    tahun = forms.IntegerField(label="Tahun", required=False)
    sejak = forms.DateField(label="Sejak", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    kedaluwarsa = forms.BooleanField(label="Kedaluwarsa", required=False)
    wajib = forms.CharField(label="Wajib", required=False, widget=forms.TextInput(attrs={"placeholder": "x"}))


def _rapi(html: str) -> str:
    html = re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html))
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html)).replace("<label for", "<label for").strip()


def _keduanya(data):
    satu, dua = FormSaring(data), FormSaring(data)
    satu.is_valid(), dua.is_valid()
    return _rapi(CRISPY.render({"form": satu})), _rapi(CEPAT.render({"form": dua}))


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"q": 'a"<b>', "status": "a", "tahun": "2026", "sejak": "2026-01-02", "kedaluwarsa": "on", "wajib": "w"},
    ],
)
def test_it_writes_the_markup_crispy_writes(data):
    crispy, cepat = _keduanya(data)
    assert cepat == crispy


def test_it_escapes_labels_and_values():
    _crispy, cepat = _keduanya({"q": '"><script>'})
    assert "<script>" not in cepat
    assert "Cari &lt;nama&gt;" in cepat


def test_it_leaves_a_field_with_errors_to_crispy():
    crispy, cepat = _keduanya({"tahun": "bukan angka", "status": "tidak-ada"})
    assert cepat == crispy
    assert "invalid-feedback" in cepat


def test_it_offers_a_reference_tables_rows_as_django_does_and_reads_them_once(db, django_assert_num_queries):
    from lpse_portal.bidang import PilihanSaring
    from registrasi.models import BentukUsaha

    class Saring(forms.Form):
        bentuk = PilihanSaring(queryset=BentukUsaha.objects.all(), required=False)

    class Biasa(forms.Form):
        bentuk = forms.ModelChoiceField(queryset=BentukUsaha.objects.all(), required=False)

    assert str(Saring()["bentuk"]) == str(Biasa()["bentuk"])
    with django_assert_num_queries(0):
        str(Saring()["bentuk"])
    baru = BentukUsaha.objects.create(kode="bumdes", nama="Badan Usaha Milik Desa", urutan=99)
    assert "Badan Usaha Milik Desa" in str(Saring()["bentuk"])
    form = Saring({"bentuk": str(baru.pk)})
    assert form.is_valid() and form.cleaned_data["bentuk"] == baru


class FormPilihan(forms.Form):
    grup = forms.ChoiceField(
        label="Grup", required=False, choices=[("", "Semua"), ("Wilayah", [("m", "Mataram"), ("b", "Bima")])]
    )
    kembar = forms.ChoiceField(label="Kembar", required=False, choices=[("x", "Satu"), ("x", "Dua"), (1, "<1>")])


@pytest.mark.parametrize("data", [{}, {"grup": "b", "kembar": "x"}, {"kembar": "1"}])
def test_it_writes_grouped_and_repeated_options_as_crispy_does(data):
    satu, dua = FormPilihan(data), FormPilihan(data)
    satu.is_valid(), dua.is_valid()
    assert _rapi(CEPAT.render({"form": dua})) == _rapi(CRISPY.render({"form": satu}))
