from django import forms
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from lpse_portal.forms import TanggalInput
from organisasi import angka_otomatis
from organisasi.forms.umum import RupiahField
from organisasi.models import Kegiatan, ProgramKegiatan, Target

JENIS_BUKTI = ("pdf", "jpeg", "png")


class FormProgram(forms.ModelForm):
    class Meta:
        model = ProgramKegiatan
        fields = ["tahun", "nama", "keterangan"]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 3})}


class FormKegiatan(forms.ModelForm):
    pagu = RupiahField(label=_("Pagu (Rp)"), help_text=_("Rupiah penuh, mis. 125.000.000."))

    class Meta:
        model = Kegiatan
        fields = ["kode", "nama", "unit", "pagu", "jadwal_mulai", "jadwal_selesai", "urutan"]
        widgets = {"jadwal_mulai": TanggalInput(), "jadwal_selesai": TanggalInput()}

    def __init__(self, *args, program: ProgramKegiatan, **kwargs):
        self.program = program
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("jadwal_mulai"), data.get("jadwal_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("jadwal_selesai", _("Jadwal selesai tidak boleh sebelum jadwal mulai."))
        for nama in ("jadwal_mulai", "jadwal_selesai"):
            if data.get(nama) and data[nama].year != self.program.tahun:
                self.add_error(nama, _("Harus di dalam tahun program (%(t)s).") % {"t": self.program.tahun})
        return data

    def _post_clean(self):
        # The service assigns and checks; the model's own validation would need `program`.
        pass


class FormTarget(forms.ModelForm):
    sumber_otomatis = forms.ChoiceField(
        label=_("Angka otomatis"),
        required=False,
        help_text=_("Angka yang sudah diketahui portal, ditampilkan di samping realisasi yang diisi."),
    )

    class Meta:
        model = Target
        fields = [
            "indikator",
            "satuan",
            "target_tw1",
            "target_tw2",
            "target_tw3",
            "target_tw4",
            "agregasi",
            "sumber_otomatis",
            "urutan",
        ]
        error_messages = {
            "satuan": {
                "required": _(
                    "Target wajib memiliki satuan (mis. penyedia, kali, tiket, persen); "
                    "tanpa satuan capaian tidak dapat dinilai."
                )
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sumber_otomatis"].choices = [("", _("— tidak ada —")), *angka_otomatis.pilihan()]
        for tw in range(1, 5):
            self.fields[f"target_tw{tw}"].widget.attrs["min"] = "0"

    def clean(self):
        data = super().clean()
        for tw in range(1, 5):
            nilai = data.get(f"target_tw{tw}")
            if nilai is not None and nilai < 0:
                self.add_error(f"target_tw{tw}", _("Target tidak boleh negatif."))
        return data

    def _post_clean(self):
        pass


class FormRealisasi(forms.Form):
    nilai = forms.DecimalField(label=_("Realisasi"), max_digits=12, decimal_places=2, min_value=0)
    keterangan = forms.CharField(
        label=_("Keterangan"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    bukti = BerkasField(label=_("Bukti dukung"), jenis=JENIS_BUKTI, maks_mb=10)
