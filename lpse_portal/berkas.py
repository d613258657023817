"""Uploaded documents: checked by content, stored under random names, served only after a
permission check, and never left behind by a failed transaction.

Every upload in the portal (SK scans, vendor documents, ticket attachments, court
decisions) passes `periksa_berkas`; every download goes through `kirim_berkas`.
"""

import contextvars
import io
import logging
import os
import unicodedata
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Jenis:
    kode: str
    mime: str
    ekstensi: tuple[str, ...]
    label: str


PDF = Jenis("pdf", "application/pdf", (".pdf",), "PDF")
JPEG = Jenis("jpeg", "image/jpeg", (".jpg", ".jpeg"), "JPEG")
PNG = Jenis("png", "image/png", (".png",), "PNG")
SEMUA_JENIS = {j.kode: j for j in (PDF, JPEG, PNG)}

MAKS_NAMA = 150
MAKS_PIKSEL = 40_000_000  # 40 megapixel: larger "scans" are decompression bombs, not KTPs.
# PDF name objects that make a document act instead of being read.
PDF_TERLARANG = {
    "/JavaScript": _("berisi JavaScript"),
    "/JS": _("berisi JavaScript"),
    "/Launch": _("berisi perintah menjalankan program"),
    "/EmbeddedFiles": _("berisi berkas tersemat"),
    "/EmbeddedFile": _("berisi berkas tersemat"),
    "/RichMedia": _("berisi media aktif"),
    "/XFA": _("berisi formulir XFA"),
    "/SubmitForm": _("berisi aksi pengiriman formulir"),
    "/ImportData": _("berisi aksi impor data"),
}


def deteksi_jenis(kepala: bytes) -> Jenis | None:
    """Type by magic bytes, never by name."""
    if kepala.startswith(b"%PDF-"):
        return PDF
    if kepala.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if kepala.startswith(b"\xff\xd8\xff"):
        return JPEG
    return None


def periksa_nama(nama: str) -> str:
    """Refuse names that could mislead a reader or a filesystem; return the name as given."""
    if not nama or not nama.strip():
        raise ValidationError(_("Nama berkas kosong."), code="nama")
    if "/" in nama or "\\" in nama or nama.strip() in {".", ".."} or "\x00" in nama:
        raise ValidationError(_("Nama berkas tidak boleh memuat bagian jalur (/ atau \\)."), code="nama")
    for ch in nama:
        kategori = unicodedata.category(ch)
        if kategori == "Cc":
            raise ValidationError(_("Nama berkas memuat karakter kendali."), code="nama")
        if kategori == "Cf" or unicodedata.bidirectional(ch) in {
            "RLO",
            "LRO",
            "RLE",
            "LRE",
            "RLI",
            "LRI",
            "FSI",
            "PDF",
            "PDI",
        }:
            # U+202E and friends show "gpj.exe" as "exe.jpg".
            raise ValidationError(_("Nama berkas memuat karakter pengubah arah teks atau tak terlihat."), code="nama")
    if len(nama) > MAKS_NAMA:
        raise ValidationError(_("Nama berkas terlalu panjang (paling banyak %(n)d karakter).") % {"n": MAKS_NAMA})
    return unicodedata.normalize("NFC", nama.strip())


def _periksa_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(_("Berkas PDF rusak atau terpotong (akhir berkas tidak ditemukan)."), code="pdf_rusak")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("Berkas PDF terenkripsi atau berkata sandi. Unggah PDF tanpa kata sandi."), code="pdf_enkripsi"
            )
        if len(reader.pages) < 1:
            raise ValidationError(_("Berkas PDF tidak memiliki halaman."), code="pdf_rusak")
        for page in reader.pages:
            page.get("/Contents")
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError):
        raise ValidationError(_("Berkas PDF rusak dan tidak dapat dibaca."), code="pdf_rusak")
    _periksa_objek_pdf(reader)
    # Raw bytes too, for anything the parser above skipped over (names cannot hide "/").
    for nama, alasan in PDF_TERLARANG.items():
        pola = nama.encode()
        posisi = data.find(pola)
        while posisi != -1:
            berikut = data[posisi + len(pola) : posisi + len(pola) + 1]
            if not berikut.isalnum():
                raise ValidationError(_("Berkas PDF ditolak: %(alasan)s.") % {"alasan": alasan}, code="pdf_aktif")
            posisi = data.find(pola, posisi + 1)


