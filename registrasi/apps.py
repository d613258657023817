from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class RegistrasiConfig(AppConfig):
    name = "registrasi"
    verbose_name = _("Registrasi dan Verifikasi")

    def ready(self):
        from django.contrib.auth import get_user_model

        from lpse_portal.halaman_tersimpan import pantau_model
        from registrasi.angka import daftarkan_semua
        from registrasi.models import Pendaftaran, Penyedia
        from registrasi.sinyal import jaga_user_id

        post_migrate.connect(_pasang_data_awal, sender=self)
        pre_save.connect(jaga_user_id, sender=get_user_model(), dispatch_uid="registrasi.jaga_user_id")
        # The Sekretariat's programme counts verified vendors and deactivated user IDs.
        daftarkan_semua()
        # The queue's and the vendor list's page counts are kept until a row changes
        # (lpse_portal/paginasi.py).
        pantau_model(Pendaftaran)
        pantau_model(Penyedia)


def _pasang_data_awal(sender, using="default", **kwargs):
    from registrasi.bawaan import pasang_data_awal

    pasang_data_awal()
