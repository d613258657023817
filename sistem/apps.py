from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SistemConfig(AppConfig):
    name = "sistem"
    verbose_name = _("Administrasi Sistem Elektronik")

    def ready(self):
        from sistem.angka import daftarkan_semua

        # The Sekretariat's programme reads verified backups and handled incidents from here.
        daftarkan_semua()
