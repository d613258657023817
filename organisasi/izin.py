"""Which role holds which permission of the organisasi app."""

_LIHAT = ["organisasi.view_pegawai", "organisasi.view_penugasan", "organisasi.view_unit", "organisasi.view_jabatan"]
_KELOLA = [
    *_LIHAT,
    "organisasi.add_pegawai",
    "organisasi.change_pegawai",
    "organisasi.kelola_penugasan",
    "organisasi.lihat_nik_pegawai",
    "organisasi.add_kualifikasi",
    "organisasi.change_kualifikasi",
    "organisasi.add_riwayatpendidikan",
    "organisasi.change_riwayatpendidikan",
]
_KALENDER = [
    "organisasi.view_harilibur",
    "organisasi.add_harilibur",
    "organisasi.change_harilibur",
    "organisasi.delete_harilibur",
    "organisasi.view_jamkerja",
    "organisasi.change_jamkerja",
]

IZIN = {
    # Appointments: the Pembina appoints pelaksana (Lampiran III.3); the Sekretariat keeps the
    # staff records (II.3.b.2) and records SKs of the Sekretaris Daerah.
    "pembina": _KELOLA,
    "sekretaris": _KELOLA + _KALENDER,
    "kepala_lpse": _LIHAT + _KALENDER,
    "koordinator": _LIHAT,
    "admin_sistem": _LIHAT,
    "verifikator": _LIHAT,
    "layanan": _LIHAT,
}
