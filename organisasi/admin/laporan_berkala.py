from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from organisasi.models import AturanLaporanBerkala, LaporanBerkala, PengingatLaporanBerkala


@admin.register(AturanLaporanBerkala)
class AturanLaporanBerkalaAdmin(admin.ModelAdmin):
    """The one reporting rule: edited, never added twice or deleted (the code falls back to
    its default when the row is missing)."""

    list_display = ["jenis_periode", "tenggat_hari_kerja", "wajib_mulai", "updated_at"]

    def has_add_permission(self, request):
        return not AturanLaporanBerkala.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.pk = 1
        super().save_model(request, obj, form, change)


@admin.register(LaporanBerkala)
class LaporanBerkalaAdmin(HanyaBacaAdmin):
    """Reports are written and reviewed in the portal, where the rules are checked."""

    list_display = ["pegawai", "jabatan", "periode_mulai", "status", "pertama_diajukan_at", "ditinjau_oleh"]
    list_filter = ["status", "jenis_periode", "jabatan__unit"]
    list_select_related = ["pegawai", "jabatan", "ditinjau_oleh"]
    exclude = ["lampiran"]


@admin.register(PengingatLaporanBerkala)
class PengingatLaporanBerkalaAdmin(HanyaBacaAdmin):
    list_display = ["pegawai", "jabatan", "periode_mulai", "tanggal"]
    list_select_related = ["pegawai", "jabatan"]
