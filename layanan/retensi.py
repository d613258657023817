"""Retention rules of layanan (lpse_portal.retensi)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.retensi import Aturan


def samarkan_pelapor(batas) -> int:
    """Two years after a ticket was closed, the contact details of its requester are removed;
    the ticket itself stays for the statistics."""
    from layanan.models import Tiket

    ids = list(
        Tiket.objects.filter(status=Tiket.Status.DITUTUP, updated_at__lt=batas)
        .exclude(nama_pelapor="[dihapus]")
        .values_list("pk", flat=True)
    )
    for pk in ids:
        with transaction.atomic():
            tiket = Tiket.objects.select_for_update().get(pk=pk)
            tiket.nama_pelapor = "[dihapus]"
            tiket.email_pelapor = ""
            tiket.telepon_pelapor = ""
            tiket.pelapor = None
            tiket.save(update_fields=["nama_pelapor", "email_pelapor", "telepon_pelapor", "pelapor"])
            catat_peristiwa(tiket, oleh=None, aksi="samarkan_pelapor", catatan="Masa simpan data pelapor berakhir.")
    return len(ids)


ATURAN = [
    Aturan(
        "layanan.data_pelapor",
        2 * 365,
        samarkan_pelapor,
        _("Nama, e-mail dan telepon pelapor tiket yang sudah ditutup dihapus setelah dua tahun."),
    ),
]
