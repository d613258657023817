"""Drafting: new SOPs, new versions, editing a draft, withdrawing it (Pergub Lampiran VI)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from organisasi.models import Unit, User
from sop import aturan
from sop.models import SOP, Kategori, LangkahSOP, VersiSOP
from sop.services._umum import kunci_versi, tinjau_berikutnya, tolak, wajib_penyusun, wajib_status

KOLOM_ISI = ("judul", "tujuan", "ruang_lingkup", "dasar_hukum", "formulir_catatan", "alasan_perubahan")
KOLOM_LANGKAH = ("uraian", "pelaksana", "masukan", "keluaran", "waktu")


def buat_sop(
    *,
    kode: str,
    judul: str,
    kategori_id: int,
    unit_id: int,
    oleh: User,
    publik: bool = False,
    interval_tinjauan_bulan: int = 12,
    ip: str | None = None,
) -> VersiSOP:
    """Create an SOP with its first draft, version 1.0 (Lampiran VI: the LPSE drafts its SOPs)."""
    if not aturan.penyusun(oleh):
        tolak(_("Hanya Kepala LPSE, Sekretaris atau koordinator unit yang dapat menyusun SOP."))
    if not aturan.boleh_susun_unit(oleh, unit_id):
        tolak(_("Koordinator hanya dapat menyusun SOP milik unitnya."))
    kode = kode.strip().upper()
    if interval_tinjauan_bulan < 1:
        raise TransisiTidakSah(_("Interval tinjauan paling sedikit satu bulan."))
    with transaction.atomic():
        if SOP.objects.filter(kode__iexact=kode).exists():
            raise TransisiTidakSah(_("Kode SOP %(kode)s sudah dipakai.") % {"kode": kode})
        try:
            with transaction.atomic():
                sop = SOP.objects.create(
                    kode=kode,
                    judul=judul.strip(),
                    kategori=Kategori.objects.get(pk=kategori_id),
                    unit=Unit.objects.get(pk=unit_id),
                    publik=publik,
                    interval_tinjauan_bulan=interval_tinjauan_bulan,
                    dibuat_oleh=oleh,
                )
        except IntegrityError:
            raise TransisiTidakSah(_("Kode SOP %(kode)s sudah dipakai.") % {"kode": kode})
        versi = VersiSOP.objects.create(sop=sop, mayor=1, minor=0, judul=sop.judul, disusun_oleh=oleh)
        catat_peristiwa(sop, oleh=oleh, ip=ip, aksi="buat", ke="ada", catatan=f"{sop.kode} {sop.judul}")
        catat_peristiwa(versi, oleh=oleh, ip=ip, aksi="buat_draf", ke=versi.status, catatan=f"v{versi.nomor}")
    return versi


def ubah_sop(*, sop_id: int, data: dict, oleh: User, ip: str | None = None) -> SOP:
    """Change an SOP's register data (category, owning unit, public, review interval).

    The text is never changed here: it belongs to the versions.
    """
    with transaction.atomic():
        sop = SOP.objects.select_for_update().get(pk=sop_id)
        wajib_penyusun(oleh, sop)
        boleh = {"kategori", "unit", "publik", "interval_tinjauan_bulan"}
        if set(data) - boleh:
            raise TransisiTidakSah(
                _("Kolom %(k)s tidak dapat diubah di sini.") % {"k": ", ".join(sorted(set(data) - boleh))}
            )
        if "unit" in data and not aturan.boleh_susun_unit(oleh, data["unit"].pk):
            tolak(_("Koordinator hanya dapat menyusun SOP milik unitnya."))
        if data.get("interval_tinjauan_bulan", 1) < 1:
            raise TransisiTidakSah(_("Interval tinjauan paling sedikit satu bulan."))
        sebelum = {k: str(getattr(sop, k)) for k in data}
        for k, v in data.items():
            setattr(sop, k, v)
        if "interval_tinjauan_bulan" in data and sop.tinjauan_terakhir:
            sop.tinjau_berikutnya = tinjau_berikutnya(sop, sop.tinjauan_terakhir)
        sop.save()
        catat_peristiwa(
            sop,
            oleh=oleh,
            ip=ip,
            aksi="ubah",
            data={"sebelum": sebelum, "sesudah": {k: str(v) for k, v in data.items()}},
        )
    return sop


def buat_versi_baru(*, sop_id: int, jenis: str, alasan_perubahan: str, oleh: User, ip: str | None = None) -> VersiSOP:
    """Start a new version as a copy of the current one: an approved version is never edited.

    Refused while the SOP already has a version in progress (one pending draft per SOP).
    """
    if jenis not in ("mayor", "minor"):
        raise TransisiTidakSah(_("Jenis perubahan harus mayor atau minor."))
    with transaction.atomic():
        sop = SOP.objects.select_for_update().get(pk=sop_id)
        wajib_penyusun(oleh, sop)
        tertunda = sop.versi.filter(status__in=VersiSOP.STATUS_TERTUNDA).first()
        if tertunda:
            raise TransisiTidakSah(
                _(
                    "SOP %(kode)s sudah memiliki versi yang sedang diproses (v%(nomor)s, %(status)s). "
                    "Selesaikan atau batalkan versi itu lebih dulu."
                )
                % {"kode": sop.kode, "nomor": tertunda.nomor, "status": tertunda.get_status_display()}
            )
        dasar = sop.versi.filter(status__in=VersiSOP.STATUS_TERKUNCI).order_by("-mayor", "-minor").first()
        if dasar is None:
            versi = VersiSOP.objects.create(sop=sop, mayor=1, minor=0, judul=sop.judul, disusun_oleh=oleh)
        else:
            if not alasan_perubahan.strip():
                raise TransisiTidakSah(_("Alasan perubahan wajib diisi untuk versi baru."))
            sumber = sop.versi.filter(status=VersiSOP.Status.BERLAKU).first() or dasar
            mayor, minor = (dasar.mayor + 1, 0) if jenis == "mayor" else (dasar.mayor, dasar.minor + 1)
            versi = VersiSOP.objects.create(
                sop=sop,
                mayor=mayor,
                minor=minor,
                disusun_oleh=oleh,
                alasan_perubahan=alasan_perubahan.strip(),
                **{k: getattr(sumber, k) for k in KOLOM_ISI if k != "alasan_perubahan"},
            )
            LangkahSOP.objects.bulk_create(
                LangkahSOP(versi=versi, urutan=s.urutan, **{k: getattr(s, k) for k in KOLOM_LANGKAH})
                for s in sumber.langkah.all()
            )
        catat_peristiwa(
            versi,
            oleh=oleh,
            ip=ip,
            aksi="buat_draf",
            ke=versi.status,
            catatan=f"v{versi.nomor}",
            data={"jenis": jenis, "dasar": dasar.nomor if dasar else None},
        )
    return versi


def ubah_draf(
    *,
    versi_id: int,
    data: dict,
    langkah: list[dict],
    oleh: User,
    berkas_ttd=None,
    hapus_berkas: bool = False,
    ip: str | None = None,
) -> VersiSOP:
    """Save a draft's text and its ordered steps. Only drafts and returned versions change."""
    with transaksi_berkas():
        versi = kunci_versi(versi_id)
        wajib_penyusun(oleh, versi.sop)
        wajib_status(versi, *VersiSOP.STATUS_DAPAT_DIUBAH)
        if set(data) - set(KOLOM_ISI):
            raise TransisiTidakSah(_("Kolom yang tidak dikenal."))
        if "judul" in data and not data["judul"].strip():
            raise TransisiTidakSah(_("Judul wajib diisi."))
        langkah = [s for s in langkah if any((s.get(k) or "").strip() for k in KOLOM_LANGKAH)]
        for i, s in enumerate(langkah, start=1):
            if not (s.get("uraian") or "").strip() or not (s.get("pelaksana") or "").strip():
                raise TransisiTidakSah(_("Langkah %(n)d: uraian kegiatan dan pelaksana wajib diisi.") % {"n": i})
        for k, v in data.items():
            setattr(versi, k, v.strip() if isinstance(v, str) else v)
        if hapus_berkas and versi.berkas_ttd:
            versi.berkas_ttd = ""
        if berkas_ttd:
            versi.berkas_ttd.save("ttd.pdf", berkas_ttd, save=False)
        versi.save()
        versi.langkah.all().delete()
        LangkahSOP.objects.bulk_create(
            LangkahSOP(versi=versi, urutan=i, **{k: (s.get(k) or "").strip() for k in KOLOM_LANGKAH})
            for i, s in enumerate(langkah, start=1)
        )
        if (
            versi.mayor == 1
            and versi.minor == 0
            and not versi.sop.versi.filter(status__in=VersiSOP.STATUS_TERKUNCI).exists()
        ):
            # Before anything is approved the register follows the draft's title.
            SOP.objects.filter(pk=versi.sop_id).update(judul=versi.judul, updated_at=timezone.now())
        catat_peristiwa(
            versi,
            oleh=oleh,
            ip=ip,
            aksi="ubah_draf",
            dari=versi.status,
            ke=versi.status,
            data={"kolom": sorted(data), "langkah": len(langkah), "berkas_ttd": bool(berkas_ttd)},
        )
    return versi


def batalkan_draf(*, versi_id: int, alasan: str, oleh: User, ip: str | None = None) -> VersiSOP:
    """Withdraw a draft that will not go on; it stays in the record as cancelled."""
    with transaction.atomic():
        versi = kunci_versi(versi_id)
        wajib_penyusun(oleh, versi.sop)
        wajib_status(versi, *VersiSOP.STATUS_DAPAT_DIUBAH)
        if not alasan.strip():
            raise TransisiTidakSah(_("Alasan pembatalan wajib diisi."))
        dari = versi.status
        versi.status = VersiSOP.Status.DIBATALKAN
        versi.save(update_fields=["status", "updated_at"])
        catat_peristiwa(versi, oleh=oleh, ip=ip, aksi="batalkan", dari=dari, ke=versi.status, catatan=alasan.strip())
    return versi
