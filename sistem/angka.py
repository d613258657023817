"""Figures the Sekretariat's programme reads automatically (organisasi.angka_otomatis).

Each counts in [mulai, sampai) by WITA date; `sampai` is the first day not counted.
"""

import datetime


def cadangan_terverifikasi(mulai: datetime.date, sampai: datetime.date) -> int:
    """Successful restore tests (verify_backup) in the period."""
    from sistem.models import BackupRun

    return BackupRun.objects.filter(
        jenis=BackupRun.Jenis.VERIFIKASI,
        status=BackupRun.Status.BERHASIL,
        started_at__date__gte=mulai,
        started_at__date__lt=sampai,
    ).count()


def insiden_ditangani(mulai: datetime.date, sampai: datetime.date) -> int:
    """Incidents closed (with an end time) in the period."""
    from sistem.models import Insiden

    return Insiden.objects.filter(selesai__date__gte=mulai, selesai__date__lt=sampai).count()


def daftarkan_semua() -> None:
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from organisasi.angka_otomatis import daftarkan
    from organisasi.tautan_surat import daftarkan as daftarkan_tautan

    daftarkan("sistem.cadangan_terverifikasi", cadangan_terverifikasi)
    daftarkan("sistem.insiden_ditangani", insiden_ditangani)
    # An LKPP instruction often arrives as a letter; an incident report may go out as one.
    daftarkan_tautan(
        "sistem.InstruksiLkpp",
        _("Instruksi teknis LKPP"),
        url=lambda o: reverse("sistem:instruksi_detail", args=[o.pk]),
    )
    daftarkan_tautan("sistem.Insiden", _("Insiden"), url=lambda o: reverse("sistem:insiden_detail", args=[o.pk]))
