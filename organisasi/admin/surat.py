from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from organisasi.models import Disposisi, KlasifikasiSurat, PenomoranSurat, SuratKeluar, SuratMasuk


@admin.register(KlasifikasiSurat)
class KlasifikasiSuratAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["kode", "nama"]

    def has_delete_permission(self, request, obj=None):
        return False  # letters keep their classification; retire a code with "aktif"


@admin.register(PenomoranSurat)
class PenomoranSuratAdmin(admin.ModelAdmin):
    """The numbering pattern is configuration; the counter is never edited by hand (a reset
    would hand out numbers again), and a row's year and classification stay as created."""

    list_display = ["tahun", "klasifikasi", "pola", "nomor_terakhir"]
    list_filter = ["tahun"]
    list_select_related = ["klasifikasi"]

    def get_readonly_fields(self, request, obj=None):
        return ["tahun", "klasifikasi", "nomor_terakhir"] if obj else ["nomor_terakhir"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SuratMasuk)
class SuratMasukAdmin(HanyaBacaAdmin):
    list_display = ["agenda", "nomor_surat", "pengirim", "perihal", "kerahasiaan", "status"]
    list_filter = ["status", "kerahasiaan", "tahun_agenda"]
    exclude = ["berkas"]

    def get_queryset(self, request):
        # Admin follows the portal's rule for confidential letters.
        return super().get_queryset(request).visible_to(request.user)


@admin.register(SuratKeluar)
class SuratKeluarAdmin(HanyaBacaAdmin):
    list_display = ["nomor", "tanggal_surat", "tujuan", "perihal", "kerahasiaan", "status"]
    list_filter = ["status", "kerahasiaan"]
    exclude = ["berkas_ttd"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


@admin.register(Disposisi)
class DisposisiAdmin(HanyaBacaAdmin):
    list_display = ["surat", "unit", "pegawai", "batas_waktu", "status"]
    list_filter = ["status"]
    list_select_related = ["surat", "unit", "pegawai"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(surat__in=SuratMasuk.objects.visible_to(request.user))
