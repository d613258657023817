"""SOPs in Django admin: read-only records, and the Pembina's approval (an action and a button on
the change form) through the same service as the portal, `services.setujui_versi`."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lpse_portal.admin_mixins import HanyaBacaAdmin
from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from sop import aturan, services
from sop.forms import FormSetujui
from sop.models import SOP, Kategori, LangkahSOP, VersiSOP


@admin.register(Kategori)
class KategoriAdmin(admin.ModelAdmin):
    list_display = ["nama", "butir", "wajib", "urutan"]
    list_filter = ["wajib"]

    def get_readonly_fields(self, request, obj=None):
        # The six subjects of Lampiran VI stay mandatory: the coverage dashboard depends on it.
        if obj is not None and obj.wajib:
            return ["kode", "butir", "wajib"]
        return []

    def has_delete_permission(self, request, obj=None):
        # The six subjects of Lampiran VI stay; a category with SOPs is protected by the database.
        if obj is not None and obj.wajib:
            return False
        return super().has_delete_permission(request, obj)


class VersiInline(admin.TabularInline):
    model = VersiSOP
    fields = ["mayor", "minor", "status", "tanggal_berlaku", "disetujui_oleh"]
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SOP)
class SOPAdmin(HanyaBacaAdmin):
    """The register changes through the portal (events, scope checks); admin shows it."""

    list_display = ["kode", "judul", "kategori", "unit", "publik", "tinjau_berikutnya"]
    list_filter = ["kategori", "unit", "publik"]
    list_select_related = ["kategori", "unit"]
    search_fields = ["kode", "judul"]
    inlines = [VersiInline]


class LangkahInline(admin.TabularInline):
    model = LangkahSOP
    fields = ["urutan", "uraian", "pelaksana", "masukan", "keluaran", "waktu"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(VersiSOP)
class VersiSOPAdmin(HanyaBacaAdmin):
    """Versions are never edited in admin (an approved one never at all); the Pembina approves here."""

    list_display = ["__str__", "judul", "status", "diajukan_pada", "tanggal_berlaku", "nama_penyetuju"]
    list_filter = ["status", "sop__kategori"]
    list_select_related = ["sop"]
    search_fields = ["sop__kode", "judul"]
    exclude = ["berkas_ttd"]
    inlines = [LangkahInline]
    actions = ["setujui_terpilih"]
    change_form_template = "admin/sop/versisop/change_form.html"

    def has_setujui_permission(self, request):
        return aturan.boleh_setujui(request.user)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/setujui/",
                self.admin_site.admin_view(self.setujui_view),
                name="sop_versisop_setujui",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None and obj.status == VersiSOP.Status.DIAJUKAN and self.has_setujui_permission(request):
            extra_context["form_setujui"] = FormSetujui()
            extra_context["url_setujui"] = reverse("admin:sop_versisop_setujui", args=[obj.pk])
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=gettext_lazy("Setujui versi SOP terpilih (Pembina LPSE)"), permissions=["setujui"])
    def setujui_terpilih(self, request, queryset):
        form = FormSetujui(request.POST if "tanggal_berlaku" in request.POST else None)
        if form.is_bound and form.is_valid():
            disetujui = 0
            for versi in queryset.order_by("pk"):
                try:
                    services.setujui_versi(
                        versi_id=versi.pk,
                        tanggal_berlaku=form.cleaned_data["tanggal_berlaku"],
                        catatan=form.cleaned_data["catatan"],
                        oleh=request.user,
                        ip=client_ip(request),
                    )
                except TransisiTidakSah as e:
                    self.message_user(request, f"{versi}: {e}", messages.ERROR)
                else:
                    disetujui += 1
            if disetujui:
                self.message_user(request, _("%(n)d versi SOP disetujui.") % {"n": disetujui}, messages.SUCCESS)
            return None
        # First pass (or a bad date): ask for the effective date on an intermediate page.
        return TemplateResponse(
            request,
            "admin/sop/versisop/setujui_terpilih.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Setujui versi SOP"),
                "opts": self.model._meta,
                "form": form if form.is_bound else FormSetujui(),
                "queryset": queryset.select_related("sop"),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def setujui_view(self, request, object_id):
        """The change-form button. POST only; the service refuses anyone but the Pembina."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        versi = get_object_or_404(VersiSOP, pk=object_id)
        if not self.has_view_permission(request, versi):
            raise PermissionDenied
        form = FormSetujui(request.POST)
        if not form.is_valid():
            for galat in form.errors.values():
                self.message_user(request, " ".join(galat), messages.ERROR)
            return redirect("admin:sop_versisop_change", versi.pk)
        try:
            services.setujui_versi(
                versi_id=versi.pk,
                tanggal_berlaku=form.cleaned_data["tanggal_berlaku"],
                catatan=form.cleaned_data["catatan"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            self.message_user(request, str(e), messages.ERROR)
        else:
            self.message_user(request, _("%(v)s disetujui oleh Pembina LPSE.") % {"v": versi}, messages.SUCCESS)
        return redirect("admin:sop_versisop_change", versi.pk)
