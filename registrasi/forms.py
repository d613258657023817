"""Forms of the registrasi app: bad input ends here in Indonesian, before any service runs."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from lpse_portal.bidang import PilihanSaring
from lpse_portal.forms import TanggalField, TanggalWaktuField
from lpse_portal.identitas import NIBField, NIKField, NIPField, NPWPField
from registrasi.models import AlasanTidakValid, BentukUsaha, Dokumen, Pendaftaran, Penyedia, PermohonanPejabat

User = get_user_model()

validasi_user_id = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9._-]{3,29}$",
    _("User ID 4–30 karakter: huruf, angka, titik, garis bawah atau tanda hubung, diawali huruf."),
)
validasi_kode_pos = RegexValidator(r"^\d{5}$", _("Kode pos harus 5 digit angka."))


class HoneypotMixin(forms.Form):
    """A field people never see (class hp-field) and bots fill in."""

    situs_web = forms.CharField(label=_("Jangan diisi"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["situs_web"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def terisi_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("situs_web")))


class FormEmail(HoneypotMixin):
    email = forms.EmailField(
        label=_("E-mail perusahaan"),
        help_text=_("Tautan konfirmasi dikirim ke alamat ini. Pakai e-mail resmi perusahaan Anda."),
    )


class FormPendaftaran(forms.ModelForm):
    user_id = forms.CharField(
        label=_("User ID"),
        max_length=30,
        validators=[validasi_user_id],
        help_text=_("Dipakai untuk masuk ke SPSE dan tidak dapat diubah setelah disetujui."),
    )
    kata_sandi = forms.CharField(label=_("Kata sandi"), widget=forms.PasswordInput(render_value=False), strip=False)
    kata_sandi_ulang = forms.CharField(label=_("Ulangi kata sandi"), widget=forms.PasswordInput, strip=False)
    npwp = NPWPField(label=_("NPWP"), help_text=_("15 digit lama atau 16 digit; usaha perorangan boleh NIK."))
    nib = NIBField(label=_("NIB"), help_text=_("13 digit, dari OSS."))
    kode_pos = forms.CharField(label=_("Kode pos"), max_length=5, validators=[validasi_kode_pos])
    pj_nik = NIKField(label=_("NIK penanggung jawab"))

    class Meta:
        model = Penyedia
        fields = [
            "nama",
            "bentuk_usaha",
            "npwp",
            "nib",
            "alamat",
            "provinsi",
            "kabupaten_kota",
            "kode_pos",
            "telepon",
            "pj_nama",
            "pj_nik",
            "pj_jabatan",
            "pj_adalah_pimpinan",
        ]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 2})}

    field_order = ["user_id", "kata_sandi", "kata_sandi_ulang"]

    def __init__(self, *args, email="", **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)
        self.fields["bentuk_usaha"].queryset = BentukUsaha.objects.filter(aktif=True)
        self.fields["provinsi"].initial = "Nusa Tenggara Barat"

    def clean_user_id(self):
        user_id = self.cleaned_data["user_id"]
        if User.objects.filter(username__iexact=user_id).exists():
            raise forms.ValidationError(_("User ID ini sudah dipakai. Pilih User ID lain."))
        return user_id

    def clean(self):
        data = super().clean()
        sandi, ulang = data.get("kata_sandi"), data.get("kata_sandi_ulang")
        if sandi and ulang and sandi != ulang:
            self.add_error("kata_sandi_ulang", _("Kedua kata sandi tidak sama."))
        elif sandi:
            calon = User(username=data.get("user_id", ""), email=self.email, nama=data.get("pj_nama", ""))
            try:
                password_validation.validate_password(sandi, calon)
            except forms.ValidationError as e:
                self.add_error("kata_sandi", e)
        return data

    def data_penyedia(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields}

    def _post_clean(self):
        # No model validation here: the service owns the rules and the uniqueness checks.
        pass


class FormUnggahDokumen(forms.Form):
    def __init__(self, *args, jenis, **kwargs):
        kwargs.setdefault("prefix", f"j{jenis.pk}")
        super().__init__(*args, **kwargs)
        self.jenis = jenis
        self.fields["berkas"] = BerkasField(label=_("Berkas"), jenis=jenis.daftar_jenis_berkas, maks_mb=jenis.maks_mb)
        if jenis.minta_nomor:
            self.fields["nomor"] = forms.CharField(label=_("Nomor dokumen"), max_length=100)
        if jenis.minta_masa_berlaku:
            self.fields["berlaku_sampai"] = TanggalField(label=_("Berlaku sampai"))


class FormLanjutkan(forms.Form):
    user_id = forms.CharField(label=_("User ID"), max_length=150)
    kata_sandi = forms.CharField(label=_("Kata sandi"), widget=forms.PasswordInput, strip=False)


class FormPeriksaDokumen(forms.Form):
    hasil = forms.ChoiceField(
        label=_("Hasil"),
        choices=[(Dokumen.Hasil.VALID, _("Valid")), (Dokumen.Hasil.TIDAK_VALID, _("Tidak valid"))],
        widget=forms.RadioSelect,
    )
    alasan = forms.ModelChoiceField(
        label=_("Alasan (bila tidak valid)"), queryset=AlasanTidakValid.objects.filter(aktif=True), required=False
    )
    catatan = forms.CharField(
        label=_("Catatan untuk penyedia"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    nomor = forms.CharField(label=_("Nomor dokumen"), required=False, max_length=100)
    berlaku_sampai = TanggalField(label=_("Berlaku sampai"), required=False)

    def __init__(self, *args, dokumen, **kwargs):
        kwargs.setdefault("prefix", f"d{dokumen.pk}")
        kwargs.setdefault(
            "initial",
            {
                "hasil": dokumen.hasil if dokumen.hasil != Dokumen.Hasil.MENUNGGU else None,
                "alasan": dokumen.alasan_id,
                "catatan": dokumen.catatan,
                "nomor": dokumen.nomor,
                "berlaku_sampai": dokumen.berlaku_sampai,
            },
        )
        super().__init__(*args, **kwargs)
        self.dokumen = dokumen
        if not dokumen.jenis.minta_nomor:
            del self.fields["nomor"]
        if not dokumen.jenis.minta_masa_berlaku:
            del self.fields["berlaku_sampai"]

    def clean(self):
        data = super().clean()
        if data.get("hasil") == Dokumen.Hasil.TIDAK_VALID and not data.get("alasan"):
            self.add_error("alasan", _("Dokumen tidak valid wajib disertai alasan dari daftar."))
        return data


class FormJadwal(forms.Form):
    mode = forms.ChoiceField(label=_("Mode verifikasi"), choices=Pendaftaran.Mode.choices)
    waktu = TanggalWaktuField(label=_("Tanggal dan jam (WITA)"))
    tempat = forms.CharField(label=_("Tempat (tatap muka)"), required=False, max_length=250)
    tautan = forms.URLField(label=_("Tautan rapat (daring)"), required=False, assume_scheme="https")


class FormCatatan(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan perbaikan untuk penyedia"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FormAlasan(forms.Form):
    alasan = forms.CharField(label=_("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


_SEMUA = [("", _("Semua"))]


class FilterAntrean(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_SEMUA + [(s, Pendaftaran.Status(s).label) for s in ("diajukan", "diverifikasi")],
    )
    umur = forms.ChoiceField(
        label=_("Umur berkas"),
        required=False,
        choices=_SEMUA + [("1", _("lebih dari 1 hari")), ("3", _("lebih dari 3 hari")), ("7", _("lebih dari 7 hari"))],
    )
    bentuk_usaha = PilihanSaring(label=_("Bentuk usaha"), queryset=BentukUsaha.objects.all(), required=False)
    temuan = forms.ChoiceField(
        label=_("Pemeriksaan otomatis"),
        required=False,
        choices=_SEMUA
        + [
            ("ada", _("Ada temuan")),
            ("format", _("Format identitas")),
            ("duplikat", _("Duplikat")),
            ("daftar_hitam", _("Daftar hitam")),
            ("bersih", _("Tanpa temuan")),
        ],
    )


class FilterPenyedia(forms.Form):
    q = forms.CharField(label=_("Cari nama, User ID, NPWP atau NIB"), required=False)
    status = forms.ChoiceField(label=_("Status User ID"), required=False, choices=_SEMUA + Penyedia.Status.choices)
    bentuk_usaha = PilihanSaring(label=_("Bentuk usaha"), queryset=BentukUsaha.objects.all(), required=False)
    kedaluwarsa = forms.BooleanField(label=_("Dokumen kedaluwarsa"), required=False)


class FormKontak(forms.ModelForm):
    kode_pos = forms.CharField(label=_("Kode pos"), max_length=5, validators=[validasi_kode_pos])

    class Meta:
        model = Penyedia
        fields = ["alamat", "provinsi", "kabupaten_kota", "kode_pos", "telepon"]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 2})}


JUMLAH_SLOT_DOKUMEN = 3


class FormPerubahan(forms.Form):
    nama_baru = forms.CharField(label=_("Nama perusahaan baru"), required=False, max_length=200)
    bentuk_usaha_baru = forms.ModelChoiceField(
        label=_("Bentuk usaha baru"), queryset=BentukUsaha.objects.filter(aktif=True), required=False
    )
    npwp_baru = NPWPField(label=_("NPWP baru"), required=False)
    nib_baru = NIBField(label=_("NIB baru"), required=False)
    email_baru = forms.EmailField(label=_("E-mail baru"), required=False)
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, penyedia, **kwargs):
        super().__init__(*args, **kwargs)
        from registrasi.models import Persyaratan

        self.penyedia = penyedia
        jenis = [
            (s.jenis_id, s.jenis.nama)
            for s in Persyaratan.objects.filter(bentuk_usaha__aktif=True)
            .select_related("jenis")
            .order_by("jenis__urutan")
            .distinct()
        ]
        pilihan = [("", "—")] + list(dict(jenis).items())
        for i in range(1, JUMLAH_SLOT_DOKUMEN + 1):
            self.fields[f"dokumen_{i}_jenis"] = forms.TypedChoiceField(
                label=_("Dokumen %(i)d: jenis") % {"i": i},
                choices=pilihan,
                required=False,
                coerce=int,
                empty_value=None,
            )
            self.fields[f"dokumen_{i}_berkas"] = BerkasField(
                label=_("Dokumen %(i)d: berkas") % {"i": i}, jenis=("pdf", "jpeg", "png"), maks_mb=10, required=False
            )
            self.fields[f"dokumen_{i}_nomor"] = forms.CharField(
                label=_("Dokumen %(i)d: nomor") % {"i": i}, required=False, max_length=100
            )
            self.fields[f"dokumen_{i}_berlaku_sampai"] = TanggalField(
                label=_("Dokumen %(i)d: berlaku sampai") % {"i": i}, required=False
            )

    def clean(self):
        from registrasi.models import JenisDokumen

        data = super().clean()
        self.dokumen = []
        dipakai = set()
        for i in range(1, JUMLAH_SLOT_DOKUMEN + 1):
            jenis_id, berkas = data.get(f"dokumen_{i}_jenis"), data.get(f"dokumen_{i}_berkas")
            if not jenis_id and not berkas:
                continue
            if not jenis_id or not berkas:
                self.add_error(f"dokumen_{i}_jenis", _("Pilih jenis dokumen dan unggah berkasnya."))
                continue
            if jenis_id in dipakai:
                self.add_error(f"dokumen_{i}_jenis", _("Jenis dokumen yang sama dipilih dua kali."))
                continue
            dipakai.add(jenis_id)
            self.dokumen.append(
                {
                    "jenis": JenisDokumen.objects.get(pk=jenis_id),
                    "berkas": berkas,
                    "nomor": data.get(f"dokumen_{i}_nomor", ""),
                    "berlaku_sampai": data.get(f"dokumen_{i}_berlaku_sampai"),
                }
            )
        return data


class FormPermohonanPejabat(HoneypotMixin, forms.ModelForm):
    nip = NIPField(label=_("NIP"), required=False, help_text=_("18 digit, untuk pejabat berstatus PNS."))
    user_id = forms.CharField(label=_("User ID yang diminta"), max_length=30, validators=[validasi_user_id])
    berkas_sk = BerkasField(label=_("Pindaian SK penetapan / surat tugas (PDF)"), jenis=("pdf",), maks_mb=5)

    class Meta:
        model = PermohonanPejabat
        fields = [
            "perangkat_daerah",
            "pengaju_nama",
            "pengaju_jabatan",
            "pengaju_email",
            "pengaju_telepon",
            "nama",
            "nip",
            "sub_peran",
            "jabatan",
            "email",
            "telepon",
            "user_id",
            "nomor_sk",
            "tanggal_sk",
        ]
        field_classes = {"tanggal_sk": TanggalField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from registrasi.models import PerangkatDaerah

        self.fields["perangkat_daerah"].queryset = PerangkatDaerah.objects.filter(aktif=True)

    def clean_user_id(self):
        user_id = self.cleaned_data["user_id"]
        if User.objects.filter(username__iexact=user_id).exists():
            raise forms.ValidationError(_("User ID ini sudah dipakai. Pilih User ID lain."))
        return user_id

    def data_permohonan(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields}

    def _post_clean(self):
        pass


# --- blacklist and deactivation (issue 4) ----------------------------------------------------------


class FilterDaftarHitam(forms.Form):
    q = forms.CharField(label=_("Cari nama penyedia, NPWP, NIB atau nomor SK"), required=False)


class FormPenonaktifan(forms.ModelForm):
    npwp = NPWPField(label=_("NPWP penyedia"))
    nib = NIBField(label=_("NIB penyedia"), required=False)
    berkas_sk = BerkasField(label=_("Pindaian SK penetapan sanksi (PDF)"), jenis=("pdf",), maks_mb=10)
    bukti = BerkasField(
        label=_("Bukti pendukung (PDF atau gambar)"), jenis=("pdf", "jpeg", "png"), maks_mb=10, required=False
    )

    class Meta:
        from registrasi.models.sanksi import PermintaanPenonaktifan

        model = PermintaanPenonaktifan
        fields = [
            "nama_penyedia",
            "npwp",
            "nib",
            "jenis_pelanggaran",
            "nomor_sk",
            "tanggal_sk",
            "pa_kpa",
            "kode_paket",
            "mulai",
            "selesai",
            "alasan_ubah_selesai",
            "keterangan",
        ]
        field_classes = {"tanggal_sk": TanggalField, "mulai": TanggalField, "selesai": TanggalField}
        widgets = {
            "keterangan": forms.Textarea(attrs={"rows": 2}),
            "alasan_ubah_selesai": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        from registrasi.models.sanksi import JenisPelanggaran

        super().__init__(*args, **kwargs)
        self.fields["jenis_pelanggaran"].queryset = JenisPelanggaran.objects.filter(aktif=True)
        self.fields["jenis_pelanggaran"].label_from_instance = lambda j: f"{j.nama} — {j.dasar_hukum}"

    def clean(self):
        data = super().clean()
        tanggal_sk, mulai, selesai = data.get("tanggal_sk"), data.get("mulai"), data.get("selesai")
        awal = mulai or tanggal_sk
        if tanggal_sk and mulai and mulai < tanggal_sk:
            self.add_error("mulai", _("Sanksi tidak dapat mulai sebelum tanggal SK."))
        if awal and selesai and selesai < awal:
            self.add_error("selesai", _("Tanggal akhir sebelum tanggal mulai."))
        return data

    def data_permintaan(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields}

    def _post_clean(self):
        pass


class FormStatusSanksi(forms.Form):
    ke = forms.ChoiceField(label=_("Status baru"))
    nomor_sk_baru = forms.CharField(label=_("Nomor SK baru"), max_length=100)
    nomor_putusan = forms.CharField(label=_("Nomor putusan pengadilan"), max_length=100, required=False)
    tanggal_putusan = TanggalField(label=_("Tanggal putusan"), required=False)
    pengadilan = forms.CharField(label=_("Pengadilan"), max_length=200, required=False)
    ringkasan = forms.CharField(
        label=_("Ringkasan putusan"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=_("Paling banyak 500 karakter."),
    )
    berkas_putusan = BerkasField(label=_("Salinan putusan (PDF)"), jenis=("pdf",), maks_mb=10, required=False)

    def __init__(self, *args, sanksi, **kwargs):
        from registrasi.models.sanksi import SanksiDaftarHitam

        super().__init__(*args, **kwargs)
        label = dict(SanksiDaftarHitam.Status.choices)
        self.fields["ke"].choices = [(k, label[k]) for k in SanksiDaftarHitam.TRANSISI.get(sanksi.status, ())]

    def clean(self):
        data = super().clean()
        if data.get("ke") in ("penundaan", "pembatalan"):
            for kolom in ("nomor_putusan", "tanggal_putusan", "pengadilan", "ringkasan", "berkas_putusan"):
                if not data.get(kolom) and kolom not in self.errors:
                    self.add_error(kolom, _("Wajib untuk penundaan dan pembatalan (putusan pengadilan)."))
        return data


class FormAkhirSanksi(forms.Form):
    selesai = TanggalField(label=_("Sampai (hari terakhir sanksi)"))
    alasan = forms.CharField(label=_("Alasan perubahan"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
