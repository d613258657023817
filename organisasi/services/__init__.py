"""Every state change of the organisasi app, one module per topic, re-exported here so
callers write `services.angkat_pegawai(...)` whatever the topic.

struktur: appointments, staff records, role sync; program: programme of activities and
its realisation; surat: correspondence, numbering and dispositions; tunjangan: rates and
monthly allowance lists; laporan_berkala: staff periodic reports, their review and reminders.
"""

from organisasi.services.laporan_berkala import (
    ajukan_laporan,
    ingatkan_laporan_berkala,
    kembalikan_laporan,
    simpan_draf,
    terima_laporan,
)
from organisasi.services.program import isi_realisasi, simpan_kegiatan, simpan_program, simpan_target
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
from organisasi.services.surat import (
    arsipkan_surat_masuk,
    batalkan_surat_keluar,
    buat_disposisi,
    buat_surat_keluar,
    catat_surat_masuk,
    hapus_tautan,
    ingatkan_disposisi,
    selesaikan_disposisi,
    simpan_klasifikasi,
    simpan_penomoran,
    tautkan_surat,
    tindak_lanjuti_disposisi,
    unggah_surat_keluar_ttd,
)
from organisasi.services.tunjangan import (
    ajukan_daftar_tunjangan,
    akhiri_tarif,
    catat_dasar_hukum,
    catat_tarif,
    hitung_rincian,
    kembalikan_daftar_tunjangan,
    setujui_daftar_tunjangan,
    susun_daftar_tunjangan,
)

__all__ = [
    "ajukan_daftar_tunjangan",
    "ajukan_laporan",
    "ingatkan_laporan_berkala",
    "kembalikan_laporan",
    "simpan_draf",
    "terima_laporan",
    "akhiri_penugasan",
    "akhiri_tarif",
    "angkat_pegawai",
    "arsipkan_surat_masuk",
    "batalkan_surat_keluar",
    "buat_akun_pegawai",
    "buat_disposisi",
    "buat_surat_keluar",
    "catat_dasar_hukum",
    "catat_surat_masuk",
    "catat_tarif",
    "hapus_tautan",
    "hitung_rincian",
    "ingatkan_disposisi",
    "isi_realisasi",
    "kembalikan_daftar_tunjangan",
    "peran_dari_penugasan",
    "selesaikan_disposisi",
    "setujui_daftar_tunjangan",
    "simpan_kegiatan",
    "simpan_klasifikasi",
    "simpan_pegawai",
    "simpan_penomoran",
    "simpan_program",
    "simpan_target",
    "sinkron_peran_pengguna",
    "susun_daftar_tunjangan",
    "tambah_kualifikasi",
    "tambah_riwayat_pendidikan",
    "tautkan_surat",
    "terapkan_penugasan_harian",
    "tindak_lanjuti_disposisi",
    "unggah_surat_keluar_ttd",
]
