from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from lpse_portal.bidang import PilihanSaring
from lpse_portal.forms import TanggalField
from organisasi.models import Unit
from sop.models import SOP, Kategori, VersiSOP

kode_sop = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9./-]*$",
    _("Kode SOP hanya boleh berisi huruf, angka, titik, garis miring dan tanda hubung."),
)


class FormSOP(forms.Form):
    kode = forms.CharField(
        label=_("Kode SOP"), max_length=40, validators=[kode_sop], help_text=_("mis. SOP-LPSE/RV-01")
    )
    judul = forms.CharField(label=_("Judul"), max_length=200)
    kategori = forms.ModelChoiceField(label=_("Kategori"), queryset=Kategori.objects.all())
    unit = forms.ModelChoiceField(label=_("Unit pemilik"), queryset=Unit.objects.all())
    publik = forms.BooleanField(label=_("Terbuka untuk publik"), required=False)
    interval_tinjauan_bulan = forms.IntegerField(
        label=_("Interval tinjauan (bulan)"), min_value=1, max_value=60, initial=12
    )


class FormUbahSOP(forms.ModelForm):
    class Meta:
        model = SOP
        fields = ["kategori", "unit", "publik", "interval_tinjauan_bulan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interval_tinjauan_bulan"].min_value = 1
        self.fields["interval_tinjauan_bulan"].widget.attrs["min"] = 1


class FormVersi(forms.ModelForm):
    berkas_ttd = BerkasField(
        label=_("Pindaian bertanda tangan (PDF, opsional)"), jenis=("pdf",), maks_mb=10, required=False
    )
    hapus_berkas = forms.BooleanField(label=_("Hapus pindaian yang ada"), required=False)

    class Meta:
        model = VersiSOP
        fields = ["judul", "tujuan", "ruang_lingkup", "dasar_hukum", "formulir_catatan", "alasan_perubahan"]
        widgets = {
            "tujuan": forms.Textarea(attrs={"rows": 3}),
            "ruang_lingkup": forms.Textarea(attrs={"rows": 3}),
            "dasar_hukum": forms.Textarea(attrs={"rows": 4}),
            "formulir_catatan": forms.Textarea(attrs={"rows": 3}),
            "alasan_perubahan": forms.Textarea(attrs={"rows": 2}),
        }


class FormLangkah(forms.Form):
    uraian = forms.CharField(label=_("Uraian kegiatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    pelaksana = forms.CharField(label=_("Pelaksana"), max_length=150, required=False)
    masukan = forms.CharField(label=_("Masukan"), max_length=300, required=False)
    keluaran = forms.CharField(label=_("Keluaran"), max_length=300, required=False)
    waktu = forms.CharField(label=_("Waktu"), max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update({"class": "form-control form-control-sm", "aria-label": str(field.label)})

    def clean(self):
        data = super().clean()
        isi = any((data.get(k) or "").strip() for k in ("uraian", "pelaksana", "masukan", "keluaran", "waktu"))
        if isi and not self.cleaned_data.get("DELETE"):
            if not (data.get("uraian") or "").strip():
                self.add_error("uraian", _("Uraian kegiatan wajib diisi."))
            if not (data.get("pelaksana") or "").strip():
                self.add_error("pelaksana", _("Pelaksana wajib diisi."))
        return data


class _BarisLangkah(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Urutan")
        form.fields["ORDER"].widget.attrs.update({"class": "form-control form-control-sm", "aria-label": _("Urutan")})
        form.fields["DELETE"].label = _("Hapus")
        form.fields["DELETE"].widget.attrs.update({"class": "form-check-input", "aria-label": _("Hapus")})


LangkahFormSet = forms.formset_factory(
    FormLangkah,
    formset=_BarisLangkah,
    extra=3,
    can_order=True,
    can_delete=True,
    max_num=60,
    validate_max=True,
)


def langkah_urut(formset) -> list[dict]:
    """Steps in the order the user gave (the ORDER column; rows without a number go last),
    without deleted or untouched empty rows."""
    kolom = ("uraian", "pelaksana", "masukan", "keluaran", "waktu")
    return [{k: f.cleaned_data.get(k, "") for k in kolom} for f in formset.ordered_forms if f.cleaned_data]


class FormVersiBaru(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis perubahan"),
        choices=[
            ("minor", _("Minor (mis. 1.0 → 1.1): perbaikan redaksi, pelaksana, waktu")),
            ("mayor", _("Mayor (mis. 1.1 → 2.0): alur atau ruang lingkup berubah")),
        ],
        widget=forms.RadioSelect,
        initial="minor",
    )
    alasan_perubahan = forms.CharField(
        label=_("Alasan perubahan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class FormSetujui(forms.Form):
    tanggal_berlaku = TanggalField(
        label=_("Tanggal berlaku"), help_text=_("Boleh sesudah tanggal persetujuan, tidak boleh sebelumnya.")
    )
    catatan = forms.CharField(
        label=_("Catatan (opsional)"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def clean_tanggal_berlaku(self):
        tanggal = self.cleaned_data["tanggal_berlaku"]
        hari_ini = timezone.localdate()
        if tanggal < hari_ini:
            raise forms.ValidationError(
                _("Tanggal berlaku tidak boleh sebelum tanggal persetujuan (%(tgl)s).")
                % {"tgl": hari_ini.strftime("%d-%m-%Y")}
            )
        return tanggal


class FormCatatan(forms.Form):
    catatan = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class FilterSOP(forms.Form):
    q = forms.CharField(label=_("Cari kode atau judul"), required=False)
    kategori = PilihanSaring(label=_("Kategori"), queryset=Kategori.objects.all(), required=False)
    unit = PilihanSaring(label=_("Unit"), queryset=Unit.objects.all(), required=False)
