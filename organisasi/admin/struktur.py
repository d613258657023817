from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from lpse_portal.admin_mixins import HanyaBacaAdmin
from organisasi.models import (
    HariLibur,
    Jabatan,
    JamKerja,
    Kualifikasi,
    Pegawai,
    Penugasan,
    RiwayatPendidikan,
    Unit,
    User,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "nama", "email", "is_active", "is_staff", "last_login"]
    search_fields = ["username", "nama", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Data pribadi"), {"fields": ["nama", "email", "telepon"]}),
        (_("Hak akses"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Waktu"), {"fields": ["last_login", "date_joined"]}),
    ]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "peran", "urutan"]


@admin.register(Jabatan)
class JabatanAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "unit", "atasan"]
    list_filter = ["jenis", "unit"]
    list_select_related = ["unit", "atasan"]


class KualifikasiInline(admin.TabularInline):
    model = Kualifikasi
    extra = 0


class RiwayatInline(admin.TabularInline):
    model = RiwayatPendidikan
    extra = 0


@admin.register(Pegawai)
class PegawaiAdmin(HanyaBacaAdmin):
    """Staff records change through the portal (events, validation); admin only shows them."""

    list_display = ["nama", "status_kepegawaian", "user"]
    search_fields = ["nama"]
    exclude = ["nik"]
    inlines = [KualifikasiInline, RiwayatInline]


@admin.register(Penugasan)
class PenugasanAdmin(HanyaBacaAdmin):
    list_display = ["pegawai", "jabatan", "nomor_sk", "tmt_mulai", "tmt_selesai"]
    list_filter = ["jabatan__jenis", "jabatan__unit"]
    list_select_related = ["pegawai", "jabatan"]


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "nama", "jenis"]
    list_filter = ["jenis"]
    date_hierarchy = "tanggal"


@admin.register(JamKerja)
class JamKerjaAdmin(admin.ModelAdmin):
    list_display = ["hari", "mulai", "selesai"]
