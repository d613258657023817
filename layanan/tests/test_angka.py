"""The helpdesk and training figures that the Sekretariat's programme reads automatically."""

import datetime

from django.utils import timezone

from layanan import services
from layanan.angka import tiket_selesai
from organisasi.angka_otomatis import tersedia


def test_it_registers_its_figures_for_the_programme():
    for kunci in ("layanan.tiket_selesai", "layanan.pelatihan_terselenggara", "layanan.peserta_pelatihan"):
        assert tersedia(kunci)


def test_it_counts_a_resolved_ticket_once_in_its_period(buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    services.ambil_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    services.buka_kembali_tiket(tiket_id=tiket.pk, oleh=petugas_layanan, alasan="Belum beres")
    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
    hari_ini = timezone.localdate()
    assert tiket_selesai(hari_ini, hari_ini + datetime.timedelta(days=1)) == 1
    assert tiket_selesai(hari_ini + datetime.timedelta(days=1), hari_ini + datetime.timedelta(days=2)) == 0
