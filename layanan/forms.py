from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from layanan.models import Artikel, EskalasiLKPP, KategoriTiket, Masukan, Pelatihan, Tiket
from lpse_portal.berkas import BerkasField
from lpse_portal.bidang import PilihanSaring
from lpse_portal.forms import TanggalWaktuField

MAKS_LAMPIRAN = 3


class BanyakBerkasInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class LampiranField(BerkasField):
    """Up to three PDF/JPEG/PNG files, each checked like every upload of the portal."""

    widget = BanyakBerkasInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Lampiran"))
        super().__init__(jenis=("pdf", "jpeg", "png"), maks_mb=5, **kwargs)
        self.help_text = _("Paling banyak %(n)d berkas PDF, JPEG atau PNG, masing-masing paling besar 5 MB.") % {
            "n": MAKS_LAMPIRAN
        }

    def clean(self, data, initial=None):
        daftar = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(daftar) > MAKS_LAMPIRAN:
            raise ValidationError(_("Paling banyak %(n)d lampiran.") % {"n": MAKS_LAMPIRAN})
        hasil, galat = [], []
        for berkas in daftar:
            try:
                hasil.append(super().clean(berkas, initial))
            except ValidationError as e:
                galat.extend(f"{berkas.name}: {m}" for m in e.messages)
        if galat:
            raise ValidationError(galat)
        return [b for b in hasil if b]


def _kategori_aktif():
    return KategoriTiket.objects.filter(aktif=True)


class FormTiketPublik(forms.ModelForm):
    kategori = forms.ModelChoiceField(label=_("Kategori"), queryset=KategoriTiket.objects.none())
    lampiran = LampiranField()

    class Meta:
        model = Tiket
        fields = [
            "nama_pelapor",
            "email_pelapor",
            "telepon_pelapor",
            "instansi_pelapor",
            "peran_pelapor",
            "jenis",
            "tingkat",
            "kategori",
            "aplikasi",
            "kode_paket",
            "kode_error",
            "judul",
            "uraian",
        ]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategori"].queryset = _kategori_aktif()
        self.fields["email_pelapor"].required = True
        self.fields["tingkat"].required = False
        if user is not None and user.is_authenticated:
            self.fields["nama_pelapor"].initial = user.get_full_name()
            self.fields["email_pelapor"].initial = user.email

    def _post_clean(self):
        # Saved by the service, not by the form: no model validation on an unsaved ticket.
        pass


