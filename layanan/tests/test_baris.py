"""The ticket queue's rows (layanan/baris.py) are what its template row wrote before it
moved to Python (issue 10)."""

from layanan import baris, services
from layanan.models import Tiket
from layanan.sla import PenghitungSLA
from lpse_portal.tests.baris_uji import sama_dengan_templat


def test_it_writes_the_ticket_queue_rows_as_the_template_did(buat_tiket, petugas_layanan):
    buat_tiket()
    buat_tiket(judul='<b>"Gagal"</b> & ' + "unggah dokumen penawaran yang sangat panjang sekali di SPSE versi 4.5")
    ditangani = buat_tiket(jenis=Tiket.Jenis.KONSULTASI, nama_pelapor="Ani <Pokja>")
    services.ambil_tiket(tiket_id=ditangani.pk, oleh=petugas_layanan)
    daftar = PenghitungSLA().pasang(Tiket.objects.antrean())
    assert len(daftar) == 3
    sama_dengan_templat("antrean_tiket", "t", daftar, baris.antrean_tiket(daftar))
