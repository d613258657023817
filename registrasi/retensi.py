"""Retention rules of registrasi (lpse_portal.retensi)."""

import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.retensi import Aturan

log = logging.getLogger(__name__)


def hapus_draf_terbengkalai(batas) -> int:
    """A draft never submitted and untouched since `batas` is removed: its scans (KTP, NPWP,
    akta), the vendor record and the registration; the inactive account is anonymised (its
    events must keep pointing at it). Its NPWP, NIB and e-mail are free again."""
    from registrasi.models import Dokumen, Pendaftaran, Penyedia

    ids = list(
        Pendaftaran.objects.filter(
            status=Pendaftaran.Status.DRAF, diajukan_pertama_at__isnull=True, updated_at__lt=batas
        ).values_list("pk", flat=True)
    )
    jumlah = 0
    for pk in ids:
        with transaction.atomic():
            p = (
                Pendaftaran.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Pendaftaran.Status.DRAF)
                .first()
            )
            if p is None:
                continue
            penyedia = Penyedia.objects.select_for_update().get(pk=p.penyedia_id)
            user = penyedia.user
            berkas = list(Dokumen.objects.filter(penyedia=penyedia).values_list("berkas", flat=True))
            Dokumen.objects.filter(penyedia=penyedia).delete()
            catat_peristiwa(
                p, oleh=None, aksi="hapus_retensi", dari=p.status, ke="dihapus", catatan="Draf tidak diajukan."
            )
            p.delete()
            penyedia.delete()
            user.username = f"dihapus-{user.pk}"
            user.email = ""
            user.nama = ""
            user.is_active = False
            user.set_unusable_password()
            user.save()
            # Files go only when the rows are gone for good.
            transaction.on_commit(lambda nama=berkas: [default_storage.delete(n) for n in nama if n])
            jumlah += 1
    return jumlah


ATURAN = [
    Aturan(
        "registrasi.draf_terbengkalai",
        30,
        hapus_draf_terbengkalai,
        _("Draf pendaftaran yang tidak pernah diajukan: dokumen dan data penyedia dihapus setelah 30 hari."),
    ),
]
