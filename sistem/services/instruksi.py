"""LKPP technical instructions and who carried them out (Pergub NTB 6/2017 Lampiran II.4.b.4)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from sistem.models import InstruksiLkpp


def _wajib_izin(oleh, izin: str) -> None:
    if not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def catat_instruksi(*, data: dict, oleh, ip: str | None = None) -> InstruksiLkpp:
    """Record an instruction as received."""
    _wajib_izin(oleh, "sistem.add_instruksilkpp")
    with transaction.atomic():
        if data["tanggal_diterima"] > timezone.localdate():
            raise TransisiTidakSah(_("Tanggal diterima tidak boleh di masa depan."))
        if data.get("tenggat") and data["tenggat"] < data["tanggal_diterima"]:
            raise TransisiTidakSah(_("Tenggat tidak boleh sebelum tanggal instruksi diterima."))
        instruksi = InstruksiLkpp.objects.create(dicatat_oleh=oleh, **data)
        catat_peristiwa(instruksi, oleh=oleh, ip=ip, aksi="catat", ke=instruksi.status, catatan=instruksi.nomor)
    return instruksi


def kerjakan_instruksi(*, instruksi_id: int, oleh, ip: str | None = None) -> InstruksiLkpp:
    """diterima → dikerjakan: someone in the unit has started on it."""
    _wajib_izin(oleh, "sistem.change_instruksilkpp")
    with transaction.atomic():
        instruksi = InstruksiLkpp.objects.select_for_update().get(pk=instruksi_id)
        if instruksi.status != InstruksiLkpp.Status.DITERIMA:
            raise TransisiTidakSah(_("Instruksi ini tidak berstatus diterima."))
        instruksi.status = InstruksiLkpp.Status.DIKERJAKAN
        instruksi.save(update_fields=["status", "updated_at"])
        instruksi.pelaksana.add(oleh)
        catat_peristiwa(instruksi, oleh=oleh, ip=ip, aksi="kerjakan", dari="diterima", ke="dikerjakan")
    return instruksi


def selesaikan_instruksi(*, instruksi_id: int, pelaksana, catatan: str, oleh, ip: str | None = None) -> InstruksiLkpp:
    """→ selesai, naming who carried it out and what was done."""
    _wajib_izin(oleh, "sistem.change_instruksilkpp")
    with transaction.atomic():
        instruksi = InstruksiLkpp.objects.select_for_update().get(pk=instruksi_id)
        if instruksi.status == InstruksiLkpp.Status.SELESAI:
            raise TransisiTidakSah(_("Instruksi ini sudah selesai."))
        if not catatan.strip():
            raise TransisiTidakSah(_("Catatan pelaksanaan wajib diisi."))
        pelaksana = list(pelaksana)
        if not pelaksana:
            raise TransisiTidakSah(_("Sebutkan siapa yang melaksanakan instruksi ini."))
        dari = instruksi.status
        instruksi.status = InstruksiLkpp.Status.SELESAI
        instruksi.catatan_pelaksanaan = catatan.strip()
        instruksi.selesai_at = timezone.now()
        instruksi.save(update_fields=["status", "catatan_pelaksanaan", "selesai_at", "updated_at"])
        instruksi.pelaksana.set(pelaksana)
        catat_peristiwa(
            instruksi,
            oleh=oleh,
            ip=ip,
            aksi="selesaikan",
            dari=dari,
            ke="selesai",
            data={"pelaksana": sorted(u.pk for u in pelaksana)},
        )
    return instruksi
