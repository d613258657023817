"""Automatic pre-checks of a vendor's file before a verifikator sees it (Lampiran II.5.b.3):
identifier formats, duplicates, and the blacklist. Each finding says whether the applicant
may see it and whether it blocks submission."""

from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from lpse_portal.identitas import validasi_nib, validasi_nik, validasi_npwp
from registrasi.daftar_hitam import sanksi_aktif


@dataclass(frozen=True)
class Temuan:
    kode: str  # "format" | "duplikat" | "daftar_hitam"
    pesan: str
    publik: bool  # fair to show to the applicant
    menghalangi: bool = False  # blocks submission


def _format(penyedia) -> list[Temuan]:
    hasil = []
    for validator, nilai, nama in (
        (validasi_npwp, penyedia.npwp, "NPWP"),
        (validasi_nib, penyedia.nib, "NIB"),
        (validasi_nik, penyedia.pj_nik, _("NIK penanggung jawab")),
    ):
        try:
            validator(nilai)
        except ValidationError as e:
            hasil.append(Temuan("format", f"{nama}: {e.messages[0]}", publik=True, menghalangi=True))
    npwp_nik = len(penyedia.npwp) == 16 and not penyedia.npwp.startswith("0")
    if npwp_nik and not penyedia.bentuk_usaha.perorangan:
        hasil.append(
            Temuan(
                "format",
                _("NPWP yang diisi berupa NIK, padahal bentuk usaha %(b)s memakai NPWP badan (diawali 0).")
                % {"b": penyedia.bentuk_usaha},
                publik=True,
            )
        )
    if (
        npwp_nik
        and penyedia.bentuk_usaha.perorangan
        and penyedia.pj_adalah_pimpinan
        and penyedia.npwp != penyedia.pj_nik
    ):
        hasil.append(
            Temuan(
                "format",
                _("NPWP usaha perorangan berupa NIK, tetapi tidak sama dengan NIK pemilik yang diisi."),
                publik=True,
            )
        )
    return hasil


def _duplikat(penyedia) -> list[Temuan]:
    from organisasi.models import User
    from registrasi.models import Penyedia

    lain = Penyedia.objects.exclude(pk=penyedia.pk).select_related("user")
    hasil = []
    for kolom, label in (("npwp", "NPWP"), ("nib", "NIB")):
        nilai = getattr(penyedia, kolom)
        for p in lain.filter(**{kolom: nilai}).order_by("pk")[:5]:
            if p.ditolak:
                pesan = _("%(l)s ini pernah didaftarkan oleh User ID %(u)s dan ditolak.")
            else:
                pesan = _("%(l)s ini sudah terdaftar atau sedang didaftarkan oleh User ID %(u)s.")
            hasil.append(Temuan("duplikat", pesan % {"l": label, "u": p.user.username}, publik=not p.ditolak))
    if lain.filter(email__iexact=penyedia.email, ditolak=False).exists():
        hasil.append(Temuan("duplikat", _("E-mail ini sudah dipakai penyedia lain."), publik=True))
    pengguna_lain = User.objects.exclude(pk=penyedia.user_id)
    if pengguna_lain.filter(Q(email__iexact=penyedia.email) & ~Q(penyedia__isnull=False)).exists():
        hasil.append(Temuan("duplikat", _("E-mail ini juga dipakai akun lain (staf atau pejabat)."), publik=False))
    if pengguna_lain.filter(username__iexact=penyedia.user.username).exists():
        hasil.append(
            Temuan("duplikat", _("User ID ini hanya berbeda huruf besar/kecil dengan akun lain."), publik=True)
        )
    for p in lain.filter(pj_nik=penyedia.pj_nik, ditolak=False).order_by("pk")[:5]:
        hasil.append(
            Temuan(
                "duplikat",
                _("NIK penanggung jawab juga tercatat pada penyedia %(n)s (User ID %(u)s).")
                % {"n": p.nama, "u": p.user.username},
                publik=False,
            )
        )
    return hasil


def _daftar_hitam(npwp: str, nib: str) -> list[Temuan]:
    hasil = []
    for sanksi in sanksi_aktif(npwp=npwp, nib=nib):
        hasil.append(
            Temuan(
                "daftar_hitam",
                _(
                    "NPWP/NIB ini sedang dikenai sanksi daftar hitam (SK %(sk)s) sampai %(akhir)s; "
                    "pendaftaran tidak dapat diajukan selama sanksi berlaku."
                )
                % {"sk": sanksi.nomor_sk, "akhir": sanksi.akhir_tampil},
                publik=True,
                menghalangi=True,
            )
        )
    return hasil


def periksa_daftar_hitam(*, npwp: str = "", nib: str = "") -> list[Temuan]:
    return _daftar_hitam(npwp, nib)


def periksa(penyedia) -> list[Temuan]:
    return _format(penyedia) + _duplikat(penyedia) + _daftar_hitam(penyedia.npwp, penyedia.nib)


def simpan(pendaftaran, temuan: list[Temuan]) -> None:
    """Store the findings on the registration (the queue filters on the flags)."""
    pendaftaran.prapemeriksaan = [asdict(t) for t in temuan]
    pendaftaran.pra_format = any(t.kode == "format" for t in temuan)
    pendaftaran.pra_duplikat = any(t.kode == "duplikat" for t in temuan)
    pendaftaran.pra_daftar_hitam = any(t.kode == "daftar_hitam" for t in temuan)
