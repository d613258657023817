"""Rows of the SOP register, written in Python (lpse_portal/baris.py says why).

The page template keeps the table's frame, headings and the empty row; what one row shows
is here.
"""

from django.utils.translation import gettext as _

from lpse_portal.alamat import alamat
from lpse_portal.baris import html, label_pilihan, tanggal
from sop.models import VersiSOP
from sop.templatetags.sop_tampilan import warna_versi

_TANPA = html('<span class="text-muted">{}</span>', "—")


def register_sop(daftar, *, lihat_proses: bool, hari_ini) -> list[str]:
    """Rows of sop/sop_list.html; `lihat_proses` adds the column of the version in progress."""
    publik = html(' <i class="bi bi-globe2 text-muted" title="{}" aria-label="{}"></i>', _("Publik"), _("Publik"))
    terlambat = html(' <span class="badge text-bg-danger">{}</span>', _("terlambat"))
    status = label_pilihan(VersiSOP, "status")
    baris = []
    for sop in daftar:
        v, t = sop.versi_berlaku, sop.versi_tertunda
        berlaku = _TANPA
        if v:
            berlaku = html(
                '{} <span class="small text-muted">({})</span>', v.nomor, tanggal(v.tanggal_berlaku, "j M Y")
            )
        proses = ""
        if lihat_proses:
            proses = html(
                "<td>{}</td>",
                html(
                    '<a href="{}">{}</a> <span class="badge text-bg-{}">{}</span>',
                    alamat("sop:versi_detail", t.pk),
                    t.nomor,
                    warna_versi(t.status),
                    status.get(t.status, t.status),
                )
                if t
                else "",
            )
        tinjau = sop.tinjau_berikutnya
        baris.append(
            html(
                '<tr><td class="text-nowrap"><a href="{}">{}</a>{}</td><td>{}</td><td class="small">{}</td>'
                '<td class="small">{}</td><td>{}</td>{}<td class="text-nowrap">{}{}</td></tr>',
                alamat("sop:sop_detail", sop.pk),
                sop.kode,
                publik if sop.publik else "",
                sop.judul,
                sop.kategori.nama,
                sop.unit.nama,
                berlaku,
                proses,
                tanggal(tinjau, "j M Y") or "—",
                terlambat if tinjau and tinjau < hari_ini else "",
            )
        )
    return baris
