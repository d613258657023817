"""Document validity: reminders 60, 30 and 15 days before, each once; a flag when expired."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from lpse_portal.models import EmailKeluar
from registrasi.models import Dokumen, JenisDokumen, Penyedia
from registrasi.services import periksa_masa_berlaku_harian


@pytest.fixture
def kswp(penyedia_a):
    dok = Dokumen.objects.get(penyedia__user=penyedia_a, jenis=JenisDokumen.objects.get(kode="kswp"))
    Dokumen.objects.filter(pk=dok.pk).update(berlaku_sampai=datetime.date(2026, 12, 31))
    return dok


def _pengingat(dok):
    return sorted(
        EmailKeluar.objects.filter(kunci__startswith=f"registrasi:masa-berlaku:{dok.pk}:").values_list(
            "kunci", flat=True
        )
    )


def test_it_reminds_60_30_and_15_days_before_each_once(kswp):
    for hari in ("2026-10-31", "2026-11-01", "2026-12-01", "2026-12-02", "2026-12-16", "2026-12-20"):
        periksa_masa_berlaku_harian(datetime.date.fromisoformat(hari))
    assert _pengingat(kswp) == [f"registrasi:masa-berlaku:{kswp.pk}:{t}" for t in (15, 30, 60)]


def test_it_sends_nothing_the_second_time_the_job_runs(kswp):
    pertama = periksa_masa_berlaku_harian(datetime.date(2026, 12, 20))
    kedua = periksa_masa_berlaku_harian(datetime.date(2026, 12, 20))
    assert pertama["pengingat"] == 1 and kedua == {"pengingat": 0, "kedaluwarsa": 0, "pulih": 0}


def test_it_flags_the_vendor_once_a_document_expired(kswp, penyedia_a):
    periksa_masa_berlaku_harian(datetime.date(2027, 1, 1))
    assert Penyedia.objects.get(user=penyedia_a).dokumen_kedaluwarsa
    assert EmailKeluar.objects.filter(subjek__contains="Dokumen Kedaluwarsa").count() == 1


def test_it_runs_as_a_command(kswp, penyedia_a, capsys):
    with time_machine.travel(datetime.datetime(2027, 1, 2, 1, 0, tzinfo=datetime.UTC)):
        call_command("periksa_masa_berlaku")
    assert "1 penyedia ditandai kedaluwarsa" in capsys.readouterr().out
