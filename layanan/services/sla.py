"""The periodic SLA check: flag each breached clock once and tell the unit coordinator."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from layanan.models import Tiket
from layanan.services._umum import email_koordinator_layanan
from layanan.sla import PenghitungSLA
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel

AKSI = "sla_dilanggar"
NAMA_JAM = {"respons": _("respons pertama"), "selesai": _("penyelesaian")}


def periksa_pelanggaran_sla(sekarang: datetime.datetime | None = None) -> int:
    """Flag breaches of first-response and resolution targets (issue 5, Pergub Lampiran II.6)
    with a `sla_dilanggar` event per clock and e-mail the holder of koordinator-layanan.

    Safe to run twice: a clock already flagged is skipped, and the e-mail has an idempotency key.
    The flag is an event, not a counter: the SLA state itself is always recomputed.
    """
    penghitung = PenghitungSLA(sekarang=sekarang or timezone.now())
    kepada = email_koordinator_layanan()
    baru = 0
    for tiket in Tiket.objects.terbuka().select_related("kategori").prefetch_related("peristiwa").iterator(2000):
        keadaan = penghitung.untuk(tiket)
        sudah = {p.data.get("jam") for p in tiket.peristiwa.all() if p.aksi == AKSI}
        for nama, jam in (("respons", keadaan.respons), ("selesai", keadaan.selesai)):
            if jam is None or not jam.dilanggar or nama in sudah:
                continue
            with transaction.atomic():
                terkunci = Tiket.objects.select_for_update().get(pk=tiket.pk)
                if terkunci.peristiwa.filter(aksi=AKSI, data__jam=nama).exists():
                    continue
                catat_peristiwa(
                    terkunci,
                    oleh=None,
                    aksi=AKSI,
                    catatan=_("Tenggat %(jam)s terlewati.") % {"jam": NAMA_JAM[nama]},
                    data={"jam": nama, "terpakai_menit": int(jam.terpakai.total_seconds() // 60)},
                )
                if kepada:
                    kirim_surel(
                        kepada=kepada,
                        subjek=_("Tenggat %(jam)s tiket %(nomor)s terlewati")
                        % {"jam": NAMA_JAM[nama], "nomor": tiket.nomor},
                        template="layanan/email/sla_dilanggar",
                        konteks={
                            "tiket": tiket,
                            "jam": NAMA_JAM[nama],
                            "keadaan": jam,
                            "tautan": settings.SITE_URL + reverse("layanan:tiket_detail", args=[tiket.pk]),
                        },
                        kunci=f"layanan:sla:{tiket.pk}:{nama}",
                    )
            baru += 1
    return baru
