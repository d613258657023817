from django.contrib import admin


class HanyaBacaAdmin(admin.ModelAdmin):
    """Records written only by services: visible in admin, never edited there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
