"""Builders of registrasi states through the real services, for the root conftest and tests.

Every account comes out of the same path production uses: registration with confirmed
e-mail, uploads, submission, verification, approval (or the officials' request).
"""

import datetime
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from stdnum import luhn

from lpse_portal.pdf_sederhana import buat_pdf

_nomor = itertools.count(1)

URUTAN_STATUS = ("draf", "diajukan", "diverifikasi", "perlu_perbaikan", "disetujui", "ditolak")


def npwp_uji(n: int) -> str:
    """A valid 16-digit NPWP (0 + 15-digit legacy number with its Luhn check digit)."""
    awal = f"01{n % 1_000_000:06d}"
    return "0" + awal + luhn.calc_check_digit(awal) + "907000"


def nib_uji(n: int) -> str:
    return f"9120{n % 1_000_000_000:09d}"


def nik_uji(n: int) -> str:
    """A valid NIK of Kota Mataram, born 17-08-1990, serial n."""
    return f"527101170890{(n % 9999) + 1:04d}"


def berkas_pdf(nama="dokumen.pdf", judul="Dokumen"):
    return SimpleUploadedFile(nama, buat_pdf(judul, ["Dokumen uji"]), content_type="application/pdf")


def data_penyedia(n: int, bentuk_usaha, **ubah) -> dict:
    data = {
        "nama": f"CV Uji Karya {n}",
        "bentuk_usaha": bentuk_usaha,
        "npwp": npwp_uji(n),
        "nib": nib_uji(n),
        "alamat": f"Jl. Pejanggik No. {n}",
        "provinsi": "Nusa Tenggara Barat",
        "kabupaten_kota": "Kota Mataram",
        "kode_pos": "83121",
        "telepon": "0370-123456",
        "pj_nama": f"Direktur Uji {n}",
        "pj_nik": nik_uji(n),
        "pj_jabatan": "Direktur",
        "pj_adalah_pimpinan": True,
    }
    data.update(ubah)
    return data


def buat_draf(username: str, *, kata_sandi: str, bentuk: str = "cv", email: str | None = None, **ubah):
    from registrasi import services
    from registrasi.models import BentukUsaha

    n = next(_nomor)
    return services.buat_pendaftaran(
        email=email or f"{username}@usaha.contoh.id",
        user_id=username,
        kata_sandi=kata_sandi,
        data=data_penyedia(n, BentukUsaha.objects.get(kode=bentuk), **ubah),
    )


def unggah_semua(pendaftaran, *, berlaku_sampai: datetime.date | None = None):
    """Upload every required document as a small PDF."""
    from registrasi import services
    from registrasi.services.pendaftaran import persyaratan_untuk

    sampai = berlaku_sampai or timezone.localdate() + datetime.timedelta(days=365)
    for syarat in persyaratan_untuk(pendaftaran.penyedia).filter(wajib=True):
        services.unggah_dokumen(
            pendaftaran_id=pendaftaran.pk,
            jenis_id=syarat.jenis_id,
            berkas=berkas_pdf(f"{syarat.jenis.kode}.pdf", syarat.jenis.nama),
            nomor="NO-1/2026" if syarat.jenis.minta_nomor else "",
            berlaku_sampai=sampai if syarat.jenis.minta_masa_berlaku else None,
            oleh=pendaftaran.penyedia.user,
        )


def nyatakan_semua(pendaftaran, *, oleh, hasil: str = "valid"):
    from registrasi import services
    from registrasi.models import AlasanTidakValid

    alasan = AlasanTidakValid.objects.get(kode="tidak-terbaca").pk
    for dok in pendaftaran.dokumen_terkini():
        services.periksa_dokumen(
            dokumen_id=dok.pk, hasil=hasil, alasan_id=alasan if hasil == "tidak_valid" else None, oleh=oleh
        )


def buat_penyedia(username: str, *, kata_sandi: str, verifikator, status: str = "disetujui", **kwargs):
    """A vendor registration brought to `status` through the services. Returns the Pendaftaran."""
    from registrasi import services
    from registrasi.models import AlasanTidakValid, Pendaftaran

    p = buat_draf(username, kata_sandi=kata_sandi, **kwargs)
    if status == "draf":
        return p
    unggah_semua(p)
    services.ajukan_pendaftaran(pendaftaran_id=p.pk, oleh=p.penyedia.user)
    if status == "diajukan":
        return Pendaftaran.objects.get(pk=p.pk)
    services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
    if status == "diverifikasi":
        return Pendaftaran.objects.get(pk=p.pk)
    if status == "perlu_perbaikan":
        pertama = p.dokumen_terkini().first()
        services.periksa_dokumen(
            dokumen_id=pertama.pk,
            hasil="tidak_valid",
            alasan_id=AlasanTidakValid.objects.get(kode="tidak-terbaca").pk,
            oleh=verifikator,
        )
        services.kembalikan_pendaftaran(pendaftaran_id=p.pk, catatan="Pindai ulang.", oleh=verifikator)
        return Pendaftaran.objects.get(pk=p.pk)
    if status == "ditolak":
        services.tolak_pendaftaran(pendaftaran_id=p.pk, alasan="Dokumen palsu.", oleh=verifikator)
        return Pendaftaran.objects.get(pk=p.pk)
    nyatakan_semua(p, oleh=verifikator)
    services.setujui_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
    return Pendaftaran.objects.select_related("penyedia__user").get(pk=p.pk)


def data_permohonan_pejabat(username: str, *, perangkat_daerah: str = "pupr", sub_peran: str = "ppk") -> dict:
    from registrasi.models import PerangkatDaerah

    return {
        "perangkat_daerah": PerangkatDaerah.objects.get(kode=perangkat_daerah),
        "pengaju_nama": "Petugas Perangkat Daerah",
        "pengaju_jabatan": "Kasubag Umum",
        "pengaju_email": f"umum.{perangkat_daerah}@ntbprov.go.id",
        "pengaju_telepon": "0370-600000",
        "nama": username.replace(".", " ").title(),
        "nip": "198001012005011001",
        "sub_peran": sub_peran,
        "jabatan": "Kepala Bidang",
        "email": f"{username}@ntbprov.go.id",
        "telepon": "0812000000",
        "user_id": username,
        "nomor_sk": f"027/{next(_nomor)}/2026",
        "tanggal_sk": datetime.date(2026, 1, 5),
    }


def buat_pejabat(username: str, *, kata_sandi: str, verifikator, **kwargs):
    """An approved official's account (role pejabat_pengadaan). Returns the User."""
    from registrasi import services

    permohonan = services.ajukan_permohonan_pejabat(
        data=data_permohonan_pejabat(username, **kwargs), berkas_sk=berkas_pdf("sk.pdf", "SK Penetapan PPK")
    )
    pejabat = services.setujui_permohonan_pejabat(permohonan_id=permohonan.pk, oleh=verifikator)
    user = pejabat.user
    # The official would set it through the e-mailed link; tests log in with the cast's password.
    user.set_password(kata_sandi)
    user.save(update_fields=["password"])
    return user
