"""Validity of documents in force: reminders 60, 30 and 15 days before the expiry date, and a
flag on the vendor once a document has expired (daily job; safe to run twice)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from registrasi.models import Dokumen, Penyedia

PENGINGAT_HARI = (15, 30, 60)
_DIPANTAU = (Penyedia.Status.AKTIF, Penyedia.Status.DINONAKTIFKAN)


def periksa_masa_berlaku_harian(tanggal: datetime.date | None = None) -> dict:
    """Send each reminder once (idempotent e-mail keys) and set or clear the expiry flag."""
    hari_ini = tanggal or timezone.localdate()
    hasil = {"pengingat": 0, "kedaluwarsa": 0, "pulih": 0}
    batas = hari_ini + datetime.timedelta(days=max(PENGINGAT_HARI))
    dokumen = (
        Dokumen.objects.berlaku()
        .filter(berlaku_sampai__isnull=False, berlaku_sampai__lte=batas, penyedia__status__in=_DIPANTAU)
        .select_related("penyedia__user", "jenis")
        .order_by("pk")
    )
    for dok in dokumen.iterator(chunk_size=500):
        sisa = (dok.berlaku_sampai - hari_ini).days
        if sisa < 0:
            continue
        # Only the nearest reminder: a document first seen 10 days before expiry gets one e-mail.
        tingkat = min(t for t in PENGINGAT_HARI if sisa <= t)
        with transaction.atomic():
            terkirim = kirim_surel(
                kepada=dok.penyedia.email,
                subjek=f"[{dok.penyedia.user.username}] " + _("Dokumen Akan Habis Masa Berlakunya"),
                template="registrasi/email/masa_berlaku",
                konteks={"dokumen": dok, "penyedia": dok.penyedia, "sisa": sisa},
                kunci=f"registrasi:masa-berlaku:{dok.pk}:{tingkat}",
            )
        hasil["pengingat"] += terkirim is not None
    kedaluwarsa = set(
        Dokumen.objects.berlaku()
        .filter(berlaku_sampai__lt=hari_ini, penyedia__status__in=_DIPANTAU)
        .values_list("penyedia_id", flat=True)
    )
    for penyedia_id in sorted(kedaluwarsa):
        hasil["kedaluwarsa"] += _tandai(penyedia_id, True, hari_ini)
    for penyedia_id in (
        Penyedia.objects.filter(dokumen_kedaluwarsa=True).exclude(pk__in=kedaluwarsa).values_list("pk", flat=True)
    ):
        hasil["pulih"] += _tandai(penyedia_id, False, hari_ini)
    return hasil


def _tandai(penyedia_id: int, kedaluwarsa: bool, hari_ini: datetime.date) -> bool:
    with transaction.atomic():
        penyedia = Penyedia.objects.select_for_update(of=("self",)).select_related("user").get(pk=penyedia_id)
        if penyedia.dokumen_kedaluwarsa == kedaluwarsa:
            return False
        penyedia.dokumen_kedaluwarsa = kedaluwarsa
        penyedia.save(update_fields=["dokumen_kedaluwarsa", "updated_at"])
        daftar = list(penyedia.dokumen.berlaku().filter(berlaku_sampai__lt=hari_ini).select_related("jenis"))
        catat_peristiwa(
            penyedia,
            oleh=None,
            aksi="dokumen_kedaluwarsa" if kedaluwarsa else "dokumen_diperbarui",
            data={"dokumen": [d.jenis.kode for d in daftar]},
        )
        if kedaluwarsa:
            kirim_surel(
                kepada=penyedia.email,
                subjek=f"[{penyedia.user.username}] " + _("Dokumen Kedaluwarsa"),
                template="registrasi/email/kedaluwarsa",
                konteks={"penyedia": penyedia, "dokumen_list": daftar},
                kunci=f"registrasi:kedaluwarsa:{penyedia.pk}:{hari_ini:%Y%m%d}",
            )
    return True
