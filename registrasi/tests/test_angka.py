"""The figures the Sekretariat's programme reads from registrasi."""

import datetime

from django.utils import timezone

from organisasi.angka_otomatis import tersedia
from organisasi.tautan_surat import jenis_dari_kunci
from registrasi.angka import penyedia_diverifikasi


def test_it_registers_its_figures_and_link_kind():
    assert tersedia("registrasi.penyedia_diverifikasi")
    assert tersedia("registrasi.user_id_dinonaktifkan")
    assert jenis_dari_kunci("registrasi.permintaanpenonaktifan") is not None


def test_it_counts_a_vendor_approved_today(penyedia_a):
    hari_ini = timezone.localdate()
    assert penyedia_diverifikasi(hari_ini, hari_ini + datetime.timedelta(days=1)) >= 1
    assert penyedia_diverifikasi(hari_ini - datetime.timedelta(days=30), hari_ini) == 0
