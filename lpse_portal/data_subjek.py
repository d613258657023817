"""Subject access (UU 27/2022 Pasal 32): everything the portal holds about one person, within
3×24 hours of the request.

Each app that keeps personal data has `<app>/data_subjek.py` with

    def kumpulkan(email: str) -> dict   # {"section name": [ {field: value}, ... ]}

matching by e-mail (the identifier every data subject here has: vendor account, ticket
requester, training participant, staff member). `ekspor_data_subjek` gathers them into one JSON
document for the officer who answers the request, and records the export in the access audit.
"""

import datetime
import json

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string

from lpse_portal.models import AksesDataPribadi


def _penyedia_data():
    for config in apps.get_app_configs():
        if config.name == __package__:  # this module is the gatherer, not a source
            continue
        try:
            yield config.label, import_string(f"{config.name}.data_subjek.kumpulkan")
        except ImportError:
            continue


def kumpulkan(email: str) -> dict:
    """All personal data held about the person with this e-mail, by app and section."""
    email = email.strip()
    hasil: dict = {}
    for label, fungsi in _penyedia_data():
        bagian = {nama: baris for nama, baris in fungsi(email).items() if baris}
        if bagian:
            hasil[label] = bagian
    return hasil


def _nilai(v):
    if isinstance(v, datetime.datetime):
        return timezone.localtime(v).isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


def ekspor(*, email: str, oleh, alasan: str) -> str:
    """The JSON answer to a subject-access request, recorded as an export of personal data."""
    if not alasan.strip():
        raise ValueError("Dasar permintaan wajib diisi (mis. nomor surat permohonan).")
    data = kumpulkan(email)
    AksesDataPribadi.objects.create(
        pengguna=oleh,
        jenis=AksesDataPribadi.Jenis.EKSPOR,
        objek=f"Data subjek {email} ({alasan.strip()})"[:250],
    )
    dokumen = {
        "subjek": email,
        "dasar_permintaan": alasan.strip(),
        "dibuat_pada": timezone.localtime().isoformat(),
        "dibuat_oleh": oleh.get_username() if oleh else None,
        "data": data,
    }
    return json.dumps(dokumen, ensure_ascii=False, indent=2, default=_nilai)
