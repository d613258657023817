"""Figures the Sekretariat's programme reads automatically (organisasi.angka_otomatis), and
the kinds of registrasi objects a letter may concern (organisasi.tautan_surat).

Each figure counts in [mulai, sampai) by WITA date; `sampai` is the first day not counted.
"""

import datetime


def penyedia_diverifikasi(mulai: datetime.date, sampai: datetime.date) -> int:
    """Registrations approved in the period (Pergub Lampiran II.5.b.5)."""
    from registrasi.models import Pendaftaran

    return Pendaftaran.objects.filter(
        status=Pendaftaran.Status.DISETUJUI, diputuskan_at__date__gte=mulai, diputuskan_at__date__lt=sampai
    ).count()


def user_id_dinonaktifkan(mulai: datetime.date, sampai: datetime.date) -> int:
    """User IDs deactivated in the period (read from the vendors' event chain)."""
    from django.contrib.contenttypes.models import ContentType

    from lpse_portal.models import Peristiwa
    from registrasi.models import Penyedia

    return (
        Peristiwa.objects.filter(
            content_type=ContentType.objects.get_for_model(Penyedia),
            ke=Penyedia.Status.DINONAKTIFKAN,
            created_at__date__gte=mulai,
            created_at__date__lt=sampai,
        )
        .values("object_id")
        .distinct()
        .count()
    )


def daftarkan_semua() -> None:
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from organisasi.angka_otomatis import daftarkan
    from organisasi.tautan_surat import daftarkan as daftarkan_tautan

    daftarkan("registrasi.penyedia_diverifikasi", penyedia_diverifikasi)
    daftarkan("registrasi.user_id_dinonaktifkan", user_id_dinonaktifkan)
    # A PA/KPA/PPK's deactivation request often arrives as a letter too.
    daftarkan_tautan(
        "registrasi.PermintaanPenonaktifan",
        _("Permintaan penonaktifan User ID"),
        url=lambda o: reverse("registrasi:penonaktifan_detail", args=[o.pk]),
    )
