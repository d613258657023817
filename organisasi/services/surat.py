"""The correspondence register (Pergub NTB 6/2017 Lampiran II.3.b.2: ketatausahaan): incoming
letters and the Kepala LPSE's dispositions (II.2: memimpin operasional harian, memberikan
arahan), their follow-up and closing; outgoing letters and their numbers; links."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi import tautan_surat
from organisasi.models import (
    Disposisi,
    KlasifikasiSurat,
    Pegawai,
    PenomoranSurat,
    Penugasan,
    SuratKeluar,
    SuratMasuk,
    TautanSurat,
    TindakLanjut,
    Unit,
    UrutanAgenda,
    User,
)
from organisasi.models.surat import POLA_BAWAAN
from organisasi.services.umum import ekstensi, tgl, wajib_izin

# Generated numbers skip over numbers already taken by hand; this many at most in a row.
MAKS_LONCAT = 1000


# --- incoming letters -------------------------------------------------------------------------


def _nomor_agenda(tahun: int) -> int:
    urutan, _dibuat = UrutanAgenda.objects.get_or_create(tahun=tahun)
    urutan = UrutanAgenda.objects.select_for_update().get(pk=urutan.pk)
    urutan.nomor_terakhir += 1
    urutan.save(update_fields=["nomor_terakhir"])
    return urutan.nomor_terakhir


def catat_surat_masuk(*, data: dict, berkas, oleh: User, ip: str | None = None) -> SuratMasuk:
    """Register an incoming letter in the agenda with its scan (Lampiran II.3.b.2)."""
    wajib_izin(oleh, "organisasi.add_suratmasuk")
    hari_ini = timezone.localdate()
    with transaksi_berkas():
        surat = SuratMasuk(dicatat_oleh=oleh, **data)
        surat.nomor_surat = surat.nomor_surat.strip()
        surat.pengirim = surat.pengirim.strip()
        if not berkas:
            raise TransisiTidakSah(_("Pindaian surat wajib diunggah."))
        if surat.tanggal_diterima > hari_ini:
            raise TransisiTidakSah(_("Tanggal diterima tidak boleh di masa depan."))
        if surat.tanggal_diterima < surat.tanggal_surat:
            raise TransisiTidakSah(_("Tanggal diterima tidak boleh sebelum tanggal surat."))
        if not surat.klasifikasi.aktif:
            raise TransisiTidakSah(_("Klasifikasi %(k)s sudah tidak dipakai.") % {"k": surat.klasifikasi})
        sama = (
            SuratMasuk.objects.filter(pengirim__iexact=surat.pengirim, nomor_surat__iexact=surat.nomor_surat)
            .only("tahun_agenda", "nomor_agenda")
            .first()
        )
        if sama:
            raise TransisiTidakSah(
                _("Surat nomor %(nomor)s dari %(pengirim)s sudah dicatat dengan nomor agenda %(agenda)s.")
                % {"nomor": surat.nomor_surat, "pengirim": surat.pengirim, "agenda": sama.agenda}
            )
        surat.tahun_agenda = surat.tanggal_diterima.year
        surat.nomor_agenda = _nomor_agenda(surat.tahun_agenda)
        surat.berkas.save(f"surat{ekstensi(berkas)}", berkas, save=False)
        surat.save()
        catat_peristiwa(
            surat, oleh=oleh, ip=ip, aksi="catat", ke=surat.status, catatan=_("Agenda %(a)s") % {"a": surat.agenda}
        )
    return surat


def _penerima_email(disposisi: Disposisi) -> list[str]:
    if disposisi.pegawai_id:
        pegawai = disposisi.pegawai
        return [e for e in {pegawai.email, pegawai.user.email if pegawai.user_id else ""} if e]
    aktif = Penugasan.objects.aktif().filter(jabatan__unit_id=disposisi.unit_id)
    return sorted(
        set(
            User.objects.filter(pegawai__penugasan__in=aktif, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def buat_disposisi(
    *,
    surat_id: int,
    instruksi: str,
    batas_waktu: datetime.date,
    oleh: User,
    unit_ids: list[int] = (),
    pegawai_ids: list[int] = (),
    ip: str | None = None,
) -> list[Disposisi]:
    """The Kepala LPSE disposes an incoming letter to units and/or people, one disposition per
    recipient, each with its own follow-up (Lampiran II.2: memimpin operasional harian)."""
    wajib_izin(oleh, "organisasi.add_disposisi")
    hari_ini = timezone.localdate()
    with transaction.atomic():
        surat = SuratMasuk.objects.visible_to(oleh).select_for_update(of=("self",)).filter(pk=surat_id).first()
        if surat is None:
            raise PermissionDenied
        if surat.status == SuratMasuk.Status.SELESAI:
            raise TransisiTidakSah(_("Surat ini sudah selesai; disposisi baru tidak dapat dibuat."))
        unit_list = list(Unit.objects.filter(pk__in=unit_ids))
        pegawai_list = list(Pegawai.objects.filter(pk__in=pegawai_ids).select_related("user"))
        if not unit_list and not pegawai_list:
            raise TransisiTidakSah(_("Disposisi harus ditujukan kepada sedikitnya satu unit atau pegawai."))
        if not instruksi.strip():
            raise TransisiTidakSah(_("Instruksi disposisi wajib diisi."))
        if batas_waktu is None or batas_waktu < hari_ini:
            raise TransisiTidakSah(_("Batas waktu tidak boleh sebelum hari ini (%(hari)s).") % {"hari": tgl(hari_ini)})
        aktif = set(
            Pegawai.objects.dengan_penugasan_aktif(hari_ini).filter(pk__in=pegawai_ids).values_list("pk", flat=True)
        )
        tidak_aktif = [p.nama_lengkap for p in pegawai_list if p.pk not in aktif]
        if tidak_aktif:
            raise TransisiTidakSah(
                _("%(nama)s tidak sedang bertugas di LPSE; disposisi tidak dapat ditujukan kepadanya.")
                % {"nama": ", ".join(tidak_aktif)}
            )
        tanpa_akun = [p.nama_lengkap for p in pegawai_list if not p.user_id]
        if tanpa_akun:
            # Follow-up is reported in the portal: a person without an account could not answer.
            raise TransisiTidakSah(
                _("%(nama)s belum memiliki akun portal; tujukan disposisi ke unitnya.")
                % {"nama": ", ".join(tanpa_akun)}
            )
        dibuat = []
        for unit, pegawai in [(u, None) for u in unit_list] + [(None, p) for p in pegawai_list]:
            d = Disposisi.objects.create(
                surat=surat,
                unit=unit,
                pegawai=pegawai,
                instruksi=instruksi.strip(),
                batas_waktu=batas_waktu,
                dibuat_oleh=oleh,
            )
            catat_peristiwa(d, oleh=oleh, ip=ip, aksi="disposisi", ke=d.status, catatan=d.penerima)
            kirim_surel(
                kepada=_penerima_email(d),
                subjek=_("Disposisi surat %(agenda)s") % {"agenda": surat.agenda},
                template="organisasi/email_disposisi_baru",
                # A confidential letter's subject stays out of the e-mail: only the link goes.
                konteks={"d": d, "surat": surat, "rahasia": surat.rahasia, "batas": tgl(batas_waktu)},
                kunci=f"disposisi-baru:{d.pk}",
            )
            dibuat.append(d)
        if surat.status == SuratMasuk.Status.BARU:
            surat.status = SuratMasuk.Status.DIDISPOSISI
            surat.save(update_fields=["status", "updated_at"])
            catat_peristiwa(surat, oleh=oleh, ip=ip, aksi="disposisi", dari="baru", ke=surat.status)
    return dibuat


def tindak_lanjuti_disposisi(
    *, disposisi_id: int, isi: str, oleh: User, berkas=None, ip: str | None = None
) -> TindakLanjut:
    """A recipient reports what was done. Only the unit's staff or the person disposed to."""
    with transaksi_berkas():
        d = Disposisi.objects.untuk(oleh).select_for_update(of=("self",)).filter(pk=disposisi_id).first()
        if d is None:
            raise PermissionDenied(_("Disposisi ini tidak ditujukan kepada Anda atau unit Anda."))
        if d.status == Disposisi.Status.SELESAI:
            raise TransisiTidakSah(_("Disposisi ini sudah ditutup."))
        if not isi.strip():
            raise TransisiTidakSah(_("Uraian tindak lanjut wajib diisi."))
        tl = TindakLanjut(disposisi=d, isi=isi.strip(), oleh=oleh)
        if berkas:
            tl.berkas.save(f"tindak-lanjut{ekstensi(berkas)}", berkas, save=False)
        tl.save()
        dari = d.status
        d.status = Disposisi.Status.DITINDAKLANJUTI
        d.save(update_fields=["status", "updated_at"])
        catat_peristiwa(d, oleh=oleh, ip=ip, aksi="tindak_lanjut", dari=dari, ke=d.status, catatan=tl.isi[:500])
    return tl


