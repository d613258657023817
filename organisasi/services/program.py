"""The programme of activities: drawing it up, and entering realisation per quarter
(Pergub NTB 6/2017 Lampiran II.2.a and II.3.b.4)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from organisasi import angka_otomatis
from organisasi.models import Kegiatan, ProgramKegiatan, Realisasi, Target, User, awal_triwulan
from organisasi.models.program import ROMAWI_TRIWULAN
from organisasi.services.umum import ekstensi, tgl, wajib_izin


def simpan_program(*, data: dict, oleh: User, program_id: int | None = None, ip: str | None = None) -> ProgramKegiatan:
    """Create or update a year's programme (Lampiran II.2.a: penyusunan program kegiatan)."""
    wajib_izin(oleh, "organisasi.kelola_program")
    with transaction.atomic():
        if program_id:
            program = ProgramKegiatan.objects.select_for_update().get(pk=program_id)
        else:
            program = ProgramKegiatan()
        for field, value in data.items():
            setattr(program, field, value)
        if ProgramKegiatan.objects.filter(tahun=program.tahun).exclude(pk=program.pk).exists():
            raise TransisiTidakSah(_("Program kegiatan tahun %(tahun)s sudah ada.") % {"tahun": program.tahun})
        try:
            with transaction.atomic():
                program.save()
        except IntegrityError:  # the same year created concurrently
            raise TransisiTidakSah(_("Program kegiatan tahun %(tahun)s sudah ada.") % {"tahun": program.tahun})
        catat_peristiwa(program, oleh=oleh, ip=ip, aksi="ubah" if program_id else "buat", data={"kolom": sorted(data)})
    return program


def simpan_kegiatan(
    *, program_id: int, data: dict, oleh: User, kegiatan_id: int | None = None, ip: str | None = None
) -> Kegiatan:
    """Create or update an activity with its responsible unit, budget and schedule."""
    wajib_izin(oleh, "organisasi.kelola_program")
    with transaction.atomic():
        program = ProgramKegiatan.objects.select_for_update().get(pk=program_id)
        if kegiatan_id:
            kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan_id, program=program)
        else:
            kegiatan = Kegiatan(program=program)
        for field, value in data.items():
            setattr(kegiatan, field, value)
        if kegiatan.pagu is None or kegiatan.pagu < 0:
            raise TransisiTidakSah(_("Pagu tidak boleh negatif."))
        if kegiatan.jadwal_selesai < kegiatan.jadwal_mulai:
            raise TransisiTidakSah(_("Jadwal selesai tidak boleh sebelum jadwal mulai."))
        if kegiatan.jadwal_mulai.year != program.tahun or kegiatan.jadwal_selesai.year != program.tahun:
            raise TransisiTidakSah(
                _("Jadwal kegiatan harus di dalam tahun program (%(tahun)s).") % {"tahun": program.tahun}
            )
        kegiatan.save()
        catat_peristiwa(
            kegiatan, oleh=oleh, ip=ip, aksi="ubah" if kegiatan_id else "buat", data={"kolom": sorted(data)}
        )
    return kegiatan


def simpan_target(
    *, kegiatan_id: int, data: dict, oleh: User, target_id: int | None = None, ip: str | None = None
) -> Target:
    """Create or update an indicator with its unit of measure and target per quarter."""
    wajib_izin(oleh, "organisasi.kelola_program")
    with transaction.atomic():
        kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan_id)
        if target_id:
            target = Target.objects.select_for_update().get(pk=target_id, kegiatan=kegiatan)
        else:
            target = Target(kegiatan=kegiatan)
        for field, value in data.items():
            setattr(target, field, value.strip() if isinstance(value, str) else value)
        if not target.indikator:
            raise TransisiTidakSah(_("Indikator wajib diisi."))
        if not target.satuan:
            raise TransisiTidakSah(
                _(
                    "Target wajib memiliki satuan (mis. penyedia, kali, tiket, persen); "
                    "tanpa satuan capaian tidak dapat dinilai."
                )
            )
        if any((target.target_triwulan(t) or Decimal(0)) < 0 for t in range(1, 5)):
            raise TransisiTidakSah(_("Target per triwulan tidak boleh negatif."))
        if target.sumber_otomatis and angka_otomatis.sumber(target.sumber_otomatis) is None:
            raise TransisiTidakSah(
                _("Sumber angka otomatis “%(kunci)s” tidak dikenal.") % {"kunci": target.sumber_otomatis}
            )
        target.save()
        catat_peristiwa(
            kegiatan, oleh=oleh, ip=ip, aksi="ubah_target" if target_id else "tambah_target", catatan=target.indikator
        )
    return target


def isi_realisasi(
    *,
    target_id: int,
    triwulan: int,
    nilai: Decimal,
    bukti,
    oleh: User,
    keterangan: str = "",
    ip: str | None = None,
    hari_ini: datetime.date | None = None,
) -> Realisasi:
    """Enter the realisation of a quarter with its evidence (Lampiran II.3.b.4: pengendalian
    dan evaluasi). A correction is a new entry; the latest counts."""
    wajib_izin(oleh, "organisasi.isi_realisasi")
    hari_ini = hari_ini or timezone.localdate()
    with transaksi_berkas():
        target = Target.objects.select_for_update().select_related("kegiatan__program").get(pk=target_id)
        if not Kegiatan.objects.dapat_diisi_oleh(oleh).filter(pk=target.kegiatan_id).exists():
            raise PermissionDenied(_("Realisasi kegiatan ini diisi oleh unit penanggung jawabnya atau Sekretariat."))
        if triwulan not in (1, 2, 3, 4):
            raise TransisiTidakSah(_("Triwulan harus I, II, III atau IV."))
        program = target.kegiatan.program
        if not program.triwulan_dimulai(triwulan, hari_ini):
            raise TransisiTidakSah(
                _("Triwulan %(tw)s tahun %(tahun)s belum dimulai (mulai %(mulai)s); realisasinya belum dapat diisi.")
                % {
                    "tw": ROMAWI_TRIWULAN[triwulan],
                    "tahun": program.tahun,
                    "mulai": tgl(awal_triwulan(program.tahun, triwulan)),
                }
            )
        if nilai is None or nilai < 0:
            raise TransisiTidakSah(_("Realisasi tidak boleh negatif."))
        if not bukti:
            raise TransisiTidakSah(_("Bukti dukung realisasi wajib diunggah."))
        realisasi = Realisasi(
            target=target, triwulan=triwulan, nilai=nilai, keterangan=keterangan.strip(), dicatat_oleh=oleh
        )
        realisasi.bukti.save(f"bukti{ekstensi(bukti)}", bukti, save=False)
        realisasi.save()
        catat_peristiwa(
            realisasi,
            oleh=oleh,
            ip=ip,
            aksi="isi_realisasi",
            catatan=f"{target.indikator}: TW {ROMAWI_TRIWULAN[triwulan]} = {nilai} {target.satuan}",
            data={"target": target.pk, "triwulan": triwulan, "nilai": str(nilai)},
        )
    return realisasi
