import os

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LpsePortalConfig(AppConfig):
    name = "lpse_portal"
    verbose_name = _("Portal LPSE")

    def ready(self):
        from django.conf import settings

        if settings.CELERY_BROKER_URL.startswith("filesystem"):
            # The filesystem transport does not create its folders itself.
            for key in ("data_folder_in", "data_folder_out", "processed_folder"):
                os.makedirs(settings.CELERY_BROKER_TRANSPORT_OPTIONS[key], exist_ok=True)
        post_migrate.connect(_pasang_jadwal, sender=self)


def _pasang_jadwal(sender, using="default", **kwargs):
    from lpse_portal.jadwal import pasang_jadwal_bawaan

    pasang_jadwal_bawaan()
