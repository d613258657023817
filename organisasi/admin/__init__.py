"""Django admin of the organisasi app: importing the topic modules registers their models."""

from organisasi.admin import program, struktur, surat, tunjangan  # noqa: F401