def selesaikan_disposisi(*, disposisi_id: int, oleh: User, catatan: str = "", ip: str | None = None) -> Disposisi:
    """Close a disposition that has been followed up. The letter is done when its last open
    disposition closes (Lampiran II.3.b.4: pengendalian)."""
    wajib_izin(oleh, "organisasi.tutup_disposisi")
    with transaction.atomic():
        d = Disposisi.objects.select_for_update().get(pk=disposisi_id)
        surat = SuratMasuk.objects.visible_to(oleh).select_for_update(of=("self",)).filter(pk=d.surat_id).first()
        if surat is None:
            raise PermissionDenied
        if d.status == Disposisi.Status.SELESAI:
            raise TransisiTidakSah(_("Disposisi ini sudah ditutup."))
        if d.status != Disposisi.Status.DITINDAKLANJUTI:
            raise TransisiTidakSah(_("Disposisi belum ditindaklanjuti penerimanya; belum dapat ditutup."))
        d.status = Disposisi.Status.SELESAI
        d.selesai_at = timezone.now()
        d.diselesaikan_oleh = oleh
        d.catatan_selesai = catatan.strip()
        d.save(update_fields=["status", "selesai_at", "diselesaikan_oleh", "catatan_selesai", "updated_at"])
        catat_peristiwa(
            d, oleh=oleh, ip=ip, aksi="tutup", dari="ditindaklanjuti", ke=d.status, catatan=d.catatan_selesai
        )
        if not surat.disposisi.exclude(status=Disposisi.Status.SELESAI).exists():
            dari = surat.status
            surat.status = SuratMasuk.Status.SELESAI
            surat.save(update_fields=["status", "updated_at"])
            catat_peristiwa(
                surat,
                oleh=oleh,
                ip=ip,
                aksi="selesai",
                dari=dari,
                ke=surat.status,
                catatan=_("Semua disposisi selesai."),
            )
    return d


