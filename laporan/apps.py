from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = _("Laporan")

    def ready(self):
        # --- dasbor dan data terbuka ---
        from laporan import cache_dasbor

        cache_dasbor.pasang_sinyal()
        # --- akhir dasbor dan data terbuka ---
