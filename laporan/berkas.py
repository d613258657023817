"""The files of a periodic report: CSV, XLSX (openpyxl write-only) and PDF (WeasyPrint,
PDF/A-3b with the XLSX embedded).

Same tables in, same bytes out: nothing here reads the clock. Every date stamped into a file
(XLSX properties and zip entries, PDF metadata, the embedded file's dates) is the period's
end, so a rerun of a closed period gives byte-identical files (tests/test_laporan.py checks
the CSV, and the XLSX and PDF too while the WeasyPrint and openpyxl versions stay the same).
"""

import csv
import datetime
import io
import re
import zipfile
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from laporan.periode import Periode
from laporan.statistik import Tabel

BARIS_PER_POTONGAN = 40  # PDF tables are laid out in chunks: a long table never becomes one huge box


def _nilai(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.1f}"
    return str(v)


def kepala(periode: Periode) -> list[list[str]]:
    from laporan.models import ReportRun

    return [
        [_("Laporan periodik %(situs)s") % {"situs": settings.SITE_NAME}],
        [_("Jenis"), str(ReportRun.Jenis(periode.jenis).label)],
        [_("Periode"), periode.label, periode.mulai.isoformat(), periode.sampai.isoformat()],
        [_("Zona waktu"), "WITA (Asia/Makassar)"],
    ]


def tulis_csv(tabel_list: list[Tabel], periode: Periode, tujuan: Path) -> None:
    with translation.override("id"), open(tujuan, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for baris in kepala(periode):
            w.writerow(baris)
        for t in tabel_list:
            w.writerow([])
            w.writerow([f"[{t.kode}]", t.judul])
            w.writerow(t.kolom)
            for baris in t.baris:
                w.writerow([_nilai(v) for v in baris])
            if t.catatan:
                w.writerow([_("Catatan"), t.catatan])


def _waktu_tetap(periode: Periode) -> datetime.datetime:
    """The one timestamp the files carry: the end of the period (naive, WITA)."""
    return periode.akhir.replace(tzinfo=None)


def tulis_xlsx(tabel_list: list[Tabel], periode: Periode, tujuan: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    waktu = _waktu_tetap(periode)
    sementara = tujuan.with_suffix(".tmp.xlsx")
    with translation.override("id"):
        wb = Workbook(write_only=True)
        wb.properties.creator = settings.SITE_NAME
        wb.properties.title = _("Laporan %(p)s") % {"p": periode.label}
        wb.properties.created = waktu
        wb.properties.modified = waktu
        info = wb.create_sheet(_("Info"))
        for baris in kepala(periode):
            info.append(baris)
        tebal = Font(bold=True)
        for t in tabel_list:
            ws = wb.create_sheet(t.kode[:31])
            judul = WriteOnlyCell(ws, value=t.judul)
            judul.font = tebal
            ws.append([judul])
            kolom = []
            for k in t.kolom:
                c = WriteOnlyCell(ws, value=k)
                c.font = tebal
                kolom.append(c)
            ws.append(kolom)
            for baris in t.baris:
                ws.append(baris)
            if t.catatan:
                ws.append([])
                ws.append([t.catatan])
        wb.save(sementara)
    _zip_tetap(sementara, tujuan, waktu)
    sementara.unlink()


def _zip_tetap(sumber: Path, tujuan: Path, waktu: datetime.datetime) -> None:
    """Rewrite the XLSX zip with fixed entry dates and a fixed `modified` property (openpyxl
    stamps both with the clock)."""
    tanggal = (waktu.year, waktu.month, waktu.day, waktu.hour, waktu.minute, waktu.second)
    iso = waktu.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(sumber) as masuk, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + iso.encode() + rb"\g<2>", data
                )
            baru = zipfile.ZipInfo(info.filename, date_time=tanggal)
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o600 << 16
            keluar.writestr(baru, data)


def _css_teks(teks: str) -> str:
    """A string safe inside a CSS "..." literal of the <style> element (hex escapes, no tags)."""
    from django.utils.safestring import mark_safe

    aman = "".join(f"\\{ord(ch):x} " if ch in "\\\"<>&'" or ord(ch) < 32 else ch for ch in str(teks))
    return mark_safe(aman)  # noqa: S308 - every character that could end the literal is hex-escaped  # nosec B308, B703


def _tanpa_unduhan(url, *args, **kwargs):
    raise ValueError(f"Sumber luar tidak diizinkan dalam PDF laporan: {url[:80]}")


def _potong(t: Tabel) -> list[list[list]]:
    baris = [[_nilai(v) for v in b] for b in t.baris]
    if not baris:
        return [[]]
    return [baris[i : i + BARIS_PER_POTONGAN] for i in range(0, len(baris), BARIS_PER_POTONGAN)]


def tulis_pdf(tabel_list: list[Tabel], periode: Periode, tujuan: Path, *, xlsx: Path | None = None) -> str:
    """Write the PDF; returns the variant made ("pdf/a-3b")."""
    from weasyprint import HTML, Attachment

    waktu = periode.akhir
    with translation.override("id"):
        html = render_to_string(
            "laporan/laporan_pdf.html",
            {
                "periode": periode,
                "kepala": kepala(periode),
                "situs": settings.SITE_NAME,
                "tabel_list": [(t, _potong(t)) for t in tabel_list],
                "waktu_iso": waktu.isoformat(),
                "kepala_kiri": _css_teks(settings.SITE_NAME),
                "kepala_kanan": _css_teks(periode.label),
            },
        )
        lampiran = []
        if xlsx is not None:
            lampiran.append(
                Attachment(
                    string=xlsx.read_bytes(),
                    name=f"laporan-{periode.jenis}-{periode.kode}.xlsx",
                    description=_("Data laporan (XLSX)"),
                    created=waktu,
                    modified=waktu,
                    relationship="Data",
                )
            )
    varian = "pdf/a-3b"
    HTML(string=html, url_fetcher=_tanpa_unduhan).write_pdf(
        target=str(tujuan), pdf_variant=varian, attachments=lampiran, uncompressed_pdf=False
    )
    return varian


def buat_semua(tabel_list: list[Tabel], periode: Periode, folder: Path) -> dict[str, Path]:
    """Write the three files into `folder` (a private temporary folder); returns format -> path."""
    nama = f"laporan-{periode.jenis}-{periode.kode}"
    hasil = {"csv": folder / f"{nama}.csv", "xlsx": folder / f"{nama}.xlsx", "pdf": folder / f"{nama}.pdf"}
    tulis_csv(tabel_list, periode, hasil["csv"])
    tulis_xlsx(tabel_list, periode, hasil["xlsx"])
    tulis_pdf(tabel_list, periode, hasil["pdf"], xlsx=hasil["xlsx"])
    return hasil


def csv_bytes(tabel_list: list[Tabel], judul: list[list[str]]) -> bytes:
    """A CSV of tables in memory (e-reporting downloads: small, per user)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for baris in judul:
        w.writerow(baris)
    for t in tabel_list:
        w.writerow([])
        w.writerow([f"[{t.kode}]", t.judul])
        w.writerow(t.kolom)
        for baris in t.baris:
            w.writerow([_nilai(v) for v in baris])
    return buf.getvalue().encode("utf-8")
