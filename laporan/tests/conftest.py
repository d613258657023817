import datetime
import itertools
from zoneinfo import ZoneInfo

import pytest
import time_machine

WITA = ZoneInfo("Asia/Makassar")
_nomor = itertools.count(1)


def pada(y, m, d, jam=9, menit=0):
    """A frozen clock at a WITA instant."""
    return time_machine.travel(datetime.datetime(y, m, d, jam, menit, tzinfo=WITA), tick=False)


@pytest.fixture
def permintaan_penonaktifan():
    """A deactivation request filed by `oleh` (a pejabat_pengadaan) the production way."""
    from registrasi.models.sanksi import JenisPelanggaran
    from registrasi.services import sanksi as layanan
    from registrasi.tests import pabrik

    def buat(oleh, nama="CV Tanpa Akun"):
        n = next(_nomor)
        from django.utils import timezone

        data = {
            "nama_penyedia": nama,
            "npwp": pabrik.npwp_uji(90000 + n),
            "nib": "",
            "jenis_pelanggaran": JenisPelanggaran.objects.get(kode="mundur-tanpa-alasan"),
            "nomor_sk": f"027/{n}/SK-LAP/2026",
            "tanggal_sk": timezone.localdate(),
            "pa_kpa": "Kepala Dinas",
            "kode_paket": "10012345000",
            "mulai": None,
            "selesai": None,
            "alasan_ubah_selesai": "",
            "keterangan": "",
        }
        return layanan.ajukan_penonaktifan(data=data, berkas_sk=pabrik.berkas_pdf("sk.pdf", "SK"), oleh=oleh)

    return buat
