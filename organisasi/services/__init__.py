"""Every state change of the organisasi app, one module per topic, re-exported here so
callers write `services.angkat_pegawai(...)` whatever the topic.

struktur: appointments, staff records, role sync; program: programme of activities and
its realisation; surat: correspondence, numbering and dispositions; tunjangan: rates and
monthly allowance lists.
"""

from organisasi.services.struktur import (
    akhiri_penugasan,
    angkat_pegawai,
    buat_akun_pegawai,
    peran_dari_penugasan,
    simpan_pegawai,
    sinkron_peran_pengguna,
    tambah_kualifikasi,
    tambah_riwayat_pendidikan,
    terapkan_penugasan_harian,
)

__all__ = [
    "akhiri_penugasan",
    "angkat_pegawai",
    "buat_akun_pegawai",
    "peran_dari_penugasan",
    "simpan_pegawai",
    "sinkron_peran_pengguna",
    "tambah_kualifikasi",
    "tambah_riwayat_pendidikan",
    "terapkan_penugasan_harian",
]