def arsipkan_surat_masuk(*, surat_id: int, catatan: str, oleh: User, ip: str | None = None) -> SuratMasuk:
    """Close a letter that needs no disposition (for information only), with a note."""
    wajib_izin(oleh, "organisasi.tutup_disposisi")
    with transaction.atomic():
        surat = SuratMasuk.objects.visible_to(oleh).select_for_update(of=("self",)).filter(pk=surat_id).first()
        if surat is None:
            raise PermissionDenied
        if surat.status != SuratMasuk.Status.BARU:
            raise TransisiTidakSah(_("Hanya surat yang belum didisposisi yang dapat diarsipkan langsung."))
        if not catatan.strip():
            raise TransisiTidakSah(_("Catatan pengarsipan wajib diisi."))
        surat.status = SuratMasuk.Status.SELESAI
        surat.catatan_selesai = catatan.strip()
        surat.save(update_fields=["status", "catatan_selesai", "updated_at"])
        catat_peristiwa(
            surat, oleh=oleh, ip=ip, aksi="arsipkan", dari="baru", ke=surat.status, catatan=surat.catatan_selesai
        )
    return surat


def ingatkan_disposisi(hari_ini: datetime.date | None = None) -> int:
    """Daily job: remind recipients of open dispositions due tomorrow or overdue. Each reminder
    is sent once per disposition and kind (kunci), so running twice sends nothing twice."""
    hari_ini = hari_ini or timezone.localdate()
    besok = hari_ini + datetime.timedelta(days=1)
    terkirim = 0
    qs = Disposisi.objects.terbuka().filter(batas_waktu__lte=besok).select_related("surat", "unit", "pegawai__user")
    for d in qs.order_by("pk"):
        jenis = "h-1" if d.batas_waktu == besok else "lewat" if d.batas_waktu < hari_ini else "hari-ini"
        with transaction.atomic():
            email = kirim_surel(
                kepada=_penerima_email(d),
                subjek=_("Pengingat disposisi surat %(agenda)s") % {"agenda": d.surat.agenda},
                template="organisasi/email_disposisi_pengingat",
                konteks={
                    "d": d,
                    "surat": d.surat,
                    "rahasia": d.surat.rahasia,
                    "batas": tgl(d.batas_waktu),
                    "jenis": jenis,
                },
                kunci=f"disposisi-ingat:{d.pk}:{jenis}",
            )
        terkirim += email is not None
    return terkirim


