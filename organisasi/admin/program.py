from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from organisasi.models import Kegiatan, ProgramKegiatan, Realisasi, Target


class KegiatanInline(admin.TabularInline):
    model = Kegiatan
    fields = ["kode", "nama", "unit", "pagu", "jadwal_mulai", "jadwal_selesai"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProgramKegiatan)
class ProgramKegiatanAdmin(HanyaBacaAdmin):
    """The programme changes in the portal (events, rules); admin only shows it."""

    list_display = ["tahun", "nama"]
    inlines = [KegiatanInline]


@admin.register(Target)
class TargetAdmin(HanyaBacaAdmin):
    list_display = ["indikator", "satuan", "kegiatan", "sumber_otomatis"]
    list_select_related = ["kegiatan"]
    list_filter = ["kegiatan__program"]


@admin.register(Realisasi)
class RealisasiAdmin(HanyaBacaAdmin):
    list_display = ["target", "triwulan", "nilai", "dicatat_oleh", "created_at"]
    list_select_related = ["target", "dicatat_oleh"]
    exclude = ["bukti"]
