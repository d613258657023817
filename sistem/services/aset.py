"""Assets and their maintenance (Pergub NTB 6/2017 Lampiran II.4.b.1; SOP VI.d)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from sistem.models import Aset, Pemeliharaan


def _wajib_izin(oleh, izin: str) -> None:
    if not oleh.has_perm(izin):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


def simpan_aset(*, data: dict, oleh, aset_id: int | None = None, ip: str | None = None) -> Aset:
    """Record or update an inventory entry (hardware, software or network)."""
    _wajib_izin(oleh, "sistem.change_aset" if aset_id else "sistem.add_aset")
    with transaction.atomic():
        if aset_id:
            aset = Aset.objects.select_for_update().get(pk=aset_id)
            aksi = "ubah"
        else:
            aset = Aset()
            aksi = "catat"
        status_lama = aset.status if aset_id else ""
        for kolom, nilai in data.items():
            setattr(aset, kolom, nilai)
        if Aset.objects.exclude(pk=aset.pk).filter(kode__iexact=aset.kode).exists():
            raise TransisiTidakSah(_("Kode inventaris %(kode)s sudah dipakai aset lain.") % {"kode": aset.kode})
        if aset.tanggal_pembelian and aset.garansi_sampai and aset.garansi_sampai < aset.tanggal_pembelian:
            raise TransisiTidakSah(_("Garansi tidak mungkin berakhir sebelum tanggal pembelian."))
        if aset.tanggal_pembelian and aset.tanggal_pembelian > timezone.localdate():
            raise TransisiTidakSah(_("Tanggal pembelian tidak boleh di masa depan."))
        aset.save()
        catat_peristiwa(
            aset, oleh=oleh, ip=ip, aksi=aksi, dari=status_lama, ke=aset.status, data={"kolom": sorted(data)}
        )
    return aset


def catat_pemeliharaan(*, aset_id: int, data: dict, oleh, ip: str | None = None) -> Pemeliharaan:
    """A maintenance record; done work only, so it cannot be dated in the future."""
    _wajib_izin(oleh, "sistem.add_pemeliharaan")
    with transaction.atomic():
        aset = Aset.objects.select_for_update().get(pk=aset_id)
        if aset.status == Aset.Status.DIHAPUS:
            raise TransisiTidakSah(_("Aset yang sudah dihapuskan tidak dipelihara lagi."))
        if data["tanggal"] > timezone.localdate():
            raise TransisiTidakSah(
                _("Tanggal pemeliharaan tidak boleh di masa depan; catat pekerjaan yang sudah dilakukan.")
            )
        if aset.tanggal_pembelian and data["tanggal"] < aset.tanggal_pembelian:
            raise TransisiTidakSah(_("Tanggal pemeliharaan tidak boleh sebelum tanggal pembelian aset."))
        p = Pemeliharaan.objects.create(aset=aset, dicatat_oleh=oleh, **data)
        catat_peristiwa(
            aset, oleh=oleh, ip=ip, aksi="pemeliharaan", catatan=f"{p.get_jenis_display()}: {p.uraian[:200]}"
        )
    return p
