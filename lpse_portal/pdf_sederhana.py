"""Tiny, valid one-page PDFs without WeasyPrint: demo documents and test fixtures.

Generated in code so no binary fixture is committed; fast enough for thousands of files.
"""


def _escape(teks: str) -> str:
    return teks.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def buat_pdf(judul: str, baris: list[str] | tuple[str, ...] = ()) -> bytes:
    """A one-page A4 PDF with a title and lines of Latin-1 text."""
    teks = [f"BT /F1 16 Tf 56 780 Td ({_escape(judul)}) Tj ET"]
    y = 750
    for b in baris:
        teks.append(f"BT /F1 11 Tf 56 {y} Td ({_escape(b)}) Tj ET")
        y -= 16
    isi = "\n".join(teks).encode("latin-1", "replace")
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(isi)).encode() + b" >>\nstream\n" + isi + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    keluaran = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posisi = []
    for i, o in enumerate(objek, start=1):
        posisi.append(len(keluaran))
        keluaran += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(keluaran)
    keluaran += f"xref\n0 {len(objek) + 1}\n0000000000 65535 f \n".encode()
    for p in posisi:
        keluaran += f"{p:010d} 00000 n \n".encode()
    keluaran += f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(keluaran)
