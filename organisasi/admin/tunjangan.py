from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from organisasi.models import DaftarTunjangan, DasarHukum, RincianTunjangan, TarifTunjangan


@admin.register(DasarHukum)
class DasarHukumAdmin(HanyaBacaAdmin):
    list_display = ["jenis", "nomor", "tanggal", "tentang"]
    exclude = ["berkas"]


@admin.register(TarifTunjangan)
class TarifTunjanganAdmin(HanyaBacaAdmin):
    """Rates are recorded in the portal, where overlaps and a missing legal basis are refused."""

    list_display = ["jabatan", "jenis", "besaran", "berlaku_mulai", "berlaku_sampai", "dasar_hukum"]
    list_select_related = ["jabatan", "dasar_hukum"]


class RincianInline(admin.TabularInline):
    model = RincianTunjangan
    fields = ["nama", "jabatan", "besaran", "hari", "hari_bulan", "jumlah"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DaftarTunjangan)
class DaftarTunjanganAdmin(HanyaBacaAdmin):
    list_display = ["periode", "status", "total", "disetujui_oleh", "disetujui_at"]
    list_filter = ["status", "tahun"]
    inlines = [RincianInline]
