"""Reminders: reviews coming due or overdue, and submissions the Pembina has not decided.

Each reminder carries a `kunci`, so the daily job may run any number of times and still sends
each reminder once (per review due date, per submission).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.surel import kirim_surel
from organisasi.kalender import Kalender
from sop import aturan
from sop.models import SOP, VersiSOP
from sop.services._umum import email_koordinator, email_peran, gabung


def _tautan(nama: str, *args) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse(nama, args=args)


def kirim_pengingat_tinjauan(tanggal: datetime.date | None = None) -> int:
    """Remind the Kepala LPSE and the owning unit's coordinator before a review is due, and
    again (with the Pembina) once it is overdue. Returns the number of e-mails queued."""
    tanggal = tanggal or timezone.localdate()
    sampai = tanggal + datetime.timedelta(days=aturan.hari_pengingat_tinjauan())
    n = 0
    kelompok = (
        ("segera", SOP.objects.segera_ditinjau(tanggal, sampai), ("kepala_lpse",)),
        ("lewat", SOP.objects.lewat_tinjauan(tanggal), ("kepala_lpse", "pembina")),
    )
    for jenis, qs, peran in kelompok:
        for sop in qs.select_related("unit").order_by("tinjau_berikutnya", "pk"):
            with transaction.atomic():
                email = kirim_surel(
                    kepada=gabung(email_peran(*peran), email_koordinator(sop.unit_id)),
                    subjek=(
                        _("Tinjauan SOP %(kode)s jatuh tempo %(tgl)s")
                        if jenis == "segera"
                        else _("Tinjauan SOP %(kode)s terlambat sejak %(tgl)s")
                    )
                    % {"kode": sop.kode, "tgl": sop.tinjau_berikutnya.strftime("%d-%m-%Y")},
                    template="sop/email_pengingat_tinjauan",
                    konteks={"sop": sop, "jenis": jenis, "tautan": _tautan("sop:sop_detail", sop.pk)},
                    kunci=f"sop:tinjauan:{jenis}:{sop.pk}:{sop.tinjau_berikutnya.isoformat()}",
                )
            n += email is not None
    return n


def kirim_pengingat_persetujuan(tanggal: datetime.date | None = None) -> int:
    """Remind the Pembina of a submission waiting more than N working days (organisasi.kalender)."""
    tanggal = tanggal or timezone.localdate()
    batas = aturan.batas_hari_kerja_persetujuan()
    kalender = Kalender.dari_database()
    n = 0
    for versi in VersiSOP.objects.menunggu_pembina().select_related("sop"):
        diajukan = timezone.localdate(versi.diajukan_pada)
        menunggu = kalender.hari_kerja_antara(diajukan, tanggal)
        if menunggu <= batas:
            continue
        with transaction.atomic():
            email = kirim_surel(
                kepada=email_peran("pembina"),
                subjek=_("SOP %(kode)s v%(nomor)s menunggu persetujuan %(n)d hari kerja")
                % {"kode": versi.sop.kode, "nomor": versi.nomor, "n": menunggu},
                template="sop/email_pengingat_persetujuan",
                konteks={
                    "versi": versi,
                    "sop": versi.sop,
                    "menunggu": menunggu,
                    "batas": batas,
                    "tautan": _tautan("sop:versi_detail", versi.pk),
                },
                kunci=f"sop:persetujuan:{versi.pk}:{versi.diajukan_pada.isoformat()}",
            )
        n += email is not None
    return n


def kirim_pengingat_harian(tanggal: datetime.date | None = None) -> int:
    return kirim_pengingat_tinjauan(tanggal) + kirim_pengingat_persetujuan(tanggal)
