"""QR codes and certificate PDFs, made here: no outside service sees a participant's data."""

import base64
import io
import secrets

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from django.utils import translation

ABJAD = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand


def kode_verifikasi() -> str:
    acak = "".join(secrets.choice(ABJAD) for _ in range(10))
    return f"{acak[:5]}-{acak[5:]}"


def qr_svg(isi: str) -> str:
    """An inline SVG (a string to put into a page) encoding `isi`."""
    gambar = qrcode.make(isi, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    teks = gambar.to_string(encoding="unicode")
    return teks[teks.find("<svg") :]


def qr_png(isi: str) -> bytes:
    buf = io.BytesIO()
    qrcode.make(isi, box_size=8, border=2).save(buf, format="PNG")
    return buf.getvalue()


def qr_data_uri(isi: str) -> str:
    return "data:image/png;base64," + base64.b64encode(qr_png(isi)).decode()


def pdf_sertifikat(peserta, url_verifikasi: str) -> bytes:
    """The certificate of attendance: name, training, date, verification code and its QR."""
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string(
            "layanan/sertifikat_pdf.html",
            {
                "peserta": peserta,
                "pelatihan": peserta.pelatihan,
                "url": url_verifikasi,
                "qr": qr_data_uri(url_verifikasi),
            },
        )
    return HTML(string=html).write_pdf()