def _tolak(alasan):
    raise ValidationError(_("Berkas PDF ditolak: %(alasan)s.") % {"alasan": alasan}, code="pdf_aktif")


def _periksa_objek_pdf(reader) -> None:
    """Look at every object, including those packed in compressed object streams."""
    from pypdf.generic import DictionaryObject, IndirectObject, NameObject

    nomor = set()
    for generasi, tabel in reader.xref.items():
        nomor.update((idnum, generasi) for idnum in tabel)
    nomor.update((idnum, 0) for idnum in getattr(reader, "xref_objStm", {}))
    for idnum, generasi in sorted(nomor):
        try:
            obj = reader.get_object(IndirectObject(idnum, generasi, reader))
        except Exception:  # noqa: BLE001, S112 - a broken object is judged by the page walk
            continue
        if not isinstance(obj, DictionaryObject):
            continue
        for kunci in obj:
            if kunci in PDF_TERLARANG:
                _tolak(PDF_TERLARANG[kunci])
        aksi = obj.get("/S")
        if isinstance(aksi, NameObject) and aksi in PDF_TERLARANG:
            _tolak(PDF_TERLARANG[aksi])
        if "/AA" in obj:
            _tolak(_("berisi aksi otomatis"))
        target = obj.get("/OpenAction")
        if target is not None:
            target = target.get_object()
            jenis_aksi = target.get("/S") if isinstance(target, DictionaryObject) else None
            if jenis_aksi in PDF_TERLARANG:
                _tolak(PDF_TERLARANG[jenis_aksi])
            # Opening at a page is harmless; any other action on open is not.
            if jenis_aksi not in (None, "/GoTo"):
                _tolak(_("berisi aksi otomatis saat dibuka"))


def _periksa_gambar(data: bytes) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            lebar, tinggi = img.size
            if lebar * tinggi > MAKS_PIKSEL:
                raise ValidationError(
                    _("Gambar terlalu besar (%(w)d×%(h)d piksel); paling banyak 40 megapiksel.")
                    % {"w": lebar, "h": tinggi},
                    code="gambar_besar",
                )
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            img.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise ValidationError(_("Gambar terlalu besar untuk diproses."), code="gambar_besar")
    except Exception:  # noqa: BLE001 - Pillow raises many types for broken files
        raise ValidationError(_("Berkas gambar rusak dan tidak dapat dibaca."), code="gambar_rusak")


def periksa_berkas(berkas, *, jenis: tuple[str, ...] = ("pdf",), maks_bytes: int = 5 * 1024 * 1024) -> Jenis:
    """Check an uploaded file by name, size and content. Returns its detected type."""
    diizinkan = [SEMUA_JENIS[k] for k in jenis]
    label = ", ".join(j.label for j in diizinkan)
    nama = periksa_nama(getattr(berkas, "name", "") or "")
    if berkas.size == 0:
        raise ValidationError(_("Berkas kosong (0 byte)."), code="kosong")
    if berkas.size > maks_bytes:
        raise ValidationError(
            _("Ukuran berkas %(ukuran)s melebihi batas %(batas)s.")
            % {"ukuran": filesizeformat(berkas.size), "batas": filesizeformat(maks_bytes)},
            code="terlalu_besar",
        )
    berkas.seek(0)
    data = berkas.read()
    berkas.seek(0)
    terdeteksi = deteksi_jenis(data[:16])
    if terdeteksi is None or terdeteksi not in diizinkan:
        raise ValidationError(
            _("Isi berkas bukan %(label)s yang sah (jenis diperiksa dari isi berkas, bukan dari namanya).")
            % {"label": label},
            code="jenis",
        )
    ekstensi = os.path.splitext(nama)[1].lower()
    if ekstensi not in terdeteksi.ekstensi:
        raise ValidationError(
            _("Isi berkas adalah %(isi)s, tetapi namanya berakhiran “%(ext)s”. Periksa kembali berkas Anda.")
            % {"isi": terdeteksi.label, "ext": ekstensi or _("(tanpa ekstensi)")},
            code="jenis_tidak_cocok",
        )
    if terdeteksi is PDF:
        _periksa_pdf(data)
    else:
        _periksa_gambar(data)
    return terdeteksi


