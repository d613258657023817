"""Which role holds which permission of the sistem app."""

_LIHAT = ["sistem.view_insiden", "sistem.view_aset", "sistem.view_pemeliharaan", "sistem.view_instruksilkpp"]
_KELOLA = [
    *_LIHAT,
    "sistem.add_insiden",
    "sistem.change_insiden",
    "sistem.add_aset",
    "sistem.change_aset",
    "sistem.add_pemeliharaan",
    "sistem.add_instruksilkpp",
    "sistem.change_instruksilkpp",
    "sistem.view_cadangan",
    "sistem.view_backuprun",
    "sistem.kelola_cadangan",
    "sistem.lihat_kapasitas",
]

IZIN = {
    # The Unit Administrasi Sistem Elektronik does the work (Lampiran II.4); the leadership
    # reads it to control and report (II.2, II.3).
    "admin_sistem": _KELOLA,
    "pembina": _LIHAT,
    "kepala_lpse": _LIHAT,
    "sekretaris": _LIHAT,
    "koordinator": _LIHAT,
}
