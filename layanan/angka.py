"""Figures the Sekretariat's programme reads automatically (organisasi.angka_otomatis).

Each counts in [mulai, sampai) by WITA date; `sampai` is the first day not counted.
"""

import datetime

from django.contrib.contenttypes.models import ContentType

from lpse_portal.models import Peristiwa


def _rentang(mulai: datetime.date, sampai: datetime.date) -> dict:
    return {"created_at__date__gte": mulai, "created_at__date__lt": sampai}


def tiket_selesai(mulai: datetime.date, sampai: datetime.date) -> int:
    """Tickets that reached `selesai` in the period (read from their events, counted once)."""
    from layanan.models import Tiket

    ct = ContentType.objects.get_for_model(Tiket)
    return (
        Peristiwa.objects.filter(content_type=ct, ke=Tiket.Status.SELESAI, **_rentang(mulai, sampai))
        .values("object_id")
        .distinct()
        .count()
    )


def pelatihan_terselenggara(mulai: datetime.date, sampai: datetime.date) -> int:
    from layanan.models import Pelatihan

    return (
        Pelatihan.objects.filter(mulai__date__gte=mulai, mulai__date__lt=sampai, peserta__hadir_pada__isnull=False)
        .distinct()
        .count()
    )


def peserta_pelatihan(mulai: datetime.date, sampai: datetime.date) -> int:
    from layanan.models import PesertaPelatihan

    return PesertaPelatihan.objects.filter(hadir_pada__date__gte=mulai, hadir_pada__date__lt=sampai).count()


def daftarkan_semua() -> None:
    from organisasi.angka_otomatis import daftarkan

    daftarkan("layanan.tiket_selesai", tiket_selesai)
    daftarkan("layanan.pelatihan_terselenggara", pelatihan_terselenggara)
    daftarkan("layanan.peserta_pelatihan", peserta_pelatihan)
