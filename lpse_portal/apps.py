import os

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LpsePortalConfig(AppConfig):
    default = True
    name = "lpse_portal"
    verbose_name = _("Portal LPSE")

    def ready(self):
        from django.conf import settings

        if settings.CELERY_BROKER_URL.startswith("filesystem"):
            # The filesystem transport does not create its folders itself.
            for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
                os.makedirs(settings.CELERY_BROKER_TRANSPORT_OPTIONS[key], exist_ok=True)
        post_migrate.connect(_pasang_jadwal, sender=self)

        from lpse_portal import izin  # noqa: F401  (its signal receivers forget cached permissions)
        from lpse_portal.pilihan import percepat_tampilan_pilihan

        percepat_tampilan_pilihan()


def _pasang_jadwal(sender, using="default", **kwargs):
    from lpse_portal.jadwal import pasang_jadwal_bawaan

    pasang_jadwal_bawaan()


class AdminPortalConfig(admin_apps.AdminConfig):
    """Django admin with the portal's site class (second factor required)."""

    default = False
    default_site = "lpse_portal.admin_site.SitusAdmin"
