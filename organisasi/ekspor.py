"""XLSX (openpyxl) and PDF (WeasyPrint) exports of the Sekretariat: the programme evaluation
and the monthly allowance list for the finance office."""

import io
import logging
from decimal import Decimal

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from organisasi.evaluasi import LABEL_WARNA, BarisKegiatan
from organisasi.models import DaftarTunjangan, ProgramKegiatan

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_RUPIAH = '"Rp"#,##0'
FORMAT_ANGKA = "#,##0.##"
# Fill colours of the ratings in the spreadsheet (light tints, readable when printed).
ISI_WARNA = {"hijau": "C6EFCE", "kuning": "FFEB9C", "merah": "FFC7CE"}
# WeasyPrint reports every layout step at INFO; the portal's log wants only its problems.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _respons(isi: bytes, mime: str, nama: str) -> HttpResponse:
    response = HttpResponse(isi, content_type=mime)
    response["Content-Disposition"] = content_disposition_header(True, nama)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv(baris: list[list], nama: str) -> HttpResponse:
    """Rows as CSV (UTF-8 with a BOM, so spreadsheet programs read the names right)."""
    import csv as _csv

    keluaran = io.StringIO()
    _csv.writer(keluaran).writerows(baris)
    return _respons(("\ufeff" + keluaran.getvalue()).encode("utf-8"), "text/csv; charset=utf-8", nama)


def pdf(template: str, konteks: dict, nama: str) -> HttpResponse:
    from weasyprint import HTML

    html = render_to_string(template, {**konteks, "dicetak_at": timezone.localtime()})
    # No base_url: the template carries its own CSS and fetches nothing.
    return _respons(HTML(string=html).write_pdf(), "application/pdf", nama)


def _buku():
    from openpyxl import Workbook

    return Workbook()


def _simpan(buku) -> bytes:
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _judul(ws, baris: list[str]) -> int:
    from openpyxl.styles import Font

    for i, teks in enumerate(baris, start=1):
        ws.cell(row=i, column=1, value=teks).font = Font(bold=i == 1, size=13 if i == 1 else 11)
    return len(baris) + 2


def _kepala(ws, baris: int, kolom: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for i, teks in enumerate(kolom, start=1):
        sel = ws.cell(row=baris, column=i, value=teks)
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="DDEBF7")
        sel.alignment = Alignment(wrap_text=True, vertical="center")


def evaluasi_xlsx(program: ProgramKegiatan, baris_list: list[BarisKegiatan]) -> HttpResponse:
    from openpyxl.styles import PatternFill

    buku = _buku()
    ws = buku.active
    ws.title = _("Evaluasi")
    r = _judul(
        ws,
        [
            _("Evaluasi %(program)s") % {"program": program},
            _("LPSE Provinsi Nusa Tenggara Barat · dicetak %(waktu)s WITA")
            % {"waktu": timezone.localtime().strftime("%d-%m-%Y %H.%M")},
        ],
    )
    kolom = [_("Kode"), _("Kegiatan"), _("Unit"), _("Pagu"), _("Indikator"), _("Satuan")]
    for tw in ("I", "II", "III", "IV"):
        kolom += [f"TW {tw} {_('target')}", f"TW {tw} {_('realisasi')}", f"TW {tw} %"]
    kolom += [_("Target tahunan"), _("Capaian s.d. kini"), _("% s.d. kini"), _("Status")]
    _kepala(ws, r, kolom)
    ws.freeze_panes = ws.cell(row=r + 1, column=3)
    for b in baris_list:
        for t in b.target or [None]:
            r += 1
            k = b.kegiatan
            nilai = [k.kode, k.nama, k.unit.nama, k.pagu]
            if t is not None:
                nilai += [t.target.indikator, t.target.satuan]
                for s in t.sel:
                    nilai += [s.target, s.nilai, s.persen]
                c = t.capaian
                nilai += [c.target_tahunan, c.nilai, c.persen, str(LABEL_WARNA[c.warna])]
            for i, v in enumerate(nilai, start=1):
                sel = ws.cell(row=r, column=i, value=float(v) if isinstance(v, Decimal) else v)
                if i == 4:
                    sel.number_format = FORMAT_RUPIAH
                elif isinstance(v, Decimal):
                    sel.number_format = FORMAT_ANGKA
            if t is not None:
                for j, s in enumerate(t.sel):
                    if s.warna in ISI_WARNA:
                        ws.cell(row=r, column=9 + 3 * j).fill = PatternFill("solid", fgColor=ISI_WARNA[s.warna])
                if t.capaian.warna in ISI_WARNA:
                    ws.cell(row=r, column=len(kolom)).fill = PatternFill("solid", fgColor=ISI_WARNA[t.capaian.warna])
    for huruf, lebar in {"A": 8, "B": 40, "C": 30, "D": 16, "E": 40, "F": 12}.items():
        ws.column_dimensions[huruf].width = lebar
    return _respons(_simpan(buku), MIME_XLSX, f"evaluasi-program-{program.tahun}.xlsx")


def daftar_tunjangan_xlsx(daftar: DaftarTunjangan, rincian) -> HttpResponse:
    from openpyxl.styles import Font

    buku = _buku()
    ws = buku.active
    ws.title = _("Daftar")
    status = daftar.get_status_display()
    kepala = [
        _("Daftar tunjangan/honorarium LPSE Provinsi NTB bulan %(periode)s") % {"periode": daftar.periode},
        _("Status: %(status)s") % {"status": status},
    ]
    if daftar.disetujui_at:
        kepala.append(
            _("Disetujui %(nama)s pada %(waktu)s WITA")
            % {
                "nama": daftar.disetujui_oleh,
                "waktu": timezone.localtime(daftar.disetujui_at).strftime("%d-%m-%Y %H.%M"),
            }
        )
    r = _judul(ws, kepala)
    kolom = [
        _("No."),
        _("Nama"),
        _("NIP"),
        _("Jabatan"),
        _("Jenis"),
        _("Dasar hukum"),
        _("Tarif per bulan"),
        _("Dari"),
        _("Sampai"),
        _("Hari"),
        _("Hari dalam bulan"),
        _("Jumlah"),
    ]
    _kepala(ws, r, kolom)
    for i, b in enumerate(rincian, start=1):
        r += 1
        nilai = [
            i,
            b.nama,
            b.nip,
            b.jabatan,
            b.get_jenis_display(),
            b.dasar_hukum,
            float(b.besaran),
            b.mulai,
            b.sampai,
            b.hari,
            b.hari_bulan,
            float(b.jumlah),
        ]
        for j, v in enumerate(nilai, start=1):
            sel = ws.cell(row=r, column=j, value=v)
            if j in (7, 12):
                sel.number_format = FORMAT_RUPIAH
            elif j in (8, 9):
                sel.number_format = "DD-MM-YYYY"
    r += 1
    ws.cell(row=r, column=11, value=_("Jumlah")).font = Font(bold=True)
    total = ws.cell(row=r, column=12, value=float(daftar.total))
    total.number_format = FORMAT_RUPIAH
    total.font = Font(bold=True)
    for huruf, lebar in {"A": 5, "B": 34, "C": 20, "D": 36, "E": 14, "F": 50, "G": 16, "L": 16}.items():
        ws.column_dimensions[huruf].width = lebar
    return _respons(_simpan(buku), MIME_XLSX, f"tunjangan-{daftar.tahun}-{daftar.bulan:02d}.xlsx")
