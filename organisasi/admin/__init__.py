"""Django admin of the organisasi app: importing the topic modules registers their models."""

from organisasi.admin import laporan_berkala, program, struktur, surat, tunjangan  # noqa: F401
