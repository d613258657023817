from django import template
from django.utils.translation import gettext as _

from lpse_portal.baris import html
from lpse_portal.tanggal import format_tanggal

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


@register.filter
def lencana_sla(sla):
    """The SLA badge of a ticket: colour, and the deadline of the clock that matters now or
    how it ended. Written here rather than included per row: the queue shows 25 of them."""
    if sla is None or not sla.ada:
        return html('<span class="text-muted small">{}</span>', _("tanpa SLA"))
    j = sla.jam_berikut
    if j.berjalan and j.tenggat:
        isi = format_tanggal(j.tenggat, "j M H.i")
    elif j.berhenti:
        isi = _("terlambat") if j.dilanggar else _("terpenuhi")
    else:
        isi = _("terlambat") if j.dilanggar else _("dijeda")
    return html('<span class="badge text-bg-{}" title="{}">{}</span>', sla.warna_bootstrap, sla.label, isi)
