"""Models of the organisasi app, one module per topic, re-exported here.

struktur: users, units, positions, staff, assignments and the working-time calendar;
program: the programme of activities; surat: the correspondence register; tunjangan:
allowances and honoraria.
"""

from organisasi.models.struktur import (
    HariLibur,
    Jabatan,
    JamKerja,
    Kualifikasi,
    Pegawai,
    PegawaiQuerySet,
    Penugasan,
    PenugasanQuerySet,
    RiwayatPendidikan,
    Unit,
    User,
)

__all__ = [
    "HariLibur",
    "Jabatan",
    "JamKerja",
    "Kualifikasi",
    "Pegawai",
    "PegawaiQuerySet",
    "Penugasan",
    "PenugasanQuerySet",
    "RiwayatPendidikan",
    "Unit",
    "User",
]
