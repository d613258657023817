from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    name = "organisasi"
    verbose_name = _("Organisasi LPSE")

    def ready(self):
        from organisasi import tautan_surat

        post_migrate.connect(_sinkron_grup, sender=self)
        tautan_surat.pasang_bawaan()


def _sinkron_grup(sender, using="default", **kwargs):
    # Permissions of apps migrated after this one do not exist yet: create them all first.
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from organisasi.peran import sinkron_grup
    from organisasi.struktur import pasang_data_awal

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    sinkron_grup()
    pasang_data_awal()
