from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SistemConfig(AppConfig):
    name = "sistem"
    verbose_name = _("Administrasi Sistem Elektronik")
