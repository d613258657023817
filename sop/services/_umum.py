"""Helpers shared by the SOP services: locks, refusals, recipients, dates."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lpse_portal.exceptions import TransisiTidakSah
from organisasi.models import Penugasan, User
from sop import aturan
from sop.models import SOP, VersiSOP


def tgl(tanggal: datetime.date) -> str:
    return date_format(tanggal, "j F Y")


def tolak(pesan: str):
    raise PermissionDenied(pesan)


def wajib_penyusun(oleh, sop: SOP) -> None:
    if not aturan.penyusun(oleh):
        tolak(_("Hanya Kepala LPSE, Sekretaris atau koordinator unit yang dapat menyusun SOP."))
    if not aturan.boleh_susun_sop(oleh, sop):
        tolak(_("Koordinator hanya dapat menyusun SOP milik unitnya."))


def wajib_peninjau(oleh) -> None:
    if not aturan.peninjau(oleh):
        tolak(_("Hanya Kepala LPSE yang meninjau draf SOP sebelum diajukan ke Pembina."))


def wajib_pengesah(oleh) -> None:
    if not aturan.boleh_setujui(oleh):
        tolak(_("Hanya Pembina LPSE (Kepala Dinas Kominfotik) yang dapat menyetujui atau mengembalikan SOP."))


def kunci_versi(versi_id: int) -> VersiSOP:
    """Lock a version and its SOP (in that order everywhere, so two services never deadlock)."""
    versi = VersiSOP.objects.select_for_update().select_related("sop").get(pk=versi_id)
    versi.sop = SOP.objects.select_for_update().get(pk=versi.sop_id)
    return versi


def wajib_status(versi: VersiSOP, *boleh: str, pesan: str | None = None) -> None:
    if versi.status in boleh:
        return
    if pesan is None:
        if versi.terkunci:
            pesan = _("Versi SOP yang sudah disetujui tidak dapat diubah; buat versi baru untuk perubahan.")
        else:
            pesan = _("Tindakan ini tidak dapat dilakukan pada versi berstatus %(status)s.") % {
                "status": versi.get_status_display()
            }
    raise TransisiTidakSah(pesan)


def tinjau_berikutnya(sop: SOP, dasar: datetime.date) -> datetime.date:
    return dasar + relativedelta(months=sop.interval_tinjauan_bulan)


def email_peran(*peran: str) -> list[str]:
    return list(
        User.objects.filter(groups__name__in=peran, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )


def email_koordinator(unit_id: int) -> list[str]:
    return list(
        Penugasan.objects.aktif()
        .filter(jabatan__unit_id=unit_id, jabatan__jenis="koordinator", pegawai__user__is_active=True)
        .exclude(pegawai__user__email="")
        .values_list("pegawai__user__email", flat=True)
        .distinct()
    )


def email_pengguna(user) -> list[str]:
    return [user.email] if user is not None and user.is_active and user.email else []


def jabatan_pembina(user) -> str:
    penugasan = (
        Penugasan.objects.aktif().filter(pegawai__user=user, jabatan__jenis="pembina").select_related("jabatan").first()
    )
    return penugasan.jabatan.nama if penugasan else _("Pembina LPSE")


def gabung(*daftar: list[str]) -> list[str]:
    hasil: list[str] = []
    for d in daftar:
        hasil.extend(e for e in d if e not in hasil)
    return hasil
