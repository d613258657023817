"""Django admin of the organisasi app: importing the topic modules registers their models."""

from organisasi.admin import struktur  # noqa: F401
