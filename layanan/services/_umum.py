"""Small helpers the layanan services share."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def wajib_izin(oleh, izin: str) -> None:
    if oleh is None or not oleh.is_authenticated or not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def pengguna(oleh):
    """The acting user, or None for an anonymous requester."""
    return oleh if oleh is not None and getattr(oleh, "is_authenticated", False) else None


def email_koordinator_layanan() -> list[str]:
    """E-mail addresses of whoever holds the position koordinator-layanan today."""
    from organisasi.models import Penugasan

    hasil = []
    for p in Penugasan.objects.aktif().filter(jabatan__kode="koordinator-layanan").select_related("pegawai__user"):
        email = (p.pegawai.user.email if p.pegawai.user_id else "") or p.pegawai.email
        if email:
            hasil.append(email)
    return hasil