# --- outgoing letters -------------------------------------------------------------------------


def _baris_penomoran(tahun: int, klasifikasi: KlasifikasiSurat) -> PenomoranSurat:
    """The numbering row for a letter: the classification's own sequence for the year when it
    has one (this year or carried forward from an earlier year), else the year's general one.
    A new year's row takes the latest earlier pattern and starts again from 1."""
    sendiri = PenomoranSurat.objects.filter(klasifikasi=klasifikasi)
    if sendiri.filter(tahun=tahun).exists() or sendiri.filter(tahun__lt=tahun).exists():
        pola = sendiri.filter(tahun__lte=tahun).order_by("-tahun").values_list("pola", flat=True).first()
        row, _dibuat = PenomoranSurat.objects.get_or_create(
            tahun=tahun, klasifikasi=klasifikasi, defaults={"pola": pola}
        )
        return row
    umum = PenomoranSurat.objects.filter(klasifikasi__isnull=True)
    pola = umum.filter(tahun__lte=tahun).order_by("-tahun").values_list("pola", flat=True).first() or POLA_BAWAAN
    row, _dibuat = PenomoranSurat.objects.get_or_create(tahun=tahun, klasifikasi=None, defaults={"pola": pola})
    return row


def _nomor_berikut(
    tahun: int, klasifikasi: KlasifikasiSurat, tanggal: datetime.date
) -> tuple[PenomoranSurat, int, str]:
    # The row lock serialises concurrent requests: each sees the number the previous one took.
    row = PenomoranSurat.objects.select_for_update().get(pk=_baris_penomoran(tahun, klasifikasi).pk)
    urut = row.nomor_terakhir
    for _i in range(MAKS_LONCAT):
        urut += 1
        nomor = row.bentuk(nomor=urut, klasifikasi=klasifikasi, tanggal=tanggal)
        # A number taken by hand (a letter registered late) is skipped, never given twice.
        if not SuratKeluar.objects.filter(nomor=nomor).exists():
            row.nomor_terakhir = urut
            row.save(update_fields=["nomor_terakhir"])
            return row, urut, nomor
    raise TransisiTidakSah(
        _("Pola penomoran %(pola)s tahun %(tahun)s menghasilkan nomor yang sudah dipakai; periksa polanya.")
        % {"pola": row.pola, "tahun": tahun}
    )


def buat_surat_keluar(
    *, data: dict, oleh: User, nomor_manual: str = "", berkas_ttd=None, ip: str | None = None
) -> SuratKeluar:
    """Register an outgoing letter and give it the next number of its year and classification
    (or a number given by hand, for a letter numbered outside the portal). Numbers never
    repeat: the numbering row is locked, and the number is unique in the database."""
    wajib_izin(oleh, "organisasi.add_suratkeluar")
    hari_ini = timezone.localdate()
    with transaksi_berkas():
        surat = SuratKeluar(dibuat_oleh=oleh, **data)
        if surat.tanggal_surat > hari_ini:
            raise TransisiTidakSah(_("Tanggal surat tidak boleh di masa depan."))
        if not surat.klasifikasi.aktif:
            raise TransisiTidakSah(_("Klasifikasi %(k)s sudah tidak dipakai.") % {"k": surat.klasifikasi})
        if surat.balasan_atas_id and not SuratMasuk.objects.visible_to(oleh).filter(pk=surat.balasan_atas_id).exists():
            raise PermissionDenied
        nomor_manual = " ".join(nomor_manual.split())
        if nomor_manual:
            lain = SuratKeluar.objects.filter(nomor__iexact=nomor_manual).first()
            if lain:
                raise TransisiTidakSah(
                    _("Nomor %(nomor)s sudah dipakai surat keluar tanggal %(tgl)s; nomor surat tidak boleh berulang.")
                    % {"nomor": nomor_manual, "tgl": tgl(lain.tanggal_surat)}
                )
            surat.nomor = nomor_manual
        else:
            surat.penomoran, surat.nomor_urut, surat.nomor = _nomor_berikut(
                surat.tanggal_surat.year, surat.klasifikasi, surat.tanggal_surat
            )
        if berkas_ttd:
            surat.berkas_ttd.save(f"surat-keluar{ekstensi(berkas_ttd)}", berkas_ttd, save=False)
            surat.status = SuratKeluar.Status.DITANDATANGANI
        try:
            with transaction.atomic():
                surat.save()
        except IntegrityError:  # the same manual number saved concurrently
            raise TransisiTidakSah(
                _("Nomor %(nomor)s baru saja dipakai surat lain; nomor surat tidak boleh berulang.")
                % {"nomor": surat.nomor}
            )
        catat_peristiwa(
            surat,
            oleh=oleh,
            ip=ip,
            aksi="beri_nomor",
            ke=surat.status,
            catatan=surat.nomor,
            data={"manual": bool(nomor_manual)},
        )
    return surat


