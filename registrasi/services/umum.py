"""Helpers shared by the registrasi services."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lpse_portal.berkas import periksa_berkas
from lpse_portal.exceptions import TransisiTidakSah


def tgl(tanggal: datetime.date | None) -> str:
    return date_format(tanggal, "j F Y") if tanggal else ""


def wajib_izin(oleh, izin: str) -> None:
    if oleh is None or not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def periksa_unggahan(berkas, jenis) -> str:
    """Check an upload against a document type (again, in the service: callers are not trusted).
    Returns the detected type code."""
    if getattr(berkas, "jenis_terdeteksi", None) is not None:
        terdeteksi = berkas.jenis_terdeteksi
    else:
        try:
            terdeteksi = periksa_berkas(berkas, jenis=jenis.daftar_jenis_berkas, maks_bytes=jenis.maks_mb * 1024 * 1024)
        except ValidationError as e:
            raise TransisiTidakSah(f"{jenis.nama}: {e.messages[0]}")
    if terdeteksi.kode not in jenis.daftar_jenis_berkas:
        raise TransisiTidakSah(_("%(j)s harus berupa %(l)s.") % {"j": jenis.nama, "l": jenis.label_jenis_berkas})
    if berkas.size > jenis.maks_mb * 1024 * 1024:
        raise TransisiTidakSah(_("%(j)s paling besar %(mb)d MB.") % {"j": jenis.nama, "mb": jenis.maks_mb})
    return terdeteksi.kode


def periksa_unggahan_umum(berkas, *, jenis: tuple[str, ...], maks_mb: int) -> str:
    """The content checks for uploads that are not vendor documents (SK scans, court decisions)."""
    terdeteksi = getattr(berkas, "jenis_terdeteksi", None)
    try:
        if terdeteksi is None or berkas.size > maks_mb * 1024 * 1024:
            terdeteksi = periksa_berkas(berkas, jenis=jenis, maks_bytes=maks_mb * 1024 * 1024)
    except ValidationError as e:
        raise TransisiTidakSah(e.messages[0])
    if terdeteksi.kode not in jenis:
        raise TransisiTidakSah(_("Jenis berkas tidak diterima di sini."))
    return terdeteksi.kode


def ekstensi(kode: str) -> str:
    return {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}.get(kode, ".bin")


_PESAN_UNIK = {
    "penyedia_npwp_unik": gettext_lazy("NPWP ini sudah terdaftar atau sedang dalam proses pendaftaran."),
    "penyedia_nib_unik": gettext_lazy("NIB ini sudah terdaftar atau sedang dalam proses pendaftaran."),
    "penyedia_email_unik": gettext_lazy("E-mail ini sudah terdaftar sebagai penyedia."),
    "organisasi_user_username_key": gettext_lazy("User ID ini sudah dipakai."),
    "perubahan_satu_terbuka": gettext_lazy("Masih ada permintaan perubahan data yang belum diputuskan."),
}


def pesan_integritas(e: IntegrityError) -> str:
    """A unique constraint hit by a concurrent request, in words the applicant understands."""
    teks = str(e)
    for nama, pesan in _PESAN_UNIK.items():
        if nama in teks:
            return str(pesan)
    if "username" in teks:
        return str(_PESAN_UNIK["organisasi_user_username_key"])
    return _("Data yang sama baru saja disimpan oleh permintaan lain. Periksa kembali isian Anda.")
