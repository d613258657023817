from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SopConfig(AppConfig):
    name = "sop"
    verbose_name = _("Standar Operasional Prosedur")

    def ready(self):
        post_migrate.connect(_pasang_kategori, sender=self)


def _pasang_kategori(sender, using="default", **kwargs):
    from lpse_portal.bawaan import pasang_sekali
    from sop.kategori import pasang_kategori_wajib

    pasang_sekali("sop.kategori_wajib", pasang_kategori_wajib)
