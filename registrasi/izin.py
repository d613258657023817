"""Which role holds which permission of the registrasi app."""

_REFERENSI = [
    f"registrasi.{aksi}_{model}"
    for model in ("bentukusaha", "jenisdokumen", "persyaratan", "alasantidakvalid", "perangkatdaerah")
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
]

IZIN = {
    # Lampiran II.5: the Unit Registrasi dan Verifikasi verifies, decides and keeps the archive;
    # the Kepala LPSE and the Sekretaris oversee it (II.2, II.3.b.5).
    "verifikator": _VERIFIKASI,
    "kepala_lpse": _LIHAT,
    "sekretaris": _LIHAT,
}
