"""Roles (Django groups) and their permissions, defined in code.

Each app may have `izin.py` with `IZIN = {"role": ["app_label.codename", ...]}`; the groups
get exactly the union of those lists after every migrate (and `manage.py sinkron_peran`).
Group permissions are code, not data: an edit in admin is overwritten at the next deploy.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

PERAN = {
    "pembina": _("Pembina LPSE (Kepala Dinas Kominfotik)"),
    "kepala_lpse": _("Kepala LPSE"),
    "sekretaris": _("Sekretaris LPSE"),
    "koordinator": _("Koordinator unit"),
    "admin_sistem": _("Unit Administrasi Sistem Elektronik"),
    "verifikator": _("Unit Registrasi dan Verifikasi"),
    "layanan": _("Unit Layanan Dukungan"),
    "pejabat_pengadaan": _("PA/KPA/PPK/Pokja Pemilihan/Pejabat Pengadaan"),
    "penyedia": _("Penyedia barang/jasa"),
}

# Roles that come from an assignment in the LPSE organisation. The others (penyedia,
# pejabat_pengadaan) come from an approved registration and are never touched by the
# assignment sync.
PERAN_STAF = ("pembina", "kepala_lpse", "sekretaris", "koordinator", "admin_sistem", "verifikator", "layanan")
PERAN_LUAR = ("pejabat_pengadaan", "penyedia")


def izin_per_peran() -> dict[str, set[str]]:
    hasil: dict[str, set[str]] = {nama: set() for nama in PERAN}
    for config in apps.get_app_configs():
        try:
            izin = import_string(f"{config.name}.izin.IZIN")
        except ImportError:
            continue
        for nama, daftar in izin.items():
            if nama not in hasil:
                raise ValueError(f"{config.name}.izin menyebut peran tak dikenal: {nama}")
            hasil[nama].update(daftar)
    return hasil


def _cari_izin(kode: str) -> Permission:
    app_label, codename = kode.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as e:
        raise ValueError(f"Izin {kode} tidak ada (belum dimigrasikan?)") from e


@transaction.atomic
def sinkron_grup() -> None:
    """Create the role groups and give each exactly the permissions the code lists."""
    for nama, daftar in izin_per_peran().items():
        grup, _ = Group.objects.get_or_create(name=nama)
        grup.permissions.set([_cari_izin(kode) for kode in sorted(daftar)])
