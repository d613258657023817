"""Forms of the organisasi app, one module per topic, re-exported here."""

from organisasi.forms.laporan_berkala import FormLaporanBerkala
from organisasi.forms.program import FormKegiatan, FormProgram, FormRealisasi, FormTarget
from organisasi.forms.struktur import (
    FilterPegawai,
    FormAkhiriPenugasan,
    FormAkunPegawai,
    FormKualifikasi,
    FormPegawai,
    FormPenugasan,
    FormRiwayatPendidikan,
)
from organisasi.forms.surat import (
    FormBerkas,
    FormCatatan,
    FormDisposisi,
    FormKlasifikasi,
    FormPenomoran,
    FormSuratKeluar,
    FormSuratMasuk,
    FormTautan,
    FormTindakLanjut,
)
from organisasi.forms.tunjangan import FormAkhiriTarif, FormDasarHukum, FormSusunDaftar, FormTarif
from organisasi.forms.umum import RupiahField

__all__ = [
    "FilterPegawai",
    "FormAkhiriPenugasan",
    "FormAkhiriTarif",
    "FormAkunPegawai",
    "FormBerkas",
    "FormCatatan",
    "FormDasarHukum",
    "FormDisposisi",
    "FormKegiatan",
    "FormKlasifikasi",
    "FormKualifikasi",
    "FormLaporanBerkala",
    "FormPegawai",
    "FormPenomoran",
    "FormPenugasan",
    "FormProgram",
    "FormRealisasi",
    "FormRiwayatPendidikan",
    "FormSuratKeluar",
    "FormSuratMasuk",
    "FormSusunDaftar",
    "FormTarget",
    "FormTarif",
    "FormTautan",
    "FormTindakLanjut",
    "Forms",
    "RupiahField",
]
