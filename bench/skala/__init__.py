"""The provincial-scale dataset of issue 10, one step per app.

    .venv/bin/python -m bench.skala --database-url postgres://postgres@127.0.0.1:5432/lpse_perf_skala

Each step is a function `(ktx) -> str` that adds only what is missing (so a second run only
checks), registered in LANGKAH in the order they run. A new app adds its module here and one
line to LANGKAH.
"""

from bench.skala import laporan, layanan, registrasi, sop

LANGKAH = [
    ("penyedia dan dokumen", registrasi.penyedia),
    ("sanksi daftar hitam", registrasi.sanksi),
    ("tiket dan peristiwa", layanan.tiket),
    ("pelatihan dan peserta", layanan.pelatihan),
    ("versi SOP", sop.versi),
    ("laporan dan laporan staf (5 tahun)", laporan.laporan_dan_laporan_staf),
]
