"""Backups, incidents, assets and instructions change through the portal's services (events,
rules); admin shows them. The schedules (daily backup, weekly verification) are edited under
Periodic tasks of django-celery-beat."""

from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from sistem.models import Aset, BackupRun, Cadangan, Insiden, InstruksiLkpp, Pemeliharaan, TiketTerkait


@admin.register(BackupRun)
class BackupRunAdmin(HanyaBacaAdmin):
    list_display = ["started_at", "jenis", "status", "ukuran", "host", "cadangan"]
    list_filter = ["jenis", "status"]
    list_select_related = ["cadangan"]


@admin.register(Cadangan)
class CadanganAdmin(HanyaBacaAdmin):
    list_display = ["nama", "dibuat_at", "ukuran", "terverifikasi_at", "simpan", "dihapus_at"]
    list_filter = ["simpan", "terenkripsi"]


class TiketInline(admin.TabularInline):
    model = TiketTerkait
    extra = 0
    fields = ["nomor_tiket", "content_type", "object_id"]


@admin.register(Insiden)
class InsidenAdmin(HanyaBacaAdmin):
    list_display = ["judul", "layanan", "tingkat", "mulai", "selesai", "nomor_laporan_lkpp"]
    list_filter = ["layanan", "tingkat", "layanan_terhenti"]
    inlines = [TiketInline]


class PemeliharaanInline(admin.TabularInline):
    model = Pemeliharaan
    extra = 0


@admin.register(Aset)
class AsetAdmin(HanyaBacaAdmin):
    list_display = ["kode", "nama", "jenis", "status", "lokasi", "garansi_sampai"]
    list_filter = ["jenis", "status"]
    search_fields = ["kode", "nama"]
    inlines = [PemeliharaanInline]


@admin.register(InstruksiLkpp)
class InstruksiLkppAdmin(HanyaBacaAdmin):
    list_display = ["nomor", "perihal", "tanggal_diterima", "tenggat", "status"]
    list_filter = ["status"]
