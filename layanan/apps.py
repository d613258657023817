from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LayananConfig(AppConfig):
    name = "layanan"
    verbose_name = _("Layanan Dukungan")

    def ready(self):
        from layanan.angka import daftarkan_semua
        from layanan.models import TargetSLA, Tiket
        from lpse_portal.halaman_tersimpan import pantau_model

        post_migrate.connect(_pasang_bawaan, sender=self)
        pantau_model(TargetSLA)  # PenghitungSLA keeps the targets per process until one changes
        # The ticket queue's page count is kept until a ticket changes (lpse_portal/paginasi.py);
        # no count reads the ticket-article links.
        pantau_model(Tiket, tanpa_m2m=True)
        # The Sekretariat's programme reads ticket and training figures from here.
        daftarkan_semua()


def _pasang_bawaan(sender, **kwargs):
    from layanan.bawaan import pasang_data_awal

    pasang_data_awal()
