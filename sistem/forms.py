from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lpse_portal.forms import TanggalField, TanggalInput, TanggalWaktuField
from sistem.models import Aset, Insiden, InstruksiLkpp, Pemeliharaan

_TEKS = {"rows": 3}


class FormInsiden(forms.ModelForm):
    mulai = TanggalWaktuField(label=_("Mulai (WITA)"))
    selesai = TanggalWaktuField(
        label=_("Selesai (WITA)"), required=False, help_text=_("Kosongkan bila masih berlangsung.")
    )
    tiket = forms.CharField(
        label=_("Tiket terkait"),
        required=False,
        max_length=1000,
        help_text=_("Nomor tiket layanan, dipisah koma."),
    )

    class Meta:
        model = Insiden
        fields = [
            "judul",
            "layanan",
            "tingkat",
            "layanan_terhenti",
            "mulai",
            "selesai",
            "uraian",
            "penyebab",
            "tindakan",
        ]
        widgets = {k: forms.Textarea(attrs=_TEKS) for k in ("uraian", "penyebab", "tindakan")}

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("mulai"), data.get("selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("selesai", _("Waktu selesai tidak boleh sebelum waktu mulai."))
        return data


class FormSelesaikanInsiden(forms.Form):
    selesai = TanggalWaktuField(label=_("Selesai (WITA)"))
    penyebab = forms.CharField(label=_("Penyebab"), widget=forms.Textarea(attrs=_TEKS), max_length=4000)
    tindakan = forms.CharField(label=_("Tindakan"), widget=forms.Textarea(attrs=_TEKS), max_length=4000)


class FormLaporanLkpp(forms.Form):
    nomor = forms.CharField(label=_("Nomor laporan/tiket LKPP"), max_length=100)
    tanggal = TanggalField(label=_("Tanggal laporan"))
    jawaban = forms.CharField(
        label=_("Jawaban LKPP"), widget=forms.Textarea(attrs=_TEKS), required=False, max_length=4000
    )


class FilterInsiden(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Semua")), ("terbuka", _("Terbuka")), ("selesai", _("Selesai"))],
        required=False,
    )
    layanan = forms.ChoiceField(
        label=_("Layanan"), choices=[("", _("Semua")), *Insiden.Layanan.choices], required=False
    )
    tingkat = forms.ChoiceField(
        label=_("Tingkat"), choices=[("", _("Semua")), *Insiden.Tingkat.choices], required=False
    )


class FormAset(forms.ModelForm):
    class Meta:
        model = Aset
        fields = [
            "kode",
            "nama",
            "jenis",
            "status",
            "pemilik",
            "lokasi",
            "spesifikasi",
            "tanggal_pembelian",
            "garansi_sampai",
        ]
        widgets = {
            "spesifikasi": forms.Textarea(attrs=_TEKS),
            "tanggal_pembelian": TanggalInput(),
            "garansi_sampai": TanggalInput(),
        }

    def validate_unique(self):
        # Uniqueness is the service's rule (with an Indonesian message), not a second query here.
        pass


class FilterAset(forms.Form):
    q = forms.CharField(label=_("Cari kode atau nama"), required=False)
    jenis = forms.ChoiceField(label=_("Jenis"), choices=[("", _("Semua")), *Aset.Jenis.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Semua")), *Aset.Status.choices], required=False)


class FormPemeliharaan(forms.ModelForm):
    class Meta:
        model = Pemeliharaan
        fields = ["tanggal", "jenis", "uraian", "pelaksana"]
        widgets = {"tanggal": TanggalInput(), "uraian": forms.Textarea(attrs=_TEKS)}


class FormInstruksi(forms.ModelForm):
    class Meta:
        model = InstruksiLkpp
        fields = ["nomor", "perihal", "tanggal_diterima", "isi", "tenggat"]
        widgets = {"tanggal_diterima": TanggalInput(), "tenggat": TanggalInput(), "isi": forms.Textarea(attrs=_TEKS)}

    def clean(self):
        data = super().clean()
        if data.get("tenggat") and data.get("tanggal_diterima") and data["tenggat"] < data["tanggal_diterima"]:
            self.add_error("tenggat", _("Tenggat tidak boleh sebelum tanggal instruksi diterima."))
        return data


class FormSelesaikanInstruksi(forms.Form):
    pelaksana = forms.ModelMultipleChoiceField(
        label=_("Dilaksanakan oleh"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    catatan = forms.CharField(label=_("Catatan pelaksanaan"), widget=forms.Textarea(attrs=_TEKS), max_length=4000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pelaksana"].queryset = (
            get_user_model().objects.filter(groups__name="admin_sistem", is_active=True).distinct().order_by("nama")
        )
