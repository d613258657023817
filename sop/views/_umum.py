"""Scope helpers of the SOP views: 404 outside what the user may see."""

from django.shortcuts import get_object_or_404

from sop.models import SOP, VersiSOP


def get_sop_for_user(user, pk) -> SOP:
    return get_object_or_404(SOP.objects.visible_to(user).select_related("kategori", "unit"), pk=pk)


def get_versi_for_user(user, pk) -> VersiSOP:
    return get_object_or_404(
        VersiSOP.objects.visible_to(user).select_related(
            "sop__kategori", "sop__unit", "disusun_oleh", "ditinjau_oleh", "disetujui_oleh"
        ),
        pk=pk,
    )
