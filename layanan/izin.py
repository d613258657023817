"""Which role holds which permission of the layanan app."""

_LIHAT = [
    "layanan.view_tiket",
    "layanan.view_pelatihan",
    "layanan.view_masukan",
    "layanan.view_artikel",
    "layanan.view_kategoritiket",
    "layanan.view_targetsla",
    "layanan.lihat_rekap_kepuasan",
]
_PETUGAS = [
    *_LIHAT,
    # The Unit Layanan Dukungan (Lampiran II.6): helpdesk, knowledge base, trainings, feedback.
    "layanan.tangani_tiket",
    "layanan.kelola_artikel",
    "layanan.kelola_pelatihan",
    "layanan.jawab_masukan",
    "layanan.view_balasansiap",
    "layanan.add_balasansiap",
    "layanan.change_balasansiap",
    "layanan.add_kategoritiket",
    "layanan.change_kategoritiket",
]
_STANDAR = ["layanan.add_targetsla", "layanan.change_targetsla", "layanan.delete_targetsla"]

IZIN = {
    "layanan": _PETUGAS,
    # The Kepala LPSE sets the service standards; the Sekretariat controls and evaluates (II.3).
    "kepala_lpse": _LIHAT + _STANDAR,
    "sekretaris": _LIHAT,
    "pembina": ["layanan.lihat_rekap_kepuasan", "layanan.view_masukan"],
}
