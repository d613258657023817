"""Rules that must hold however a row is saved (portal, admin or shell)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def jaga_user_id(sender, instance, raw=False, update_fields=None, **kwargs):
    """The user ID chosen at registration never changes after approval (SPSE practice)."""
    if raw or not instance.pk or (update_fields is not None and "username" not in update_fields):
        return
    lama = sender.objects.filter(pk=instance.pk).values_list("username", flat=True).first()
    if lama is None or lama == instance.username:
        return
    from registrasi.models import PejabatPengadaan, Penyedia

    disetujui = (
        Penyedia.objects.filter(user_id=instance.pk).exclude(status=Penyedia.Status.NONAKTIF).exists()
        or PejabatPengadaan.objects.filter(user_id=instance.pk).exists()
    )
    if disetujui:
        raise ValidationError(_("User ID yang sudah disetujui tidak dapat diubah."))
