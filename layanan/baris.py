"""Rows of the staff ticket queue, written in Python (lpse_portal/baris.py says why).

The page template keeps the table's frame, headings and the empty row; what one row shows
is here.
"""

from django.utils import timezone
from django.utils.text import Truncator

from layanan.models import Tiket
from layanan.templatetags.layanan import lencana_sla
from lpse_portal.alamat import alamat
from lpse_portal.baris import html, label_pilihan, tanggal
from lpse_portal.templatetags.portal import warna_status


def antrean_tiket(tiket_list) -> list[str]:
    """Rows of layanan/tiket_list.html: tickets with `.sla` attached (PenghitungSLA.pasang)."""
    tz = timezone.get_current_timezone()
    jenis, kanal, status = (label_pilihan(Tiket, f) for f in ("jenis", "kanal", "status"))
    return [
        html(
            '<tr data-sla="{}"><td class="font-monospace"><a href="{}">{}</a></td><td>{}</td>'
            '<td class="small">{}<br><span class="text-muted">{}</span></td>'
            '<td class="small">{}<br><span class="text-muted">{} · {}</span></td>'
            '<td><span class="badge text-bg-{}">{}</span></td><td class="small">{}</td><td>{}</td></tr>',
            t.sla.warna if t.sla else "",
            alamat("layanan:tiket_detail", t.pk),
            t.nomor,
            Truncator(t.judul).chars(60),
            jenis.get(t.jenis, t.jenis),
            t.kategori,
            t.nama_pelapor,
            kanal.get(t.kanal, t.kanal),
            tanggal(t.created_at, "j M H.i", tz),
            warna_status(t.status),
            status.get(t.status, t.status),
            t.ditangani_oleh or "—",
            lencana_sla(t.sla),
        )
        for t in tiket_list
    ]
