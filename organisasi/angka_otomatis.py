"""Automatic figures for the programme's indicators, provided by the apps that know them.

organisasi is the base and imports no other app. An indicator names a source key; the app
that owns the data registers a function for that key, typically in its AppConfig.ready():

    from organisasi.angka_otomatis import daftarkan

    def penyedia_diverifikasi(mulai: datetime.date, sampai: datetime.date) -> int:
        # count in [mulai, sampai): `sampai` is the first day NOT counted
        return Pendaftaran.objects.filter(disetujui_pada__date__gte=mulai, disetujui_pada__date__lt=sampai).count()

    daftarkan("registrasi.penyedia_diverifikasi", penyedia_diverifikasi)

Until a provider is registered the figure shows as "belum tersedia". The keys below are
known in advance so an indicator can name one before its app has been built; an app may also
register a new key with its own label.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sumber:
    kunci: str
    label: str
    satuan: str = ""


KATALOG: dict[str, Sumber] = {
    s.kunci: s
    for s in [
        Sumber("registrasi.penyedia_diverifikasi", _("Penyedia terverifikasi (pendaftaran disetujui)"), _("penyedia")),
        Sumber("registrasi.user_id_dinonaktifkan", _("User ID dinonaktifkan"), _("user ID")),
        Sumber("layanan.pelatihan_terselenggara", _("Pelatihan terselenggara"), _("kali")),
        Sumber("layanan.peserta_pelatihan", _("Peserta pelatihan yang hadir"), _("orang")),
        Sumber("layanan.tiket_selesai", _("Tiket bantuan diselesaikan"), _("tiket")),
        Sumber("sistem.cadangan_terverifikasi", _("Cadangan (backup) terverifikasi"), _("kali")),
        Sumber("sistem.insiden_ditangani", _("Insiden ditangani"), _("insiden")),
        Sumber("sop.sop_disetujui", _("Versi SOP disetujui"), _("dokumen")),
    ]
}

Penyedia = Callable[[datetime.date, datetime.date], int | Decimal]
_penyedia: dict[str, Penyedia] = {}
_tambahan: dict[str, Sumber] = {}


def daftarkan(kunci: str, fungsi: Penyedia, *, label: str | None = None, satuan: str = "") -> None:
    """Register the provider of `kunci`: fungsi(mulai, sampai) counts in [mulai, sampai)."""
    if kunci not in KATALOG:
        _tambahan[kunci] = Sumber(kunci, label or kunci, satuan)
    _penyedia[kunci] = fungsi


def hapus(kunci: str) -> None:
    """Unregister a provider (tests)."""
    _penyedia.pop(kunci, None)
    _tambahan.pop(kunci, None)


def sumber(kunci: str) -> Sumber | None:
    return KATALOG.get(kunci) or _tambahan.get(kunci)


def tersedia(kunci: str) -> bool:
    return kunci in _penyedia


def pilihan() -> list[tuple[str, str]]:
    """Choices for the indicator form: every known key, marked when no app provides it yet."""
    hasil = []
    for s in sorted([*KATALOG.values(), *_tambahan.values()], key=lambda s: s.kunci):
        label = str(s.label) if tersedia(s.kunci) else f"{s.label} ({_('belum tersedia')})"
        hasil.append((s.kunci, label))
    return hasil


@dataclass(frozen=True)
class Angka:
    """The outcome of one figure: a value, or why there is none."""

    nilai: Decimal | None
    status: str  # "ada", "belum_tersedia", "gagal"

    @property
    def ada(self) -> bool:
        return self.status == "ada"


BELUM_TERSEDIA = Angka(None, "belum_tersedia")


def hitung(kunci: str, mulai: datetime.date, sampai: datetime.date) -> Angka:
    """The figure of `kunci` over [mulai, sampai). A provider that fails is logged and shown as
    failed, so one app's error never takes the programme page down."""
    fungsi = _penyedia.get(kunci)
    if fungsi is None:
        return BELUM_TERSEDIA
    try:
        nilai = fungsi(mulai, sampai)
    except Exception:  # another app's code: shown as "gagal dihitung"
        log.exception("Penyedia angka otomatis %s gagal untuk %s s.d. %s", kunci, mulai, sampai)
        return Angka(None, "gagal")
    return Angka(Decimal(nilai), "ada")