class FormTiketStaf(FormTiketPublik):
    """Walk-in, phone, WhatsApp and e-mail requests, with the guest-book fields."""

    waktu_kontak = TanggalWaktuField(label=_("Waktu datang/menelepon"), required=False)

    class Meta(FormTiketPublik.Meta):
        fields = ["kanal", "waktu_kontak", "keperluan_tamu", *FormTiketPublik.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email_pelapor"].required = False
        self.fields["kanal"].choices = [c for c in Tiket.Kanal.choices if c[0] != Tiket.Kanal.WEB]


class FormBalasPelapor(forms.Form):
    isi = forms.CharField(label=_("Balasan Anda"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    lampiran = LampiranField()


class FormBalasStaf(forms.Form):
    isi = forms.CharField(label=_("Isi"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000)
    internal = forms.BooleanField(label=_("Catatan internal (tidak terlihat oleh pelapor)"), required=False)
    tunggu_pengguna = forms.BooleanField(
        label=_("Minta informasi dari pelapor (jam SLA dijeda sampai ia membalas)"), required=False
    )
    lampiran = LampiranField()

    def clean(self):
        data = super().clean()
        if data.get("internal") and data.get("tunggu_pengguna"):
            raise ValidationError(_("Catatan internal tidak dikirim ke pelapor, jadi tidak dapat menunggu balasannya."))
        return data


class FormTugaskan(forms.Form):
    petugas = forms.ModelChoiceField(label=_("Petugas"), queryset=None)

    def __init__(self, *args, **kwargs):
        from organisasi.models import User

        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = (
            User.objects.filter(groups__name="layanan", is_active=True).distinct().order_by("nama", "username")
        )


class FormSelesai(forms.Form):
    catatan = forms.CharField(
        label=_("Ringkasan penyelesaian untuk pelapor"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class FormBukaKembali(forms.Form):
    alasan = forms.CharField(label=_("Alasan membuka kembali"), max_length=500)


class FormEskalasi(forms.ModelForm):
    dikirim_pada = TanggalWaktuField(label=_("Dikirim pada"))

    class Meta:
        model = EskalasiLKPP
        fields = ["tujuan", "nomor_tiket_lkpp", "dikirim_pada", "uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        pass


class FormJawabanLKPP(forms.Form):
    jawaban = forms.CharField(label=_("Jawaban LKPP"), widget=forms.Textarea(attrs={"rows": 3}))
    dijawab_pada = TanggalWaktuField(label=_("Dijawab pada"))


class FormGabung(forms.Form):
    nomor = forms.CharField(label=_("Nomor tiket tujuan"), max_length=20)

    def clean_nomor(self):
        nomor = self.cleaned_data["nomor"].strip().upper()
        tiket = Tiket.objects.filter(nomor=nomor).first()
        if tiket is None:
            raise ValidationError(_("Tiket %(nomor)s tidak ditemukan.") % {"nomor": nomor})
        return tiket


class FormTautan(forms.Form):
    model = forms.ChoiceField(
        label=_("Jenis data"),
        choices=[
            ("registrasi.pendaftaran", _("Pendaftaran")),
            ("registrasi.penyedia", _("Penyedia")),
            ("organisasi.user", _("Akun pengguna")),
        ],
    )
    object_id = forms.IntegerField(label=_("Nomor data (ID)"), min_value=1)


class FormTautArtikel(forms.Form):
    artikel = forms.ModelChoiceField(label=_("Artikel pusat bantuan"), queryset=Artikel.objects.terbit())


class FilterAntrean(forms.Form):
    q = forms.CharField(label=_("Cari nomor, judul atau pelapor"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua terbuka")), ("semua", _("Semua"))] + list(Tiket.Status.choices),
    )
    jenis = forms.ChoiceField(label=_("Jenis"), required=False, choices=[("", _("Semua"))] + list(Tiket.Jenis.choices))
    kategori = PilihanSaring(label=_("Kategori"), queryset=KategoriTiket.objects.all(), required=False)
    petugas = forms.ChoiceField(
        label=_("Petugas"),
        required=False,
        choices=[("", _("Semua")), ("saya", _("Saya")), ("belum", _("Belum ditugaskan"))],
    )


class FormKepuasan(forms.Form):
    nilai = forms.TypedChoiceField(
        label=_("Seberapa puas Anda?"),
        coerce=int,
        choices=[(5, _("5 — sangat puas")), (4, "4"), (3, "3"), (2, "2"), (1, _("1 — sangat tidak puas"))],
        widget=forms.RadioSelect,
    )
    komentar = forms.CharField(label=_("Komentar"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FormArtikel(forms.ModelForm):
    class Meta:
        model = Artikel
        fields = ["judul", "jenis", "kategori", "isi", "terbit"]
        widgets = {"isi": forms.Textarea(attrs={"rows": 12})}

    def _post_clean(self):
        pass


class FormCariBantuan(forms.Form):
    q = forms.CharField(label=_("Cari di pusat bantuan"), required=False, max_length=200)


class FormPelatihan(forms.ModelForm):
    mulai = TanggalWaktuField(label=_("Mulai"))
    selesai = TanggalWaktuField(label=_("Selesai"))
    tautan = forms.URLField(label=_("Tautan daring"), required=False, assume_scheme="https")

    class Meta:
        model = Pelatihan
        fields = [
            "judul",
            "deskripsi",
            "sasaran",
            "mulai",
            "selesai",
            "moda",
            "tempat",
            "tautan",
            "kapasitas",
            "pelatih",
            "terbit",
        ]
        widgets = {"deskripsi": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] <= data["mulai"]:
            self.add_error("selesai", _("Waktu selesai harus sesudah waktu mulai."))
        return data

    def _post_clean(self):
        # The model's own checks run in the service, which reports them in Indonesian.
        pass


class FormDaftarPelatihan(forms.Form):
    nama = forms.CharField(label=_("Nama lengkap (untuk sertifikat)"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    telepon = forms.CharField(label=_("Telepon/WhatsApp"), max_length=30, required=False)
    instansi = forms.CharField(label=_("Instansi/badan usaha"), max_length=200, required=False)


class FormUmpanBalik(forms.Form):
    _NILAI = [(5, "5"), (4, "4"), (3, "3"), (2, "2"), (1, "1")]
    nilai_materi = forms.TypedChoiceField(label=_("Materi"), coerce=int, choices=_NILAI, widget=forms.RadioSelect)
    nilai_pelatih = forms.TypedChoiceField(label=_("Pelatih"), coerce=int, choices=_NILAI, widget=forms.RadioSelect)
    saran = forms.CharField(label=_("Saran"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FormMasukan(forms.ModelForm):
    class Meta:
        model = Masukan
        fields = ["pengirim", "kategori", "nama", "email", "instansi", "isi"]
        widgets = {"isi": forms.Textarea(attrs={"rows": 5})}

    def _post_clean(self):
        pass


class FormJawabMasukan(forms.Form):
    jawaban = forms.CharField(label=_("Jawaban"), widget=forms.Textarea(attrs={"rows": 4}))
