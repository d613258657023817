"""A malicious and broken file corpus, generated in code (no binary fixture is committed)."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter

from lpse_portal.pdf_sederhana import buat_pdf


def unggahan(nama: str, isi: bytes, mime: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type=mime)


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(buat_pdf("Dokumen"))))
    return writer


def _tulis(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_sah() -> bytes:
    return buat_pdf("Dokumen sah", ["baris satu", "baris dua"])


def pdf_terenkripsi() -> bytes:
    writer = _writer()
    writer.encrypt(user_password="rahasia", owner_password="rahasia")
    return _tulis(writer)


def pdf_terpotong() -> bytes:
    data = pdf_sah()
    return data[: len(data) // 2]


def pdf_rusak() -> bytes:
    return b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n"


def _aksi_saat_dibuka(**isi) -> bytes:
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = _writer()
    aksi = DictionaryObject(
        {NameObject(k): NameObject(v) if v.startswith("/") else TextStringObject(v) for k, v in isi.items()}
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(aksi)
    return _tulis(writer)


def pdf_javascript() -> bytes:
    return _aksi_saat_dibuka(**{"/S": "/JavaScript", "/JS": "app.alert('x');"})


def pdf_berkas_tersemat() -> bytes:
    writer = _writer()
    writer.add_attachment("muatan.exe", b"MZ\x90\x00")
    return _tulis(writer)


def pdf_launch() -> bytes:
    return _aksi_saat_dibuka(**{"/S": "/Launch", "/F": "cmd.exe"})


def png_sah(lebar: int = 4, tinggi: int = 4) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), "white").save(out, format="PNG")
    return out.getvalue()


def jpeg_sah() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format="JPEG")
    return out.getvalue()


def png_bom_piksel() -> bytes:
    """A PNG whose header claims 60,000 × 60,000 pixels: a decompression bomb."""

    def chunk(jenis: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", zlib.crc32(jenis + data))

    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
