"""Which role holds which permission of the registrasi app."""

_REFERENSI = [
    f"registrasi.{aksi}_{model}"
    for model in (
        "bentukusaha",
        "jenisdokumen",
        "persyaratan",
        "alasantidakvalid",
        "perangkatdaerah",
        "jenispelanggaran",
    )
    for aksi in ("view", "add", "change", "delete")
]
_LIHAT = ["registrasi.view_penyedia", "registrasi.view_pendaftaran", "registrasi.view_dokumen"]
_VERIFIKASI = [
    *_LIHAT,
    *_REFERENSI,
    "registrasi.verifikasi_pendaftaran",
    "registrasi.verifikasi_pejabat",
    "registrasi.lihat_nik_penyedia",
    "registrasi.ekspor_arsip_penyedia",
    "registrasi.view_permintaanperubahan",
    "registrasi.view_permohonanpejabat",
    "registrasi.view_pejabatpengadaan",
    # Lampiran II.5.b.6: deactivation of user IDs on request, in connection with the blacklist.
    "registrasi.view_sanksidaftarhitam",
    "registrasi.kelola_sanksi",
    "registrasi.proses_penonaktifan",
    "registrasi.view_permintaanpenonaktifan",
]

IZIN = {
    # Lampiran II.5: the Unit Registrasi dan Verifikasi verifies, decides and keeps the archive;
    # the Kepala LPSE and the Sekretaris oversee it (II.2, II.3.b.5).
    "verifikator": _VERIFIKASI,
    "kepala_lpse": [*_LIHAT, "registrasi.view_sanksidaftarhitam"],
    "sekretaris": [*_LIHAT, "registrasi.view_sanksidaftarhitam"],
    # PA/KPA/PPK/Pokja Pemilihan ask for a deactivation; the service checks the sub-role.
    "pejabat_pengadaan": ["registrasi.ajukan_penonaktifan"],
}