def unggah_surat_keluar_ttd(*, surat_id: int, berkas, oleh: User, ip: str | None = None) -> SuratKeluar:
    """Attach the signed scan of an outgoing letter."""
    wajib_izin(oleh, "organisasi.add_suratkeluar")
    with transaksi_berkas():
        surat = SuratKeluar.objects.visible_to(oleh).select_for_update(of=("self",)).filter(pk=surat_id).first()
        if surat is None:
            raise PermissionDenied
        if surat.status == SuratKeluar.Status.DIBATALKAN:
            raise TransisiTidakSah(_("Surat ini sudah dibatalkan."))
        if surat.status == SuratKeluar.Status.DITANDATANGANI:
            raise TransisiTidakSah(_("Pindaian bertanda tangan sudah diunggah."))
        if not berkas:
            raise TransisiTidakSah(_("Pindaian surat bertanda tangan wajib diunggah."))
        surat.berkas_ttd.save(f"surat-keluar{ekstensi(berkas)}", berkas, save=False)
        dari = surat.status
        surat.status = SuratKeluar.Status.DITANDATANGANI
        surat.save(update_fields=["berkas_ttd", "status", "updated_at"])
        catat_peristiwa(surat, oleh=oleh, ip=ip, aksi="unggah_ttd", dari=dari, ke=surat.status)
    return surat


def batalkan_surat_keluar(*, surat_id: int, alasan: str, oleh: User, ip: str | None = None) -> SuratKeluar:
    """Cancel an unsigned outgoing letter. Its number stays used and is never given again."""
    wajib_izin(oleh, "organisasi.add_suratkeluar")
    with transaction.atomic():
        surat = SuratKeluar.objects.visible_to(oleh).select_for_update(of=("self",)).filter(pk=surat_id).first()
        if surat is None:
            raise PermissionDenied
        if surat.status != SuratKeluar.Status.DINOMORI:
            raise TransisiTidakSah(_("Hanya surat yang belum ditandatangani yang dapat dibatalkan."))
        if not alasan.strip():
            raise TransisiTidakSah(_("Alasan pembatalan wajib diisi."))
        surat.status = SuratKeluar.Status.DIBATALKAN
        surat.alasan_batal = alasan.strip()
        surat.save(update_fields=["status", "alasan_batal", "updated_at"])
        catat_peristiwa(
            surat, oleh=oleh, ip=ip, aksi="batal", dari="dinomori", ke=surat.status, catatan=surat.alasan_batal
        )
    return surat


# --- links ------------------------------------------------------------------------------------


def tautkan_surat(
    *,
    jenis: str,
    object_id: int,
    oleh: User,
    surat_masuk_id: int | None = None,
    surat_keluar_id: int | None = None,
    keterangan: str = "",
    ip: str | None = None,
) -> TautanSurat:
    """Link a letter to what it concerns; the kind must be registered and the object visible
    to the user who links it."""
    wajib_izin(oleh, "organisasi.add_tautansurat")
    with transaction.atomic():
        model, pk = (SuratMasuk, surat_masuk_id) if surat_masuk_id else (SuratKeluar, surat_keluar_id)
        surat = model.objects.visible_to(oleh).select_for_update(of=("self",)).filter(pk=pk).first()
        if surat is None:
            raise PermissionDenied
        jt = tautan_surat.jenis_dari_kunci(jenis)
        if jt is None:
            raise TransisiTidakSah(_("Jenis tautan tidak dikenal."))
        ct = ContentType.objects.get_for_model(jt.model_class())
        try:
            objek = tautan_surat.periksa_objek(ct, object_id, oleh)
        except ValidationError as e:
            raise TransisiTidakSah(" ".join(e.messages))
        tautan = TautanSurat(
            surat_masuk=surat if surat_masuk_id else None,
            surat_keluar=surat if surat_keluar_id else None,
            content_type=ct,
            object_id=objek.pk,
            keterangan=keterangan.strip(),
            dibuat_oleh=oleh,
        )
        try:
            with transaction.atomic():
                tautan.save()
        except IntegrityError:
            raise TransisiTidakSah(_("Surat ini sudah ditautkan ke %(objek)s.") % {"objek": objek})
        catat_peristiwa(surat, oleh=oleh, ip=ip, aksi="tautkan", catatan=f"{jt.label}: {objek}")
    return tautan


