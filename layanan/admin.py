from django.contrib import admin

from layanan.models import (
    Artikel,
    BalasanSiap,
    EskalasiLKPP,
    JawabanKepuasan,
    KategoriTiket,
    Masukan,
    Pelatihan,
    PesertaPelatihan,
    TargetSLA,
    Tiket,
)
from lpse_portal.admin_mixins import HanyaBacaAdmin


@admin.register(KategoriTiket)
class KategoriTiketAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "aktif", "urutan"]
    list_editable = ["aktif", "urutan"]


@admin.register(TargetSLA)
class TargetSLAAdmin(admin.ModelAdmin):
    list_display = ["__str__", "respons_jumlah", "respons_satuan", "selesai_jumlah", "selesai_satuan", "dasar"]
    list_filter = ["jenis"]
    list_select_related = ["kategori"]


@admin.register(BalasanSiap)
class BalasanSiapAdmin(admin.ModelAdmin):
    list_display = ["judul", "kategori", "aktif"]


@admin.register(Tiket)
class TiketAdmin(HanyaBacaAdmin):
    """Tickets change through the portal's workflow (events, SLA); admin only shows them."""

    list_display = ["nomor", "judul", "jenis", "kategori", "status", "created_at"]
    list_filter = ["status", "jenis", "kanal"]
    search_fields = ["nomor", "judul"]
    list_select_related = ["kategori"]
    exclude = ["token"]


@admin.register(EskalasiLKPP)
class EskalasiLKPPAdmin(HanyaBacaAdmin):
    list_display = ["tiket", "tujuan", "nomor_tiket_lkpp", "dikirim_pada", "dijawab_pada"]


@admin.register(JawabanKepuasan)
class JawabanKepuasanAdmin(HanyaBacaAdmin):
    list_display = ["tiket", "nilai", "petugas", "kategori", "created_at"]


@admin.register(Artikel)
class ArtikelAdmin(HanyaBacaAdmin):
    list_display = ["judul", "jenis", "kategori", "terbit", "updated_at"]


@admin.register(Pelatihan)
class PelatihanAdmin(HanyaBacaAdmin):
    list_display = ["judul", "sasaran", "mulai", "kapasitas", "terbit"]


@admin.register(PesertaPelatihan)
class PesertaPelatihanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "pelatihan", "status", "hadir_pada", "kode_sertifikat"]
    exclude = ["kode_hadir"]


@admin.register(Masukan)
class MasukanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "kategori", "pengirim", "status", "created_at"]
    list_filter = ["kategori", "status"]
