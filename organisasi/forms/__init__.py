"""Forms of the organisasi app, one module per topic, re-exported here."""

from organisasi.forms.struktur import (
    FilterPegawai,
    FormAkhiriPenugasan,
    FormAkunPegawai,
    FormKualifikasi,
    FormPegawai,
    FormPenugasan,
    FormRiwayatPendidikan,
)

__all__ = [
    "FilterPegawai",
    "FormAkhiriPenugasan",
    "FormAkunPegawai",
    "FormKualifikasi",
    "FormPegawai",
    "FormPenugasan",
    "FormRiwayatPendidikan",
]
