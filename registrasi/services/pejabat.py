"""Accounts of the other SPSE users (PA/KPA, PPK, Pokja Pemilihan, Pejabat Pengadaan, Auditor,
Admin Agency): requested by the perangkat daerah with the SK, verified by the Unit (II.5.b.1, 3, 5)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi.kalender import Kalender
from registrasi.models import PejabatPengadaan, PermohonanPejabat
from registrasi.services.umum import wajib_izin

User = get_user_model()
IZIN = "registrasi.verifikasi_pejabat"
_TERBUKA = (PermohonanPejabat.Status.DIAJUKAN, PermohonanPejabat.Status.DIPROSES)


def _user_id_tersedia(user_id: str, kecuali_permohonan: int | None = None) -> None:
    if User.objects.filter(username__iexact=user_id).exists():
        raise TransisiTidakSah(_("User ID %(u)s sudah dipakai. Pilih User ID lain.") % {"u": user_id})
    menunggu = PermohonanPejabat.objects.filter(user_id__iexact=user_id, status__in=_TERBUKA)
    if kecuali_permohonan:
        menunggu = menunggu.exclude(pk=kecuali_permohonan)
    if menunggu.exists():
        raise TransisiTidakSah(_("User ID %(u)s sedang diminta dalam permohonan lain.") % {"u": user_id})


def ajukan_permohonan_pejabat(*, data: dict, berkas_sk, ip: str | None = None) -> PermohonanPejabat:
    """A perangkat daerah's request for an official's user ID, with the SK or surat tugas scan.
    Target: decided within two working days of the LPSE calendar."""
    with transaksi_berkas():
        _user_id_tersedia(data["user_id"])
        hari_ini = timezone.localdate()
        permohonan = PermohonanPejabat(
            **data,
            tenggat=Kalender.dari_database().tambah_hari_kerja(hari_ini, PermohonanPejabat.TARGET_HARI_KERJA),
        )
        permohonan.berkas_sk.save("sk.pdf", berkas_sk, save=False)
        permohonan.save()
        catat_peristiwa(permohonan, oleh=None, ip=ip, aksi="ajukan", ke=permohonan.status)
        kirim_surel(
            kepada=permohonan.pengaju_email,
            subjek=_("Permohonan Akun Pejabat Diterima"),
            template="registrasi/email/pejabat_diajukan",
            konteks={"permohonan": permohonan},
        )
    return permohonan


def _kunci(permohonan_id: int, oleh) -> PermohonanPejabat:
    p = PermohonanPejabat.objects.select_for_update().get(pk=permohonan_id)
    if p.status not in _TERBUKA:
        raise TransisiTidakSah(_("Permohonan ini sudah %(s)s.") % {"s": p.get_status_display().lower()})
    if p.status == PermohonanPejabat.Status.DIPROSES and p.verifikator_id != oleh.pk:
        raise TransisiTidakSah(_("Permohonan ini sedang diproses oleh %(v)s.") % {"v": p.verifikator})
    return p


def proses_permohonan_pejabat(*, permohonan_id: int, oleh, ip: str | None = None) -> PermohonanPejabat:
    """Take a request: one verifikator at a time."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        p = _kunci(permohonan_id, oleh)
        if p.status == PermohonanPejabat.Status.DIPROSES:
            raise TransisiTidakSah(_("Permohonan ini sudah Anda proses."))
        p.status = PermohonanPejabat.Status.DIPROSES
        p.verifikator = oleh
        p.save(update_fields=["status", "verifikator"])
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="proses", dari=PermohonanPejabat.Status.DIAJUKAN, ke=p.status)
    return p


def setujui_permohonan_pejabat(*, permohonan_id: int, oleh, ip: str | None = None) -> PejabatPengadaan:
    """Approve: the account is made now, active, in the `pejabat_pengadaan` role with its
    sub-role recorded; the official sets the password through an e-mailed link."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        p = _kunci(permohonan_id, oleh)
        _user_id_tersedia(p.user_id, kecuali_permohonan=p.pk)
        user = User(username=p.user_id, email=p.email, nama=p.nama, telepon=p.telepon)
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name="pejabat_pengadaan"))
        pejabat = PejabatPengadaan.objects.create(
            user=user,
            nama=p.nama,
            nip=p.nip,
            sub_peran=p.sub_peran,
            perangkat_daerah=p.perangkat_daerah,
            jabatan=p.jabatan,
            email=p.email,
            telepon=p.telepon,
        )
        dari = p.status
        p.status = PermohonanPejabat.Status.DISETUJUI
        p.verifikator = oleh
        p.pejabat = pejabat
        p.diputuskan_at = timezone.now()
        p.save()
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="setujui", dari=dari, ke=p.status, catatan=user.username)
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        kirim_surel(
            kepada=p.email,
            subjek=f"[{user.username}] " + _("Selamat Bergabung"),
            template="registrasi/email/pejabat_disetujui",
            konteks={"pejabat": pejabat, "tautan": f"{settings.SITE_URL}/accounts/reset/{uid}/{token}/"},
        )
        kirim_surel(
            kepada=p.pengaju_email,
            subjek=_("Permohonan Akun Pejabat Disetujui"),
            template="registrasi/email/pejabat_keputusan",
            konteks={"permohonan": p},
        )
    return pejabat


def tolak_permohonan_pejabat(*, permohonan_id: int, alasan: str, oleh, ip: str | None = None) -> PermohonanPejabat:
    wajib_izin(oleh, IZIN)
    if not alasan.strip():
        raise TransisiTidakSah(_("Alasan penolakan wajib diisi."))
    with transaction.atomic():
        p = _kunci(permohonan_id, oleh)
        dari = p.status
        p.status = PermohonanPejabat.Status.DITOLAK
        p.verifikator = oleh
        p.alasan_penolakan = alasan.strip()
        p.diputuskan_at = timezone.now()
        p.save()
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="tolak", dari=dari, ke=p.status, catatan=alasan.strip())
        kirim_surel(
            kepada=p.pengaju_email,
            subjek=_("Permohonan Akun Pejabat Ditolak"),
            template="registrasi/email/pejabat_keputusan",
            konteks={"permohonan": p},
        )
    return p
