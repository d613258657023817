from django.contrib import admin

from lpse_portal.admin_mixins import HanyaBacaAdmin
from registrasi.models import (
    AlasanTidakValid,
    BentukUsaha,
    Dokumen,
    JenisDokumen,
    JenisPelanggaran,
    PejabatPengadaan,
    Pendaftaran,
    Penyedia,
    PerangkatDaerah,
    PermintaanPenonaktifan,
    PermintaanPerubahan,
    PermohonanPejabat,
    Persyaratan,
    PutusanPengadilan,
    SanksiDaftarHitam,
)


class PersyaratanInline(admin.TabularInline):
    model = Persyaratan
    extra = 0
    autocomplete_fields = ["jenis"]


@admin.register(BentukUsaha)
class BentukUsahaAdmin(admin.ModelAdmin):
    """The requirements per form of business are configured here (Lampiran II.5.b.2)."""

    list_display = ["nama", "kode", "perorangan", "aktif", "urutan"]
    inlines = [PersyaratanInline]


@admin.register(JenisDokumen)
class JenisDokumenAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "minta_nomor", "minta_masa_berlaku", "maks_mb", "jenis_berkas", "urutan"]
    search_fields = ["nama", "kode"]


@admin.register(Persyaratan)
class PersyaratanAdmin(admin.ModelAdmin):
    list_display = ["bentuk_usaha", "jenis", "wajib", "berlaku"]
    list_filter = ["bentuk_usaha", "wajib"]
    list_select_related = ["bentuk_usaha", "jenis"]


@admin.register(AlasanTidakValid)
class AlasanTidakValidAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "aktif", "urutan"]


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ["nama", "singkatan", "kode", "aktif"]
    search_fields = ["nama", "singkatan"]


# Vendors, registrations and documents change only through the portal's services (events,
# checks, e-mails); admin shows them read-only and never shows a NIK.
@admin.register(Penyedia)
class PenyediaAdmin(HanyaBacaAdmin):
    list_display = ["nama", "bentuk_usaha", "status", "ditolak", "dokumen_kedaluwarsa", "created_at"]
    list_filter = ["status", "bentuk_usaha", "ditolak"]
    search_fields = ["nama", "user__username"]
    list_select_related = ["bentuk_usaha"]
    exclude = ["pj_nik", "npwp"]


@admin.register(Pendaftaran)
class PendaftaranAdmin(HanyaBacaAdmin):
    list_display = ["penyedia", "status", "verifikator", "antre_sejak", "diputuskan_at"]
    list_filter = ["status"]
    list_select_related = ["penyedia", "verifikator"]


@admin.register(Dokumen)
class DokumenAdmin(HanyaBacaAdmin):
    list_display = ["penyedia", "jenis", "versi", "keadaan", "hasil", "berlaku_sampai", "created_at"]
    list_filter = ["keadaan", "hasil", "jenis"]
    list_select_related = ["penyedia", "jenis"]
    exclude = ["berkas"]


@admin.register(PermintaanPerubahan)
class PermintaanPerubahanAdmin(HanyaBacaAdmin):
    list_display = ["penyedia", "status", "created_at", "diputuskan_at"]
    list_filter = ["status"]
    exclude = ["npwp_baru"]


@admin.register(PejabatPengadaan)
class PejabatPengadaanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "sub_peran", "perangkat_daerah", "user"]
    list_filter = ["sub_peran", "perangkat_daerah"]
    list_select_related = ["perangkat_daerah", "user"]


@admin.register(PermohonanPejabat)
class PermohonanPejabatAdmin(HanyaBacaAdmin):
    list_display = ["nama", "sub_peran", "perangkat_daerah", "status", "tenggat", "created_at"]
    list_filter = ["status", "sub_peran"]
    exclude = ["berkas_sk"]


# --- blacklist -------------------------------------------------------------------------------------------


@admin.register(JenisPelanggaran)
class JenisPelanggaranAdmin(admin.ModelAdmin):
    """The violation list with legal basis and default duration is data (Perpres 12/2021 Pasal 78)."""

    list_display = ["nama", "dasar_hukum", "durasi_bulan", "aktif", "urutan"]


class PutusanInline(admin.TabularInline):
    model = PutusanPengadilan
    extra = 0
    exclude = ["berkas"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SanksiDaftarHitam)
class SanksiDaftarHitamAdmin(HanyaBacaAdmin):
    """Sanctions change only through the portal: every change is a chained event."""

    list_display = ["nama_penyedia", "nomor_sk", "jenis_pelanggaran", "mulai", "selesai", "status"]
    list_filter = ["status", "jenis_pelanggaran"]
    search_fields = ["nama_penyedia", "nomor_sk"]
    list_select_related = ["jenis_pelanggaran"]
    exclude = ["npwp"]
    inlines = [PutusanInline]


@admin.register(PermintaanPenonaktifan)
class PermintaanPenonaktifanAdmin(HanyaBacaAdmin):
    list_display = ["nama_penyedia", "nomor_sk", "pemohon", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["pemohon"]
    exclude = ["npwp"]
