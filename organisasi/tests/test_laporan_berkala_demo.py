"""seed_demo's staff periodic reports (issue 7, point 6), seeded for today, whatever today is."""

from io import StringIO

from django.core.management import call_command

from organisasi.models import LaporanBerkala
from organisasi.services.laporan_berkala import laporan_terlambat


def test_it_seeds_demo_reports_accepted_returned_waiting_and_overdue(db):
    call_command("seed_demo", stdout=StringIO())
    status = list(LaporanBerkala.objects.values_list("status", flat=True))
    assert status.count("dikembalikan") == 1
    assert status.count("diajukan") == 1
    # Eight positions with a superior, three months each, minus the returned, the waiting
    # and the overdue one.
    assert status.count("diterima") == 8 * 3 - 3
    assert [k.pegawai.user.username for k in laporan_terlambat()] == ["layanan"]
