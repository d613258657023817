"""Which role holds which permission of the laporan app.

Periodic reports (fitur/laporan-periodik): the LPSE's leadership reads them — the Pembina sees
every report (DESIGN), the Kepala LPSE signs them, the Sekretaris controls and reports
(Lampiran II.3.b.4), coordinators evaluate their units; the first three may run one now.
"""

_LAPORAN_LIHAT = ["laporan.view_reportrun", "laporan.view_reportfile"]
_LAPORAN_JALANKAN = [*_LAPORAN_LIHAT, "laporan.jalankan_laporan"]

IZIN = {
    # --- laporan periodik ---
    "pembina": _LAPORAN_JALANKAN,
    "kepala_lpse": _LAPORAN_JALANKAN,
    "sekretaris": _LAPORAN_JALANKAN,
    "koordinator": _LAPORAN_LIHAT,
    # --- end laporan periodik ---
}