def hapus_tautan(*, tautan_id: int, oleh: User, ip: str | None = None) -> None:
    wajib_izin(oleh, "organisasi.delete_tautansurat")
    with transaction.atomic():
        tautan = TautanSurat.objects.select_for_update().select_related("content_type").get(pk=tautan_id)
        surat = tautan.surat
        model = SuratMasuk if tautan.surat_masuk_id else SuratKeluar
        if not model.objects.visible_to(oleh).filter(pk=surat.pk).exists():
            raise PermissionDenied
        catat_peristiwa(surat, oleh=oleh, ip=ip, aksi="hapus_tautan", catatan=str(tautan))
        tautan.delete()


# --- numbering configuration ------------------------------------------------------------------


def simpan_klasifikasi(*, kode: str, nama: str, oleh: User, ip: str | None = None) -> KlasifikasiSurat:
    """Add a filing classification code (pedoman klasifikasi arsip)."""
    wajib_izin(oleh, "organisasi.add_klasifikasisurat")
    with transaction.atomic():
        kode, nama = kode.strip(), nama.strip()
        if not kode or not nama:
            raise TransisiTidakSah(_("Kode dan nama klasifikasi wajib diisi."))
        if KlasifikasiSurat.objects.filter(kode__iexact=kode).exists():
            raise TransisiTidakSah(_("Klasifikasi %(kode)s sudah ada.") % {"kode": kode})
        klasifikasi = KlasifikasiSurat.objects.create(kode=kode, nama=nama)
        catat_peristiwa(klasifikasi, oleh=oleh, ip=ip, aksi="buat", catatan=str(klasifikasi))
    return klasifikasi


def simpan_penomoran(
    *,
    pola: str,
    oleh: User,
    penomoran_id: int | None = None,
    tahun: int | None = None,
    klasifikasi: KlasifikasiSurat | None = None,
    ip: str | None = None,
) -> PenomoranSurat:
    """Set the numbering pattern of a year (and classification). The counter is never set by
    hand: a changed pattern continues the sequence, and numbers already taken are skipped."""
    from organisasi.models import validasi_pola

    wajib_izin(oleh, "organisasi.change_penomoransurat" if penomoran_id else "organisasi.add_penomoransurat")
    try:
        validasi_pola(pola)
    except ValidationError as e:
        raise TransisiTidakSah(" ".join(e.messages))
    with transaction.atomic():
        if penomoran_id:
            row = PenomoranSurat.objects.select_for_update().get(pk=penomoran_id)
            sebelumnya = row.pola
            row.pola = pola
            row.save(update_fields=["pola"])
            catat_peristiwa(row, oleh=oleh, ip=ip, aksi="ubah_pola", data={"sebelumnya": sebelumnya, "pola": pola})
            return row
        if PenomoranSurat.objects.filter(tahun=tahun, klasifikasi=klasifikasi).exists():
            raise TransisiTidakSah(
                _("Penomoran tahun %(tahun)s untuk %(k)s sudah ada; ubah polanya saja.")
                % {"tahun": tahun, "k": klasifikasi or _("urutan umum")}
            )
        try:
            with transaction.atomic():
                row = PenomoranSurat.objects.create(tahun=tahun, klasifikasi=klasifikasi, pola=pola)
        except IntegrityError:
            raise TransisiTidakSah(_("Penomoran ini baru saja dibuat orang lain; ubah polanya saja."))
        catat_peristiwa(row, oleh=oleh, ip=ip, aksi="buat", data={"pola": pola})
    return row