class BerkasField(forms.FileField):
    """A file field that runs `periksa_berkas` and remembers the detected type."""

    def __init__(self, *args, jenis=("pdf",), maks_mb: float = 5, **kwargs):
        self.jenis = tuple(jenis)
        self.maks_bytes = int(maks_mb * 1024 * 1024)
        kwargs.setdefault(
            "help_text",
            _("Format %(jenis)s, paling besar %(mb)s MB.")
            % {"jenis": ", ".join(SEMUA_JENIS[k].label for k in self.jenis), "mb": f"{maks_mb:g}"},
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ",".join(e for k in self.jenis for e in SEMUA_JENIS[k].ekstensi))

    def clean(self, data, initial=None):
        berkas = super().clean(data, initial)
        if berkas and berkas is not initial and hasattr(berkas, "size") and not getattr(berkas, "_committed", False):
            berkas.jenis_terdeteksi = periksa_berkas(berkas, jenis=self.jenis, maks_bytes=self.maks_bytes)
        return berkas


# --- storage ---------------------------------------------------------------------------


@deconstructible
class UnggahKe:
    """upload_to that ignores the user's file name: `<folder>/<yyyy>/<uuid><ext>`."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename):
        from django.utils import timezone

        ekstensi = os.path.splitext(filename)[1].lower()[:6]
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{ekstensi}"

    def __eq__(self, other):
        return isinstance(other, UnggahKe) and other.folder == self.folder


_berkas_baru: contextvars.ContextVar[list | None] = contextvars.ContextVar("berkas_baru", default=None)


class PenyimpananPribadi(FileSystemStorage):
    """FileSystemStorage that remembers which files a running service wrote."""

    def _save(self, name, content):
        nama = super()._save(name, content)
        daftar = _berkas_baru.get()
        if daftar is not None:
            daftar.append(nama)
        return nama


@contextmanager
def transaksi_berkas():
    """A transaction that also removes the files it wrote when it fails.

    Use instead of `transaction.atomic()` in a service that saves uploaded files, so a
    refused change leaves no orphan file behind.
    """
    daftar: list = []
    token = _berkas_baru.set(daftar)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for nama in daftar:
            try:
                default_storage.delete(nama)
            except OSError:
                log.exception("Gagal menghapus berkas yatim %s", nama)
        raise
    finally:
        _berkas_baru.reset(token)


# --- serving ---------------------------------------------------------------------------


def _nama_aman_header(nama: str) -> str:
    return "".join(c for c in nama if c.isprintable() and c not in '"\\;') or "berkas"


def kirim_berkas(request, fieldfile, *, nama_unduhan: str, objek=None, inline: bool = False, label: str = ""):
    """Serve a private file after the caller's permission check, and record who fetched it.

    Callers must have already established that request.user may see `objek`.
    """
    from lpse_portal.audit import catat_akses

    with fieldfile.open("rb") as f:
        kepala = f.read(16)
    jenis = deteksi_jenis(kepala)
    mime = jenis.mime if jenis else "application/octet-stream"
    catat_akses(
        request,
        jenis="lihat" if inline else "unduh",
        objek=objek,
        label=label or nama_unduhan,
    )
    nama = _nama_aman_header(nama_unduhan)
    if settings.PRIVATE_FILES_X_ACCEL_PREFIX:
        response = HttpResponse(content_type=mime)
        response["X-Accel-Redirect"] = settings.PRIVATE_FILES_X_ACCEL_PREFIX.rstrip("/") + "/" + fieldfile.name
    else:
        response = FileResponse(fieldfile.open("rb"), content_type=mime)
    disposisi = "inline" if inline and jenis is not None else "attachment"
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(disposisi == "attachment", nama)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    # A document shown inline may not run anything, even if a check above were fooled.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    return response
