"""The archive export of one vendor (Lampiran II.5.b.4): every uploaded version, never
overwritten, in a ZIP with an index PDF saying who uploaded and who checked each, and when."""

import tempfile
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone, translation


def _nama_di_zip(dok) -> str:
    ekstensi = dok.berkas.name[dok.berkas.name.rfind(".") :] if "." in dok.berkas.name else ""
    return f"{dok.jenis.urutan:02d}-{dok.jenis.kode}/v{dok.versi}-{timezone.localtime(dok.created_at):%Y%m%d}{ekstensi}"


def buat_indeks_pdf(penyedia, dokumen, oleh) -> bytes:
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string(
            "registrasi/arsip_indeks.html",
            {
                "penyedia": penyedia,
                "dokumen_list": [(d, _nama_di_zip(d)) for d in dokumen],
                "oleh": oleh,
                "waktu": timezone.now(),
            },
        )
    return HTML(string=html).write_pdf()


def tulis_arsip(penyedia, *, oleh):
    """A temporary file holding the ZIP; the caller streams it and it disappears when closed."""
    dokumen = list(
        penyedia.dokumen.select_related("jenis", "diunggah_oleh", "diperiksa_oleh", "alasan").order_by(
            "jenis__urutan", "versi"
        )
    )
    berkas = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the streaming response
    with zipfile.ZipFile(berkas, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("00-indeks.pdf", buat_indeks_pdf(penyedia, dokumen, oleh))
        for dok in dokumen:
            with dok.berkas.open("rb") as f:
                zf.writestr(_nama_di_zip(dok), f.read())
    berkas.seek(0)
    return berkas
