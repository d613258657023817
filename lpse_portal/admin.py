from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from lpse_portal.models import AksesDataPribadi, EmailKeluar, Peristiwa, TugasKeluar


@admin.register(Peristiwa)
class PeristiwaAdmin(HanyaBacaAdmin):
    list_display = ["created_at", "rantai", "urutan", "aksi", "dari", "ke", "oleh", "ip"]
    list_filter = ["rantai", "aksi"]
    search_fields = ["catatan", "aksi"]
    list_select_related = ["oleh"]
    date_hierarchy = "created_at"


@admin.register(EmailKeluar)
class EmailKeluarAdmin(HanyaBacaAdmin):
    list_display = ["created_at", "subjek", "status", "percobaan", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subjek"]
    exclude = ["isi_html"]


@admin.register(TugasKeluar)
class TugasKeluarAdmin(HanyaBacaAdmin):
    list_display = ["created_at", "task", "dispatched_at", "percobaan"]
    list_filter = ["task"]


@admin.register(AksesDataPribadi)
class AksesDataPribadiAdmin(HanyaBacaAdmin):
    list_display = ["created_at", "pengguna", "jenis", "objek", "ip"]
    list_filter = ["jenis"]
    list_select_related = ["pengguna"]
    date_hierarchy = "created_at"
