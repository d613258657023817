import datetime

import pytest

from organisasi.models import Jabatan, Pegawai


@pytest.fixture
def pegawai_baru(db):
    def buat(nama="Pegawai Baru", nip="199201012018012001"):
        return Pegawai.objects.create(nama=nama, status_kepegawaian=Pegawai.Status.PNS, nip=nip)

    return buat


@pytest.fixture
def jabatan():
    return lambda kode: Jabatan.objects.get(kode=kode)


@pytest.fixture
def angkat(sekretaris, pdf_sk):
    """Appoint through the service as the sekretaris; keyword overrides for the bad cases."""
    from organisasi import services

    def buat(pegawai, kode_jabatan, **ubah):
        jab = Jabatan.objects.get(kode=kode_jabatan)
        data = {
            "pegawai_id": pegawai.pk,
            "jabatan_id": jab.pk,
            "nomor_sk": "800/10/2026",
            "tanggal_sk": datetime.date(2026, 1, 5),
            "penetap": jab.penetap_wajib,
            "tmt_mulai": datetime.date(2026, 1, 5),
            "berkas_sk": pdf_sk(),
            "oleh": sekretaris,
        }
        data.update(ubah)
        return services.angkat_pegawai(**data)

    return buat
