"""Rows of the verifikator queue and the vendor list, written in Python (lpse_portal/baris.py says why).

The page template keeps the table's frame, headings and the empty row; what one row shows
is here.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.alamat import alamat
from lpse_portal.baris import gabung, html, label_pilihan, tanggal
from lpse_portal.identitas import samarkan
from lpse_portal.templatetags.portal import warna_status
from registrasi.models import Pendaftaran, Penyedia


def antrean_verifikasi(daftar) -> list[str]:
    """Rows of registrasi/antrean.html: one Pendaftaran each, with lampirkan_ringkasan_dokumen's counts."""
    label = {
        "tz": timezone.get_current_timezone(),
        "status": label_pilihan(Pendaftaran, "status"),
        "hari": _("%(n)s hari"),
        "valid": _("valid"),
        "tidak_valid": _("tidak valid"),
        "bersih": html('<span class="text-muted small">{}</span>', _("bersih")),
        "temuan": (
            ("pra_daftar_hitam", html('<span class="badge text-bg-danger">{}</span>', _("daftar hitam"))),
            ("pra_duplikat", html('<span class="badge text-bg-warning">{}</span>', _("duplikat"))),
            ("pra_format", html('<span class="badge text-bg-warning">{}</span>', _("format"))),
        ),
    }
    return [_baris_antrean(p, label) for p in daftar]


def _baris_antrean(p, label) -> str:
    penyedia = p.penyedia
    masuk = ""
    if p.antre_sejak:
        masuk = html(
            '{}<div class="text-muted">{}</div>',
            tanggal(p.antre_sejak, "j M Y H.i", label["tz"]),
            label["hari"] % {"n": p.umur_hari},
        )
    dokumen = html("{}/{} {}", p.jumlah_valid, p.jumlah_dokumen, label["valid"])
    if p.jumlah_tidak_valid:
        dokumen = html(
            '{} · <span class="text-danger">{} {}</span>', dokumen, p.jumlah_tidak_valid, label["tidak_valid"]
        )
    temuan = [badge for kolom, badge in label["temuan"] if getattr(p, kolom)] or [label["bersih"]]
    status = html(
        '<span class="badge text-bg-{}">{}</span>', warna_status(p.status), label["status"].get(p.status, p.status)
    )
    if p.verifikator:
        status = html('{}<div class="small text-muted">{}</div>', status, p.verifikator)
    return html(
        '<tr><td class="text-nowrap small">{}</td>'
        '<td><a href="{}">{}</a><div class="small text-muted font-monospace">{} · NPWP {}</div></td>'
        '<td class="small">{}</td><td class="small">{}</td><td>{}</td><td>{}</td></tr>',
        masuk,
        alamat("registrasi:pendaftaran_detail", p.pk),
        penyedia.nama,
        penyedia.user.username,
        samarkan(penyedia.npwp or "", 4),
        penyedia.bentuk_usaha,
        dokumen,
        gabung(" ", temuan),
        status,
    )


def daftar_penyedia(daftar) -> list[str]:
    """Rows of registrasi/penyedia_list.html: vendors with their form of business, user and registration."""
    kedaluwarsa = html(' <span class="badge text-bg-warning">{}</span>', _("dokumen kedaluwarsa"))
    status_pendaftaran, status_penyedia = label_pilihan(Pendaftaran, "status"), label_pilihan(Penyedia, "status")
    baris = []
    for p in daftar:
        # A vendor without a registration row shows an empty grey badge, as the template did.
        pendaftaran = getattr(p, "pendaftaran", None)
        status = pendaftaran.status if pendaftaran else ""
        baris.append(
            html(
                '<tr><td><a href="{}">{}</a>{}</td><td class="font-monospace small">{}</td><td class="small">{}</td>'
                '<td class="font-monospace small">{}</td><td><span class="badge text-bg-{}">{}</span></td>'
                '<td><span class="badge text-bg-{}">{}</span></td></tr>',
                alamat("registrasi:penyedia_detail", p.pk),
                p.nama,
                kedaluwarsa if p.dokumen_kedaluwarsa else "",
                p.user.username,
                p.bentuk_usaha,
                samarkan(p.npwp or "", 4),
                warna_status(status),
                status_pendaftaran.get(status, status),
                warna_status(p.status),
                status_penyedia.get(p.status, p.status),
            )
        )
    return baris
