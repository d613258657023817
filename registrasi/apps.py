from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrasiConfig(AppConfig):
    name = "registrasi"
    verbose_name = _("Registrasi dan Verifikasi")
