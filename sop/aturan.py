"""Who may do what with SOPs (Pergub NTB 6/2017 Lampiran II.1 and VI), in one place.

The regulation names offices, so the rules check roles (groups from active assignments),
not Django's superuser flag: an administrator account is not the Pembina.
"""

from django.conf import settings

from lpse_portal.akses import punya_peran
from organisasi.peran import PERAN_STAF

# Drafts are written by the Kepala LPSE, the Sekretaris or a coordinator (for their own unit).
PENYUSUN = ("kepala_lpse", "sekretaris", "koordinator")
PENYUSUN_SEMUA_UNIT = ("kepala_lpse", "sekretaris")
# The Kepala LPSE reviews a draft before it goes to the Pembina.
PENINJAU = ("kepala_lpse",)
# Only the Pembina (Kepala Dinas Kominfotik) sets SOPs (Lampiran II.1, VI).
PENGESAH = ("pembina",)


def batas_hari_kerja_persetujuan() -> int:
    """A submission waiting longer than this many working days reminds the Pembina."""
    return int(getattr(settings, "SOP_BATAS_HARI_KERJA_PERSETUJUAN", 5))


def hari_pengingat_tinjauan() -> int:
    """Reminders go out this many days before an SOP's review is due."""
    return int(getattr(settings, "SOP_PENGINGAT_TINJAUAN_HARI", 30))


def staf(user) -> bool:
    return punya_peran(user, *PERAN_STAF)


def penyusun(user) -> bool:
    return punya_peran(user, *PENYUSUN)


def penyusun_semua_unit(user) -> bool:
    return punya_peran(user, *PENYUSUN_SEMUA_UNIT)


def peninjau(user) -> bool:
    return punya_peran(user, *PENINJAU)


def boleh_setujui(user) -> bool:
    return bool(getattr(user, "is_active", False)) and punya_peran(user, *PENGESAH)


def unit_koordinator(user) -> list[int]:
    """Units a coordinator leads today (cached on the user for the request)."""
    if not punya_peran(user, "koordinator"):
        return []
    if not hasattr(user, "_sop_unit_cache"):
        from organisasi.models import Penugasan

        user._sop_unit_cache = list(
            Penugasan.objects.aktif()
            .filter(pegawai__user=user, jabatan__jenis="koordinator")
            .values_list("jabatan__unit_id", flat=True)
        )
    return user._sop_unit_cache


def boleh_susun_sop(user, sop) -> bool:
    """Kepala LPSE and Sekretaris for every SOP; a coordinator for the SOPs of their unit."""
    if penyusun_semua_unit(user):
        return True
    return sop.unit_id in unit_koordinator(user)


def boleh_susun_unit(user, unit_id) -> bool:
    return penyusun_semua_unit(user) or unit_id in unit_koordinator(user)
