from django import forms
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from lpse_portal.bidang import PilihanSaring
from lpse_portal.forms import TanggalField, TanggalInput
from lpse_portal.identitas import NIKField, NIPField
from organisasi.models import Jabatan, Kualifikasi, Pegawai, RiwayatPendidikan, Unit


class FormPegawai(forms.ModelForm):
    nip = NIPField(label=_("NIP"), required=False, help_text=_("18 digit, wajib untuk PNS."))
    nik = NIKField(label=_("NIK"), required=False, help_text=_("16 digit, wajib untuk non-PNS."))

    class Meta:
        model = Pegawai
        fields = [
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "status_kepegawaian",
            "nip",
            "nik",
            "pangkat_golongan",
            "email",
            "telepon",
        ]

    def clean(self):
        data = super().clean()
        status = data.get("status_kepegawaian")
        if status == Pegawai.Status.PNS and not data.get("nip") and "nip" not in self.errors:
            self.add_error("nip", _("Pegawai PNS wajib memiliki NIP."))
        if status == Pegawai.Status.NON_PNS and not data.get("nik") and "nik" not in self.errors:
            self.add_error("nik", _("Pegawai non-PNS wajib memiliki NIK."))
        return data

    def _post_clean(self):
        # Empty identifiers are stored as NULL so the unique constraints allow many blanks.
        for field in ("nip", "nik"):
            if field in self.cleaned_data and not self.cleaned_data[field]:
                self.cleaned_data[field] = None
        super()._post_clean()


class FormPenugasan(forms.Form):
    pegawai = forms.ModelChoiceField(label=_("Pegawai"), queryset=Pegawai.objects.all())
    jabatan = forms.ModelChoiceField(label=_("Jabatan"), queryset=Jabatan.objects.select_related("unit"))
    nomor_sk = forms.CharField(label=_("Nomor SK"), max_length=100)
    tanggal_sk = TanggalField(label=_("Tanggal SK"))
    penetap = forms.ChoiceField(
        label=_("Pejabat penetap SK"),
        choices=Jabatan.Penetap.choices,
        help_text=_(
            "Pembina, Kepala LPSE, Sekretaris dan Koordinator: Sekretaris Daerah; pelaksana: Kepala Dinas "
            "(Pergub NTB 6/2017 Lampiran III)."
        ),
    )
    nama_penetap = forms.CharField(label=_("Nama pejabat penetap"), max_length=150, required=False)
    tmt_mulai = TanggalField(label=_("TMT mulai"))
    tmt_selesai = TanggalField(label=_("TMT selesai"), required=False, help_text=_("Kosongkan bila belum ditentukan."))
    berkas_sk = BerkasField(label=_("Pindaian SK (PDF)"), jenis=("pdf",), maks_mb=5)

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("tmt_mulai"), data.get("tmt_selesai")
        if mulai and selesai and selesai <= mulai:
            self.add_error("tmt_selesai", _("TMT selesai harus sesudah TMT mulai."))
        jabatan, penetap = data.get("jabatan"), data.get("penetap")
        if jabatan and penetap and penetap != jabatan.penetap_wajib:
            self.add_error(
                "penetap",
                _("%(jabatan)s ditetapkan dengan SK %(wajib)s (Pergub NTB 6/2017 Lampiran III).")
                % {"jabatan": jabatan.get_jenis_display(), "wajib": Jabatan.Penetap(jabatan.penetap_wajib).label},
            )
        return data


class FormAkhiriPenugasan(forms.Form):
    tmt_selesai = TanggalField(label=_("TMT selesai"), help_text=_("Hari pertama pegawai tidak lagi memegang jabatan."))
    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)
    nomor_sk = forms.CharField(label=_("Nomor SK pemberhentian"), max_length=100, required=False)
    tanggal_sk = TanggalField(label=_("Tanggal SK pemberhentian"), required=False)
    berkas_sk = BerkasField(label=_("Pindaian SK pemberhentian (PDF)"), jenis=("pdf",), maks_mb=5, required=False)

    def __init__(self, *args, penugasan=None, **kwargs):
        self.penugasan = penugasan
        super().__init__(*args, **kwargs)

    def clean_tmt_selesai(self):
        tanggal = self.cleaned_data["tmt_selesai"]
        if self.penugasan and tanggal <= self.penugasan.tmt_mulai:
            raise forms.ValidationError(_("TMT selesai harus sesudah TMT mulai penugasan."))
        return tanggal


class FormKualifikasi(forms.ModelForm):
    class Meta:
        model = Kualifikasi
        fields = ["jenis", "nama", "nomor", "penerbit", "tanggal_terbit", "berlaku_sampai"]
        widgets = {"tanggal_terbit": TanggalInput(), "berlaku_sampai": TanggalInput()}


class FormRiwayatPendidikan(forms.ModelForm):
    class Meta:
        model = RiwayatPendidikan
        fields = ["jenis", "nama", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "keterangan"]
        widgets = {
            "tanggal_mulai": TanggalInput(),
            "tanggal_selesai": TanggalInput(),
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }


class FormAkunPegawai(forms.Form):
    username = forms.SlugField(label=_("Nama pengguna"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), help_text=_("Tautan untuk membuat kata sandi dikirim ke sini."))


class FilterPegawai(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    unit = PilihanSaring(label=_("Unit"), queryset=Unit.objects.all(), required=False)
    jenis = forms.ChoiceField(
        label=_("Jabatan"), choices=[("", _("Semua"))] + list(Jabatan.Jenis.choices), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua"))] + list(Pegawai.Status.choices), required=False
    )
    aktif = forms.ChoiceField(
        label=_("Penugasan"),
        choices=[("", _("Semua")), ("ya", _("Sedang bertugas")), ("tidak", _("Tidak bertugas"))],
        required=False,
    )
