from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SopConfig(AppConfig):
    name = "sop"
    verbose_name = _("Standar Operasional Prosedur")

    def ready(self):
        from django.urls import reverse

        from organisasi.angka_otomatis import daftarkan
        from organisasi.tautan_surat import daftarkan as daftarkan_tautan

        post_migrate.connect(_pasang_kategori, sender=self)
        # The programme counts approved SOP versions; a letter may concern an SOP.
        daftarkan("sop.sop_disetujui", _versi_disetujui)
        daftarkan_tautan("sop.SOP", _("SOP"), url=lambda sop: reverse("sop:sop_detail", args=[sop.pk]))


def _pasang_kategori(sender, using="default", **kwargs):
    from lpse_portal.bawaan import pasang_sekali
    from sop.kategori import pasang_kategori_wajib

    pasang_sekali("sop.kategori_wajib", pasang_kategori_wajib)


def _versi_disetujui(mulai, sampai) -> int:
    from sop.models import VersiSOP

    return VersiSOP.objects.filter(disetujui_pada__date__gte=mulai, disetujui_pada__date__lt=sampai).count()
