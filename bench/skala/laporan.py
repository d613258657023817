"""TODO(laporan, organisasi): five years of report runs and staff periodic reports.

Issue 10 asks for them in the scale dataset, but `laporan.ReportRun` and organisasi's staff
reports were being built on other branches when this was written. After merging them, fill
this function (bulk_create or dasar.copy, idempotent like the other steps: count the bench
rows first and add only what is missing) and it runs as the last step of `python -m bench.skala`.
"""

TAHUN = 5


def laporan_dan_laporan_staf(ktx) -> str:
    from django.apps import apps

    try:
        apps.get_model("laporan", "ReportRun")
    except LookupError:
        return "dilewati: laporan.ReportRun belum ada (TODO setelah laporan digabung)"
    return "TODO: model laporan.ReportRun sudah ada, isi bench/skala/laporan.py"
