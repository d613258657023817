"""The SOP register's rows (sop/baris.py) are what its template row wrote before it moved
to Python (issue 10)."""

import datetime

import pytest
from django.utils import timezone

from lpse_portal.tests.baris_uji import sama_dengan_templat
from sop import baris
from sop.models import SOP


@pytest.mark.parametrize("lihat_proses", [True, False])
def test_it_writes_the_register_rows_as_the_template_did(lihat_proses, draf, berlaku, kepala_lpse):
    lama = berlaku(kode="SOP-LPSE/RV-01")
    berlaku(kode="SOP-LPSE/RV-02")
    draf(kode="SOP-LPSE/RV-03")
    SOP.objects.filter(pk=lama.sop_id).update(
        tinjau_berikutnya=datetime.date(2020, 1, 1), judul='<i>"Verifikasi"</i> & arsip', publik=False
    )
    daftar = list(SOP.objects.select_related("kategori", "unit").dengan_versi().order_by("kode"))
    hari_ini = timezone.localdate()
    sama_dengan_templat(
        "register_sop",
        "sop",
        daftar,
        baris.register_sop(daftar, lihat_proses=lihat_proses, hari_ini=hari_ini),
        lihat_proses=lihat_proses,
        hari_ini=hari_ini,
    )
