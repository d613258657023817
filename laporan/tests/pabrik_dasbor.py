"""Builders for the dashboard and open-data tests: real service calls at chosen moments."""

import datetime
import itertools

import time_machine
from django.utils import timezone

from conftest import KATA_SANDI

_nomor = itertools.count(1)


def wita(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


def pendaftaran_diputuskan(verifikator, *, diajukan: datetime.datetime, diputuskan: datetime.datetime, setujui=True):
    """A registration submitted at `diajukan` and approved (or rejected) at `diputuskan`."""
    from registrasi import services
    from registrasi.models import Pendaftaran
    from registrasi.tests import pabrik

    with time_machine.travel(diajukan - datetime.timedelta(hours=1), tick=False):
        p = pabrik.buat_draf(f"cv.dasbor{next(_nomor)}", kata_sandi=KATA_SANDI)
        pabrik.unggah_semua(p)
    with time_machine.travel(diajukan, tick=False):
        services.ajukan_pendaftaran(pendaftaran_id=p.pk, oleh=p.penyedia.user)
    with time_machine.travel(diputuskan, tick=False):
        services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
        if setujui:
            pabrik.nyatakan_semua(p, oleh=verifikator)
            services.setujui_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
        else:
            services.tolak_pendaftaran(pendaftaran_id=p.pk, alasan="Dokumen tidak sah.", oleh=verifikator)
    return Pendaftaran.objects.get(pk=p.pk)


def tiket(pada: datetime.datetime | None = None, **ubah):
    from layanan import services
    from layanan.tests.conftest import data_tiket

    if pada is None:
        return services.buat_tiket(data=data_tiket(**ubah), oleh=None)
    with time_machine.travel(pada, tick=False):
        return services.buat_tiket(data=data_tiket(**ubah), oleh=None)


def jawab_dan_selesaikan(t, petugas, *, dijawab: datetime.datetime, selesai: datetime.datetime):
    from layanan import services

    with time_machine.travel(dijawab, tick=False):
        services.balas_tiket(tiket_id=t.pk, isi="Sudah kami periksa.", oleh=petugas)
    with time_machine.travel(selesai, tick=False):
        services.selesaikan_tiket(tiket_id=t.pk, oleh=petugas)


def sanksi(ppk, verifikator, *, kode="mundur-tanpa-alasan", mulai=None, nama="CV Tanpa Akun"):
    """A blacklist sanction the production way: the PPK's request, approved by the verifikator."""
    from registrasi.models.sanksi import JenisPelanggaran
    from registrasi.services import sanksi as layanan
    from registrasi.tests import pabrik

    n = next(_nomor)
    hari_ini = timezone.localdate()
    data = {
        "nama_penyedia": f"{nama} {n}",
        "npwp": pabrik.npwp_uji(90000 + n),
        "nib": "",
        "jenis_pelanggaran": JenisPelanggaran.objects.get(kode=kode),
        "nomor_sk": f"027/{n}/SK-DASBOR/2026",
        "tanggal_sk": min(hari_ini, mulai) if mulai else hari_ini,
        "pa_kpa": "Kepala Dinas PUPR Provinsi NTB",
        "kode_paket": "10012345000",
        "mulai": mulai,
        "selesai": None,
        "alasan_ubah_selesai": "",
        "keterangan": "",
    }
    permintaan = layanan.ajukan_penonaktifan(
        data=data, berkas_sk=pabrik.berkas_pdf("sk.pdf", "SK Penetapan Sanksi"), oleh=ppk
    )
    return layanan.setujui_penonaktifan(permintaan_id=permintaan.pk, oleh=verifikator)
