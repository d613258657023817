"""Review by the Kepala LPSE, approval or return by the Pembina, and the day a version takes effect.

Pergub NTB 6/2017 Lampiran II.1 and VI: the SOPs are set ("ditetapkan") by the Kepala Dinas
Kominfotik as Pembina LPSE. Only the Pembina approves, here, in the portal and in Django admin.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi.models import User
from sop.models import SOP, VersiSOP
from sop.services._umum import (
    email_koordinator,
    email_pengguna,
    email_peran,
    gabung,
    jabatan_pembina,
    kunci_versi,
    tgl,
    tinjau_berikutnya,
    wajib_pengesah,
    wajib_peninjau,
    wajib_penyusun,
    wajib_status,
)


def _konteks(versi: VersiSOP, **lain) -> dict:
    from django.conf import settings
    from django.urls import reverse

    return {
        "versi": versi,
        "sop": versi.sop,
        "tautan": settings.SITE_URL + reverse("sop:versi_detail", args=[versi.pk]),
        **lain,
    }


def _periksa_lengkap(versi: VersiSOP) -> None:
    kurang = []
    if not versi.judul.strip():
        kurang.append(_("judul"))
    if not versi.tujuan.strip():
        kurang.append(_("tujuan"))
    if not versi.ruang_lingkup.strip():
        kurang.append(_("ruang lingkup"))
    if not versi.langkah.exists():
        kurang.append(_("langkah (paling sedikit satu)"))
    if versi.sop.versi.filter(status__in=VersiSOP.STATUS_TERKUNCI).exists() and not versi.alasan_perubahan.strip():
        kurang.append(_("alasan perubahan"))
    if kurang:
        raise TransisiTidakSah(_("Draf belum lengkap: %(kurang)s wajib diisi.") % {"kurang": ", ".join(kurang)})


def ajukan_tinjauan(*, versi_id: int, oleh: User, ip: str | None = None) -> VersiSOP:
    """Send a draft to the Kepala LPSE for review (the first step after drafting)."""
    with transaction.atomic():
        versi = kunci_versi(versi_id)
        wajib_penyusun(oleh, versi.sop)
        wajib_status(versi, *VersiSOP.STATUS_DAPAT_DIUBAH)
        _periksa_lengkap(versi)
        dari = versi.status
        versi.status = VersiSOP.Status.DITINJAU
        versi.save(update_fields=["status", "updated_at"])
        catat_peristiwa(versi, oleh=oleh, ip=ip, aksi="ajukan_tinjauan", dari=dari, ke=versi.status)
        kirim_surel(
            kepada=email_peran("kepala_lpse"),
            subjek=_("Draf SOP %(kode)s v%(nomor)s menunggu tinjauan") % {"kode": versi.sop.kode, "nomor": versi.nomor},
            template="sop/email_tinjauan",
            konteks=_konteks(versi, oleh=oleh),
        )
    return versi


def teruskan_ke_pembina(*, versi_id: int, oleh: User, catatan: str = "", ip: str | None = None) -> VersiSOP:
    """The Kepala LPSE, having reviewed the draft, submits it to the Pembina."""
    wajib_peninjau(oleh)
    with transaction.atomic():
        versi = kunci_versi(versi_id)
        wajib_status(versi, VersiSOP.Status.DITINJAU)
        _periksa_lengkap(versi)
        versi.status = VersiSOP.Status.DIAJUKAN
        versi.ditinjau_oleh = oleh
        versi.diajukan_pada = timezone.now()
        versi.save(update_fields=["status", "ditinjau_oleh", "diajukan_pada", "updated_at"])
        catat_peristiwa(
            versi, oleh=oleh, ip=ip, aksi="ajukan_ke_pembina", dari="ditinjau", ke=versi.status, catatan=catatan.strip()
        )
        kirim_surel(
            kepada=email_peran("pembina"),
            subjek=_("SOP %(kode)s v%(nomor)s diajukan untuk disetujui")
            % {"kode": versi.sop.kode, "nomor": versi.nomor},
            template="sop/email_diajukan",
            konteks=_konteks(versi, oleh=oleh, catatan=catatan.strip()),
        )
    return versi


def kembalikan_versi(*, versi_id: int, catatan: str, oleh: User, ip: str | None = None) -> VersiSOP:
    """Return a version with notes: the Kepala LPSE during review, the Pembina after submission."""
    with transaction.atomic():
        versi = kunci_versi(versi_id)
        if versi.status == VersiSOP.Status.DITINJAU:
            wajib_peninjau(oleh)
        elif versi.status == VersiSOP.Status.DIAJUKAN:
            wajib_pengesah(oleh)
        else:
            wajib_status(versi, VersiSOP.Status.DITINJAU, VersiSOP.Status.DIAJUKAN)
        if not catatan.strip():
            raise TransisiTidakSah(_("Catatan pengembalian wajib diisi agar penyusun tahu yang harus diperbaiki."))
        dari = versi.status
        versi.status = VersiSOP.Status.DIKEMBALIKAN
        versi.catatan_pengembalian = catatan.strip()
        versi.diajukan_pada = None
        versi.save(update_fields=["status", "catatan_pengembalian", "diajukan_pada", "updated_at"])
        catat_peristiwa(versi, oleh=oleh, ip=ip, aksi="kembalikan", dari=dari, ke=versi.status, catatan=catatan.strip())
        kirim_surel(
            kepada=gabung(email_pengguna(versi.disusun_oleh), email_koordinator(versi.sop.unit_id)),
            subjek=_("SOP %(kode)s v%(nomor)s dikembalikan") % {"kode": versi.sop.kode, "nomor": versi.nomor},
            template="sop/email_dikembalikan",
            konteks=_konteks(versi, oleh=oleh, catatan=catatan.strip()),
        )
    return versi


def setujui_versi(
    *, versi_id: int, tanggal_berlaku: datetime.date, oleh: User, catatan: str = "", ip: str | None = None
) -> VersiSOP:
    """The Pembina approves a submitted version with its effective date (Lampiran VI).

    The effective date may be later than the approval, never earlier. The one service behind the
    portal form, the admin action and the admin change-form button; anyone but the Pembina is refused.
    """
    wajib_pengesah(oleh)
    hari_ini = timezone.localdate()
    with transaction.atomic():
        versi = kunci_versi(versi_id)
        wajib_status(
            versi,
            VersiSOP.Status.DIAJUKAN,
            pesan=_("Versi %(nomor)s tidak sedang diajukan ke Pembina (status: %(status)s).")
            % {"nomor": versi.nomor, "status": versi.get_status_display()},
        )
        if tanggal_berlaku < hari_ini:
            raise TransisiTidakSah(
                _("Tanggal berlaku (%(berlaku)s) tidak boleh sebelum tanggal persetujuan (%(hari_ini)s).")
                % {"berlaku": tgl(tanggal_berlaku), "hari_ini": tgl(hari_ini)}
            )
        versi.status = VersiSOP.Status.DISETUJUI
        versi.disetujui_oleh = oleh
        versi.nama_penyetuju = oleh.get_full_name()
        versi.jabatan_penyetuju = jabatan_pembina(oleh)
        versi.disetujui_pada = timezone.now()
        versi.tanggal_berlaku = tanggal_berlaku
        versi.hash_isi = versi.hitung_hash_isi()
        versi.save()
        catat_peristiwa(
            versi,
            oleh=oleh,
            ip=ip,
            aksi="setujui",
            dari="diajukan",
            ke=versi.status,
            catatan=catatan.strip(),
            data={"tanggal_berlaku": tanggal_berlaku, "hash_isi": versi.hash_isi},
        )
        kirim_surel(
            kepada=gabung(email_pengguna(versi.disusun_oleh), email_peran("kepala_lpse")),
            subjek=_("SOP %(kode)s v%(nomor)s disetujui") % {"kode": versi.sop.kode, "nomor": versi.nomor},
            template="sop/email_disetujui",
            konteks=_konteks(versi, oleh=oleh),
        )
        if tanggal_berlaku <= hari_ini:
            berlakukan(versi, tanggal=hari_ini)
    return versi


def berlakukan(versi: VersiSOP, *, tanggal: datetime.date) -> None:
    """Make an approved version current and supersede the previous one. Caller holds the locks."""
    sebelumnya = (
        VersiSOP.objects.select_for_update()
        .filter(sop_id=versi.sop_id, status=VersiSOP.Status.BERLAKU)
        .exclude(pk=versi.pk)
        .first()
    )
    if sebelumnya:
        sebelumnya.status = VersiSOP.Status.DIGANTI
        sebelumnya.diganti_pada = versi.tanggal_berlaku
        sebelumnya.save(update_fields=["status", "diganti_pada", "updated_at"])
        catat_peristiwa(
            sebelumnya,
            oleh=None,
            aksi="diganti",
            dari="berlaku",
            ke=sebelumnya.status,
            catatan=_("Diganti oleh versi %(nomor)s.") % {"nomor": versi.nomor},
        )
    versi.status = VersiSOP.Status.BERLAKU
    versi.save(update_fields=["status", "updated_at"])
    catat_peristiwa(versi, oleh=None, aksi="berlaku", dari="disetujui", ke=versi.status, data={"tanggal": tanggal})
    sop = versi.sop
    sop.judul = versi.judul
    sop.tinjauan_terakhir = versi.tanggal_berlaku
    sop.tinjau_berikutnya = tinjau_berikutnya(sop, versi.tanggal_berlaku)
    sop.save(update_fields=["judul", "tinjauan_terakhir", "tinjau_berikutnya", "updated_at"])


def berlakukan_versi_jatuh_tempo(tanggal: datetime.date | None = None) -> int:
    """Daily job: versions whose effective date has come become current. Safe to run twice."""
    tanggal = tanggal or timezone.localdate()
    n = 0
    for pk in list(VersiSOP.objects.jatuh_tempo_berlaku(tanggal).values_list("pk", flat=True)):
        with transaction.atomic():
            versi = kunci_versi(pk)
            if versi.status != VersiSOP.Status.DISETUJUI or versi.tanggal_berlaku > tanggal:
                continue  # another run got there first
            berlakukan(versi, tanggal=tanggal)
            n += 1
    return n


def catat_tinjauan(*, sop_id: int, catatan: str, oleh: User, ip: str | None = None) -> SOP:
    """The Kepala LPSE records a periodic review that found no change needed; the next review moves on."""
    wajib_peninjau(oleh)
    hari_ini = timezone.localdate()
    with transaction.atomic():
        sop = SOP.objects.select_for_update().get(pk=sop_id)
        if not sop.versi.filter(status=VersiSOP.Status.BERLAKU).exists():
            raise TransisiTidakSah(_("SOP ini belum memiliki versi yang berlaku untuk ditinjau."))
        if not catatan.strip():
            raise TransisiTidakSah(_("Catatan hasil tinjauan wajib diisi."))
        sebelum = sop.tinjau_berikutnya
        sop.tinjauan_terakhir = hari_ini
        sop.tinjau_berikutnya = tinjau_berikutnya(sop, hari_ini)
        sop.save(update_fields=["tinjauan_terakhir", "tinjau_berikutnya", "updated_at"])
        catat_peristiwa(
            sop,
            oleh=oleh,
            ip=ip,
            aksi="tinjau",
            catatan=catatan.strip(),
            data={"jatuh_tempo_sebelumnya": sebelum, "tinjau_berikutnya": sop.tinjau_berikutnya},
        )
    return sop
