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

# --- the Sekretariat's administration (issue 11) ----------------------------------------------
# Programme of activities: drawn up by the Sekretariat and the Kepala LPSE (Lampiran II.2.a,
# II.3.b.4); coordinators enter the realisation of their own unit's activities.
_PROGRAM = ["organisasi.kelola_program", "organisasi.isi_realisasi"]
# Correspondence: the Sekretariat keeps the agenda (II.3.b.2); the Kepala LPSE disposes letters
# (II.2: memimpin operasional harian); both handle confidential letters and close dispositions.
_SURAT = [
    "organisasi.add_suratmasuk",
    "organisasi.add_suratkeluar",
    "organisasi.tangani_surat_rahasia",
    "organisasi.tutup_disposisi",
    "organisasi.add_tautansurat",
    "organisasi.delete_tautansurat",
]
_PENOMORAN = [
    "organisasi.view_klasifikasisurat",
    "organisasi.add_klasifikasisurat",
    "organisasi.change_klasifikasisurat",
    "organisasi.view_penomoransurat",
    "organisasi.add_penomoransurat",
    "organisasi.change_penomoransurat",
]
# Allowances (Lampiran VII): the Sekretariat records rates and computes the lists, the Kepala
# LPSE approves them; the Pembina reads them.
_LIHAT_TUNJANGAN = ["organisasi.view_tariftunjangan", "organisasi.view_dasarhukum", "organisasi.view_daftartunjangan"]

_TARIF = ["organisasi.kelola_tarif_tunjangan", "organisasi.susun_daftar_tunjangan"]

# Staff periodic reports (Lampiran V.5–6): each author and their superiors see a report through
# the positions (LaporanBerkala.objects.visible_to); the Pembina, the Kepala LPSE (who signs the
# activity report they roll up into) and the Sekretariat (control, evaluation and reporting,
# II.3.b.4) see every submitted report and the roll-up.
_LAPORAN_BERKALA = ["organisasi.lihat_semua_laporan_berkala"]

IZIN = {
    # Appointments: the Pembina appoints pelaksana (Lampiran III.3); the Sekretariat keeps the
    # staff records (II.3.b.2) and records SKs of the Sekretaris Daerah.
    "pembina": _KELOLA + _LIHAT_TUNJANGAN + _LAPORAN_BERKALA,
    "sekretaris": _KELOLA + _KALENDER + _PROGRAM + _SURAT + _PENOMORAN + _LIHAT_TUNJANGAN + _TARIF + _LAPORAN_BERKALA,
    "kepala_lpse": _LIHAT
    + _LAPORAN_BERKALA
    + _KALENDER
    + _PROGRAM
    + _SURAT
    + _LIHAT_TUNJANGAN
    + ["organisasi.add_disposisi", "organisasi.setujui_daftar_tunjangan"],
    "koordinator": _LIHAT + ["organisasi.isi_realisasi"],
    "admin_sistem": _LIHAT,
    "verifikator": _LIHAT,
    "layanan": _LIHAT,
}
