"""Access table of the laporan URLs (see lpse_portal/tests/akses.py)."""

from lpse_portal.tests.akses import HANYA_STAF, PUBLIK, Akses, hanya

# --- laporan periodik and e-reporting (fitur/laporan-periodik) ---
PEMBACA_LAPORAN = ("pembina", "kepala_lpse", "sekretaris", "koordinator")
PENJALAN_LAPORAN = ("pembina", "kepala_lpse", "sekretaris")


def _siapkan_periodik(cast: dict) -> dict:
    from laporan.tests.pabrik import laporan_selesai

    run = laporan_selesai(cast["kepala_lpse"], "2026-09")
    return {"run": run, "berkas_pdf": run.berkas.get(format="pdf")}


def _run(o):
    return {"pk": o["run"].pk}


def _berkas(o):
    return {"pk": o["berkas_pdf"].pk}


AKSES_PERIODIK = {
    "laporan:laporan_list": hanya(*PEMBACA_LAPORAN),
    "laporan:laporan_detail": Akses(hanya(*PEMBACA_LAPORAN), kwargs=_run),
    "laporan:berkas_unduh": Akses(hanya(*PEMBACA_LAPORAN), kwargs=_berkas),
    # POSTs answer 302 for allowed roles whether the run is queued or the rule refuses it.
    "laporan:laporan_jalankan": Akses(
        hanya(*PENJALAN_LAPORAN, status=302), method="POST", data={"jenis": "bulanan", "periode": "2026-08"}
    ),
    "laporan:ereporting_detail": hanya("pejabat_pengadaan"),
    "laporan:ereporting_csv": hanya("pejabat_pengadaan"),
}
# --- end laporan periodik ---

AKSES: dict = {
    # --- dasbor dan data terbuka ---
    "laporan:dasbor": HANYA_STAF,
    "laporan:data_terbuka": PUBLIK,
    "laporan:data_terbuka_csv": PUBLIK,
    "laporan:data_terbuka_json": PUBLIK,
    # --- akhir dasbor dan data terbuka ---
    **AKSES_PERIODIK,
}


def siapkan(cast: dict) -> dict:
    return {**_siapkan_periodik(cast)}
