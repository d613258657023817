"""Retention of personal data (UU 27/2022 Pasal 43: data is deleted when its purpose and
retention period have ended). Each app lists its rules in `<app>/retensi.py`:

    ATURAN = [Aturan("registrasi.draf_terbengkalai", hari=30, fungsi=hapus_draf, keterangan=...)]

`fungsi(batas)` handles everything older than the instant `batas` and returns how many it
handled. `settings.RETENSI_HARI` may override any rule's days. The daily job
`terapkan_retensi` (a beat schedule and a command) runs every rule; running it twice does
nothing the second time. docs/security.md lists the rules.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Aturan:
    nama: str
    hari: int
    fungsi: Callable[[datetime.datetime], int]
    keterangan: str

    @property
    def hari_berlaku(self) -> int:
        return int(getattr(settings, "RETENSI_HARI", {}).get(self.nama, self.hari))


def semua_aturan() -> list[Aturan]:
    hasil = []
    for config in apps.get_app_configs():
        try:
            hasil.extend(import_string(f"{config.name}.retensi.ATURAN"))
        except ImportError:
            continue
    return hasil


def terapkan_retensi(sekarang: datetime.datetime | None = None) -> dict[str, int]:
    sekarang = sekarang or timezone.now()
    hasil = {}
    for aturan in semua_aturan():
        batas = sekarang - datetime.timedelta(days=aturan.hari_berlaku)
        hasil[aturan.nama] = aturan.fungsi(batas)
        if hasil[aturan.nama]:
            log.info("Retensi %s: %d data lewat masa simpan ditangani.", aturan.nama, hasil[aturan.nama])
    return hasil


# --- the portal's own records ----------------------------------------------------------------


def _email_terkirim(batas) -> int:
    from lpse_portal.models import EmailKeluar

    # Bodies carry names, user IDs and links: a sent e-mail is kept one year for questions.
    return EmailKeluar.objects.filter(status=EmailKeluar.Status.TERKIRIM, sent_at__lt=batas).delete()[0]


def _sesi_kedaluwarsa(batas) -> int:
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=batas).delete()[0]


def _akses_data_pribadi(batas) -> int:
    from lpse_portal.models import AksesDataPribadi

    # The append-only trigger lets only rows past the five-year period go (migration 0004).
    return AksesDataPribadi.objects.filter(created_at__lt=batas).delete()[0]


def _catatan_masuk(batas) -> int:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    jumlah = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        jumlah += model.objects.filter(attempt_time__lt=batas).delete()[0]
    return jumlah


ATURAN = [
    Aturan("lpse_portal.email_terkirim", 365, _email_terkirim, "E-mail yang sudah terkirim (isi memuat data pribadi)."),
    Aturan("lpse_portal.sesi_kedaluwarsa", 0, _sesi_kedaluwarsa, "Sesi masuk yang sudah kedaluwarsa."),
    Aturan(
        "lpse_portal.akses_data_pribadi",
        5 * 365 + 1,
        _akses_data_pribadi,
        "Log akses data pribadi, disimpan lima tahun untuk pemeriksaan.",
    ),
    Aturan("lpse_portal.catatan_masuk", 365, _catatan_masuk, "Catatan percobaan masuk (nama pengguna, alamat IP)."),
]
