from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from lpse_portal.forms import TanggalField, TanggalInput
from organisasi import tautan_surat
from organisasi.models import KlasifikasiSurat, Pegawai, PenomoranSurat, SuratKeluar, SuratMasuk, Unit, validasi_pola
from organisasi.models.surat import POLA_BAWAAN

JENIS_PINDAIAN = ("pdf", "jpeg", "png")


class FormSuratMasuk(forms.ModelForm):
    berkas = BerkasField(label=_("Pindaian surat"), jenis=JENIS_PINDAIAN, maks_mb=10)

    class Meta:
        model = SuratMasuk
        fields = [
            "nomor_surat",
            "tanggal_surat",
            "tanggal_diterima",
            "pengirim",
            "perihal",
            "klasifikasi",
            "sifat",
            "kerahasiaan",
        ]
        widgets = {"tanggal_surat": TanggalInput(), "tanggal_diterima": TanggalInput()}
        help_texts = {
            "kerahasiaan": _("Surat rahasia hanya terlihat oleh Kepala LPSE, Sekretaris dan penerima disposisinya.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klasifikasi"].queryset = KlasifikasiSurat.objects.filter(aktif=True)
        self.initial.setdefault("tanggal_diterima", timezone.localdate())

    def clean(self):
        data = super().clean()
        surat, terima = data.get("tanggal_surat"), data.get("tanggal_diterima")
        if terima and terima > timezone.localdate():
            self.add_error("tanggal_diterima", _("Tanggal diterima tidak boleh di masa depan."))
        if surat and terima and terima < surat:
            self.add_error("tanggal_diterima", _("Tanggal diterima tidak boleh sebelum tanggal surat."))
        return data

    def _post_clean(self):
        # Agenda number and registrar come from the service.
        pass


class FormDisposisi(forms.Form):
    # The units under the Kepala LPSE: not the Pembina's nor the Kepala's own.
    unit = forms.ModelMultipleChoiceField(
        label=_("Kepada unit"),
        queryset=Unit.objects.exclude(jabatan__jenis__in=["pembina", "kepala_lpse"]),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pegawai = forms.ModelMultipleChoiceField(
        label=_("Kepada pegawai"),
        queryset=Pegawai.objects.none(),
        required=False,
        help_text=_("Pegawai yang sedang bertugas dan memiliki akun portal."),
    )
    instruksi = forms.CharField(label=_("Instruksi"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    batas_waktu = TanggalField(label=_("Batas waktu"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = (
            Pegawai.objects.dengan_penugasan_aktif().filter(user__isnull=False).order_by("nama")
        )
        self.fields["batas_waktu"].widget.attrs["min"] = timezone.localdate().isoformat()

    def clean_batas_waktu(self):
        tanggal = self.cleaned_data["batas_waktu"]
        if tanggal < timezone.localdate():
            raise forms.ValidationError(_("Batas waktu tidak boleh sebelum hari ini."))
        return tanggal

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not data.get("pegawai") and "unit" not in self.errors:
            raise forms.ValidationError(_("Disposisi harus ditujukan kepada sedikitnya satu unit atau pegawai."))
        return data


class FormTindakLanjut(forms.Form):
    isi = forms.CharField(label=_("Tindak lanjut"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    berkas = BerkasField(label=_("Lampiran (opsional)"), jenis=JENIS_PINDAIAN, maks_mb=10, required=False)


class FormCatatan(forms.Form):
    catatan = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, wajib: bool = True, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["catatan"].required = wajib
        if label:
            self.fields["catatan"].label = label


class FormSuratKeluar(forms.ModelForm):
    nomor_manual = forms.CharField(
        label=_("Nomor manual"),
        max_length=150,
        required=False,
        help_text=_(
            "Kosongkan agar portal memberi nomor berikutnya. Isi hanya untuk surat yang sudah bernomor di luar "
            "portal; nomor yang sudah dipakai ditolak."
        ),
    )
    berkas_ttd = BerkasField(
        label=_("Pindaian bertanda tangan (opsional)"), jenis=JENIS_PINDAIAN, maks_mb=10, required=False
    )

    class Meta:
        model = SuratKeluar
        fields = ["tanggal_surat", "klasifikasi", "tujuan", "perihal", "kerahasiaan", "balasan_atas"]
        widgets = {"tanggal_surat": TanggalInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klasifikasi"].queryset = KlasifikasiSurat.objects.filter(aktif=True)
        # Letters of this year and the last: an answer to an older letter is rare and the list stays short.
        self.fields["balasan_atas"].queryset = (
            SuratMasuk.objects.visible_to(user)
            .filter(tahun_agenda__gte=timezone.localdate().year - 1)
            .order_by("-tahun_agenda", "-nomor_agenda")
        )
        self.initial.setdefault("tanggal_surat", timezone.localdate())

    def clean_tanggal_surat(self):
        tanggal = self.cleaned_data["tanggal_surat"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError(_("Tanggal surat tidak boleh di masa depan."))
        return tanggal

    def _post_clean(self):
        # The number comes from the service (the sequence is locked there).
        pass


class FormBerkas(forms.Form):
    berkas = BerkasField(label=_("Pindaian surat bertanda tangan"), jenis=JENIS_PINDAIAN, maks_mb=10)


class FormTautan(forms.Form):
    """Two steps without script: choose the kind (GET), then the object of that kind."""

    jenis = forms.ChoiceField(label=_("Jenis"))
    objek = forms.ChoiceField(label=_("Terkait dengan"))
    keterangan = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    BATAS_PILIHAN = 200

    def __init__(self, *args, user, jenis: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [("", "—")] + [(j.kunci, j.label) for j in tautan_surat.semua_jenis()]
        self.jenis_terpilih = tautan_surat.jenis_dari_kunci(jenis) if jenis else None
        if self.jenis_terpilih is None:
            self.fields["objek"].choices = [("", _("— pilih jenis lebih dulu —"))]
            self.fields["objek"].required = False
        else:
            objek = self.jenis_terpilih.objek_untuk(user).order_by("-pk")[: self.BATAS_PILIHAN]
            self.fields["objek"].choices = [("", "—")] + [(o.pk, str(o)) for o in objek]
            self.initial["jenis"] = self.jenis_terpilih.kunci


class FormPenomoran(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2017, max_value=2100)
    klasifikasi = forms.ModelChoiceField(
        label=_("Klasifikasi"),
        queryset=KlasifikasiSurat.objects.filter(aktif=True),
        required=False,
        empty_label=_("— urutan umum (semua klasifikasi tanpa urutan sendiri) —"),
    )
    pola = forms.CharField(
        label=_("Pola nomor"), max_length=120, help_text=PenomoranSurat._meta.get_field("pola").help_text
    )

    def __init__(self, *args, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("tahun", timezone.localdate().year)
        self.initial.setdefault("pola", POLA_BAWAAN)
        if ubah:
            # A row keeps its year and classification: only the pattern changes.
            del self.fields["tahun"]
            del self.fields["klasifikasi"]

    def clean_pola(self):
        pola = self.cleaned_data["pola"].strip()
        validasi_pola(pola)
        return pola


class FormKlasifikasi(forms.Form):
    kode = forms.CharField(label=_("Kode"), max_length=20)
    nama = forms.CharField(label=_("Nama"), max_length=150)
