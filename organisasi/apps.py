from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    name = "organisasi"
    verbose_name = _("Organisasi LPSE")

    def ready(self):
        from lpse_portal.halaman_tersimpan import pantau_model
        from organisasi import tautan_surat
        from organisasi.models import HariLibur, JamKerja

        post_migrate.connect(_sinkron_grup, sender=self)
        tautan_surat.pasang_bawaan()
        # Kalender.dari_database() is kept per process until one of these changes.
        pantau_model(JamKerja)
        pantau_model(HariLibur)


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
