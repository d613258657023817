"""Display helpers shared by every template: breadcrumbs, identifiers, statuses."""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import template

from lpse_portal import bidang, identitas
from lpse_portal.alamat import alamat
from lpse_portal.tanggal import format_tanggal

register = template.Library()


@register.inclusion_tag("includes/_breadcrumbs.html")
def jejak(*args):
    """{% jejak "Pegawai" url_pegawai "Nama" %}: label/url pairs; a last label alone is the current page."""
    trail = []
    items = list(args)
    while items:
        label = items.pop(0)
        url = items.pop(0) if items else ""
        trail.append((label, url))
    return {"trail": trail}


@register.filter
def nik(nilai):
    return identitas.format_nik(nilai or "")


@register.filter
def nip(nilai):
    return identitas.format_nip(nilai or "")


@register.filter
def npwp(nilai):
    return identitas.format_npwp(nilai or "")


@register.filter
def samarkan(nilai, tampak=4):
    return identitas.samarkan(nilai or "", int(tampak))


_WARNA = {
    "draf": "secondary",
    "baru": "primary",
    "diajukan": "primary",
    "diverifikasi": "info",
    "diproses": "info",
    "ditangani": "info",
    "perlu_perbaikan": "warning",
    "menunggu_pengguna": "warning",
    "eskalasi_lkpp": "warning",
    "dikembalikan": "warning",
    "penundaan": "warning",
    "disetujui": "success",
    "aktif": "success",
    "selesai": "success",
    "tayang": "danger",
    "ditolak": "danger",
    "dinonaktifkan": "danger",
    "gagal": "danger",
    "pembatalan": "secondary",
    "berakhir": "secondary",
    "ditutup": "secondary",
    "nonaktif": "secondary",
    "didisposisi": "info",
    "ditindaklanjuti": "info",
    "dinomori": "primary",
    "ditandatangani": "success",
    "dibatalkan": "secondary",
}


@register.filter
def warna_status(status):
    """Bootstrap colour of a workflow status, the same on every page."""
    return _WARNA.get(str(status), "secondary")


@register.filter
def bidang_saring(bound):
    """A filter-form field as crispy renders it, written directly where the widget is plain
    (lpse_portal/bidang.py): a list page pays ~3 ms less for its filter form."""
    hasil = bidang.render_bidang(bound) if bidang.bisa_cepat(bound) else None
    return as_crispy_field(bound) if hasil is None else hasil


@register.simple_tag(takes_context=True)
def menu_utama(context):
    """The role menu of includes/_nav.html, kept rendered (lpse_portal.navigasi.html_menu)."""
    from lpse_portal.navigasi import html_menu

    return html_menu(context["request"])


@register.filter(expects_localtime=True, is_safe=False)
def tanggal(nilai, fmt):
    """`|date:fmt`, the same text, several times faster (lpse_portal/tanggal.py)."""
    if nilai in (None, ""):
        return ""
    return format_tanggal(nilai, fmt)


@register.simple_tag
def tautan(nama, pk):
    """`{% url nama pk %}` for an object's page, reversed once per name (lpse_portal/alamat.py)."""
    return alamat(nama, pk)
