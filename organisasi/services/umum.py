"""Helpers every service module of organisasi shares."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def tgl(tanggal: datetime.date) -> str:
    """A date as the letters and lists write it: 5 Januari 2026."""
    return date_format(tanggal, "j F Y")


def wajib_izin(oleh, izin: str) -> None:
    if not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def ekstensi(berkas) -> str:
    """The extension of an upload by its checked content (BerkasField), PDF when unknown."""
    jenis = getattr(berkas, "jenis_terdeteksi", None)
    return jenis.ekstensi[0] if jenis else ".pdf"
