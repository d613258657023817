from django.contrib import admin

from laporan.models import ReportFile, ReportRun


class ReportFileInline(admin.TabularInline):
    model = ReportFile
    extra = 0
    can_delete = False
    fields = ["format", "nama", "ukuran", "sha256", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    """Read-only: a run is made by the schedule, "run now" or generate_report, never by hand.
    The schedules themselves are edited under Periodic tasks (django-celery-beat)."""

    list_display = ["pk", "jenis", "mulai", "sampai", "status", "pemicu", "oleh", "dibuat_at", "durasi_detik"]
    list_filter = ["jenis", "status", "pemicu"]
    inlines = [ReportFileInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
