from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from lpse_portal.forms import TanggalField, TanggalInput
from organisasi.forms.umum import RupiahField
from organisasi.models import NAMA_BULAN, DasarHukum, Jabatan, TarifTunjangan


class FormDasarHukum(forms.ModelForm):
    berkas = BerkasField(label=_("Pindaian (PDF, opsional)"), jenis=("pdf",), maks_mb=10, required=False)

    class Meta:
        model = DasarHukum
        fields = ["jenis", "nomor", "tanggal", "tentang"]
        widgets = {"tanggal": TanggalInput()}

    def _post_clean(self):
        pass


class FormTarif(forms.Form):
    jabatan = forms.ModelChoiceField(label=_("Jabatan"), queryset=Jabatan.objects.select_related("unit"))
    jenis = forms.ChoiceField(label=_("Jenis"), choices=TarifTunjangan.Jenis.choices)
    besaran = RupiahField(label=_("Besaran per bulan (Rp)"), minimal=1)
    berlaku_mulai = TanggalField(label=_("Berlaku mulai"))
    berlaku_sampai = TanggalField(
        label=_("Berlaku sampai"),
        required=False,
        help_text=_("Hari terakhir berlaku; kosongkan bila belum ditentukan."),
    )
    dasar_hukum = forms.ModelChoiceField(
        label=_("Dasar hukum"),
        queryset=DasarHukum.objects.all(),
        error_messages={
            "required": _(
                "Tarif wajib menyebut dasar hukum yang menetapkan besarannya (Pergub NTB 6/2017 Lampiran VII). "
                "Catat dasar hukumnya lebih dulu."
            )
        },
    )
    keterangan = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        mulai, sampai = data.get("berlaku_mulai"), data.get("berlaku_sampai")
        if mulai and sampai and sampai < mulai:
            self.add_error("berlaku_sampai", _("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku."))
        return data


class FormAkhiriTarif(forms.Form):
    berlaku_sampai = TanggalField(label=_("Berlaku sampai"), help_text=_("Hari terakhir tarif ini berlaku."))


def _pilihan_bulan():
    return [(i, NAMA_BULAN[i]) for i in range(1, 13)]


class FormSusunDaftar(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2017, max_value=2100)
    bulan = forms.TypedChoiceField(label=_("Bulan"), choices=_pilihan_bulan, coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hari_ini = timezone.localdate()
        self.initial.setdefault("tahun", hari_ini.year)
        self.initial.setdefault("bulan", hari_ini.month)

    def clean(self):
        data = super().clean()
        tahun, bulan = data.get("tahun"), data.get("bulan")
        hari_ini = timezone.localdate()
        if tahun and bulan and (tahun, bulan) > (hari_ini.year, hari_ini.month):
            raise forms.ValidationError(_("Daftar tunjangan bulan yang belum dimulai belum dapat disusun."))
        return data
