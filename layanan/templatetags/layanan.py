from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def durasi(nilai):
    """A working-time timedelta as "3 jam 20 menit"."""
    if nilai is None:
        return "—"
    menit = int(nilai.total_seconds() // 60)
    jam, menit = divmod(menit, 60)
    if jam and menit:
        return _("%(j)d jam %(m)d menit") % {"j": jam, "m": menit}
    if jam:
        return _("%(j)d jam") % {"j": jam}
    return _("%(m)d menit") % {"m": menit}


@register.filter
def persen(nilai):
    return f"{min(nilai, 9.99) * 100:.0f}%" if nilai is not None else ""
