"""The helpdesk: tickets from their creation to their closing (Pergub NTB 6/2017 Lampiran
II.6.b.1–3 consultation, SPSE information, complaints; IV.1.b technical support to PA/KPA/PPK/
UKPBJ; IV.2.a consultation with LKPP). Status flow of DESIGN.md:
baru → ditangani → menunggu_pengguna ⇄ ditangani → eskalasi_lkpp → selesai → ditutup."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from layanan import tautan
from layanan.models import Artikel, BalasanTiket, EskalasiLKPP, JawabanKepuasan, LampiranTiket, Tiket
from layanan.services._umum import pengguna, wajib_izin
from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi.kalender import Kalender
from organisasi.models import User

S = Tiket.Status
IZIN = "layanan.tangani_tiket"
# A resolved ticket waits this long before the satisfaction survey goes out, so a ticket the
# requester reopens at once gets no survey for a resolution that did not hold.
JEDA_SURVEI = datetime.timedelta(hours=1)
HARI_KERJA_SEBELUM_DITUTUP = 5
# Which models a ticket may point to (registrasi's names, once that app has them).
TAUTAN_DIIZINKAN = ("registrasi.pendaftaran", "registrasi.penyedia", "organisasi.user")

_LABEL = dict(S.choices)


def _kunci(tiket_id: int) -> Tiket:
    return Tiket.objects.select_for_update().get(pk=tiket_id)


def _pindah(tiket: Tiket, ke: str, *, oleh, aksi: str, ip=None, catatan: str = "", data=None) -> None:
    dari = tiket.status
    tiket.status = ke
    tiket.save(update_fields=["status", "updated_at"])
    catat_peristiwa(tiket, oleh=oleh, aksi=aksi, dari=dari, ke=ke, ip=ip, catatan=catatan, data=data)


def _wajib_status(tiket: Tiket, *boleh: str, tindakan: str) -> None:
    if tiket.status not in boleh:
        raise TransisiTidakSah(
            _("Tiket %(nomor)s berstatus %(status)s; tidak dapat %(tindakan)s.")
            % {"nomor": tiket.nomor, "status": _LABEL[tiket.status].lower(), "tindakan": tindakan}
        )


def _simpan_lampiran(tiket: Tiket, berkas_list, *, balasan=None, internal=False) -> None:
    for berkas in berkas_list or []:
        lamp = LampiranTiket(tiket=tiket, balasan=balasan, nama_asli=berkas.name[:150], internal=internal)
        lamp.berkas.save(berkas.name, berkas, save=False)
        lamp.save()


def _kabari_pelapor(tiket: Tiket, *, subjek: str, template: str, konteks=None, kunci=None) -> None:
    if tiket.email_pelapor:
        kirim_surel(
            kepada=tiket.email_pelapor,
            subjek=subjek,
            template=template,
            konteks={"tiket": tiket, "tautan": tautan.url_tiket(tiket), **(konteks or {})},
            kunci=kunci,
        )


def _kabari_petugas(tiket: Tiket, *, subjek: str, template: str, konteks=None) -> None:
    if tiket.ditangani_oleh_id and tiket.ditangani_oleh.email:
        from django.conf import settings
        from django.urls import reverse

        kirim_surel(
            kepada=tiket.ditangani_oleh.email,
            subjek=subjek,
            template=template,
            konteks={
                "tiket": tiket,
                "tautan": settings.SITE_URL + reverse("layanan:tiket_detail", args=[tiket.pk]),
                **(konteks or {}),
            },
        )


def _beri_nomor(tiket: Tiket) -> None:
    tiket.nomor = f"TK{timezone.localdate():%y}-{tiket.pk:06d}"
    tiket.save(update_fields=["nomor"])


# --- creation ------------------------------------------------------------------------------------

_KOLOM_PUBLIK = (
    "jenis",
    "tingkat",
    "kategori",
    "judul",
    "uraian",
    "aplikasi",
    "kode_paket",
    "kode_error",
    "nama_pelapor",
    "email_pelapor",
    "telepon_pelapor",
    "instansi_pelapor",
    "peran_pelapor",
)
_KOLOM_STAF = (*_KOLOM_PUBLIK, "kanal", "keperluan_tamu", "waktu_kontak")


def buat_tiket(*, data: dict, oleh=None, lampiran=(), ip: str | None = None) -> Tiket:
    """A ticket from the public form (Lampiran II.6.b: consultation, information, complaints).

    No login is needed: the requester gets the ticket number and a signed link to follow and
    reply. A logged-in requester also finds it under "my tickets".
    """
    user = pengguna(oleh)
    if not data.get("email_pelapor"):
        raise TransisiTidakSah(_("Alamat e-mail wajib diisi agar Anda dapat mengikuti tiket ini."))
    with transaksi_berkas():
        tiket = Tiket(
            pelapor=user, kanal=Tiket.Kanal.WEB, **{k: data.get(k) or "" for k in _KOLOM_PUBLIK if k != "kategori"}
        )
        tiket.kategori = data["kategori"]
        if tiket.jenis != Tiket.Jenis.PENGADUAN:
            tiket.tingkat = ""
        tiket.save()
        _beri_nomor(tiket)
        _simpan_lampiran(tiket, lampiran)
        catat_peristiwa(tiket, oleh=user, ip=ip, aksi="buat", ke=S.BARU, data={"kanal": tiket.kanal})
        _kabari_pelapor(
            tiket, subjek=_("Tiket %(nomor)s diterima") % {"nomor": tiket.nomor}, template="layanan/email/tiket_baru"
        )
    return tiket


def catat_tiket_staf(*, data: dict, oleh: User, lampiran=(), ip: str | None = None) -> Tiket:
    """A walk-in, phone, WhatsApp or e-mail request recorded by staff with guest-book fields."""
    wajib_izin(oleh, IZIN)
    if data.get("kanal") == Tiket.Kanal.WEB:
        raise TransisiTidakSah(_("Tiket dari web dibuat sendiri oleh pelapor; pilih kanal lain."))
    with transaksi_berkas():
        nilai = {k: data.get(k) for k in _KOLOM_STAF if k not in ("kategori", "waktu_kontak")}
        tiket = Tiket(**{k: v or "" for k, v in nilai.items()})
        tiket.kategori = data["kategori"]
        tiket.waktu_kontak = data.get("waktu_kontak") or timezone.now()
        if tiket.jenis != Tiket.Jenis.PENGADUAN:
            tiket.tingkat = ""
        tiket.dicatat_oleh = oleh
        tiket.ditangani_oleh = oleh
        tiket.save()
        _beri_nomor(tiket)
        _simpan_lampiran(tiket, lampiran)
        catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="buat", ke=S.BARU, data={"kanal": tiket.kanal})
        _pindah(tiket, S.DITANGANI, oleh=oleh, ip=ip, aksi="tugaskan", data={"petugas": oleh.pk})
        _kabari_pelapor(
            tiket, subjek=_("Tiket %(nomor)s diterima") % {"nomor": tiket.nomor}, template="layanan/email/tiket_baru"
        )
    return tiket


# --- handling ------------------------------------------------------------------------------------


def tugaskan_tiket(*, tiket_id: int, petugas_id: int, oleh: User, ip: str | None = None) -> Tiket:
    """Assign a ticket to a member of the Unit Layanan Dukungan; a new ticket becomes ditangani."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        _wajib_status(tiket, S.BARU, S.DITANGANI, S.MENUNGGU_PENGGUNA, S.ESKALASI_LKPP, tindakan=_("ditugaskan"))
        petugas = User.objects.get(pk=petugas_id)
        if not petugas.has_perm(IZIN):
            raise TransisiTidakSah(_("%(nama)s bukan petugas layanan.") % {"nama": petugas})
        tiket.ditangani_oleh = petugas
        tiket.save(update_fields=["ditangani_oleh", "updated_at"])
        if tiket.status == S.BARU:
            _pindah(tiket, S.DITANGANI, oleh=oleh, ip=ip, aksi="tugaskan", data={"petugas": petugas.pk})
        else:
            catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="tugaskan", data={"petugas": petugas.pk})
    return tiket


def ambil_tiket(*, tiket_id: int, oleh: User, ip: str | None = None) -> Tiket:
    return tugaskan_tiket(tiket_id=tiket_id, petugas_id=oleh.pk, oleh=oleh, ip=ip)


def balas_tiket(
    *,
    tiket_id: int,
    isi: str,
    oleh: User,
    internal: bool = False,
    tunggu_pengguna: bool = False,
    lampiran=(),
    ip: str | None = None,
) -> BalasanTiket:
    """A staff reply. A public reply is the first response the SLA counts; asking the requester
    for something pauses the clock (menunggu_pengguna). An internal note is never shown or sent
    to the requester."""
    wajib_izin(oleh, IZIN)
    if not isi.strip():
        raise TransisiTidakSah(_("Isi balasan wajib diisi."))
    with transaksi_berkas():
        tiket = _kunci(tiket_id)
        if internal:
            _wajib_status(tiket, *S.values, tindakan=_("diberi catatan"))
        else:
            _wajib_status(tiket, S.BARU, S.DITANGANI, S.MENUNGGU_PENGGUNA, S.ESKALASI_LKPP, tindakan=_("dibalas"))
        balasan = BalasanTiket.objects.create(tiket=tiket, isi=isi.strip(), internal=internal, oleh=oleh)
        _simpan_lampiran(tiket, lampiran, balasan=balasan, internal=internal)
        if internal:
            catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="catatan_internal", data={"balasan": balasan.pk})
            return balasan
        if tiket.ditangani_oleh_id is None:
            tiket.ditangani_oleh = oleh
            tiket.save(update_fields=["ditangani_oleh", "updated_at"])
        data = {"balasan": balasan.pk, "respons_staf": True}
        if tunggu_pengguna and tiket.status != S.ESKALASI_LKPP:
            ke = S.MENUNGGU_PENGGUNA
        elif tiket.status == S.BARU:
            ke = S.DITANGANI
        else:
            ke = tiket.status
        if ke != tiket.status:
            _pindah(tiket, ke, oleh=oleh, ip=ip, aksi="balas", data=data)
        else:
            catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="balas", data=data)
        _kabari_pelapor(
            tiket,
            subjek=_("Balasan untuk tiket %(nomor)s") % {"nomor": tiket.nomor},
            template="layanan/email/tiket_balasan",
            konteks={"balasan": balasan, "menunggu": ke == S.MENUNGGU_PENGGUNA},
        )
    return balasan


def balas_pelapor(*, tiket_id: int, isi: str, oleh=None, lampiran=(), ip: str | None = None) -> BalasanTiket:
    """The requester's reply (token link or "my tickets"). It resumes a ticket waiting for them
    and reopens a resolved one; a closed ticket takes no more replies."""
    if not isi.strip():
        raise TransisiTidakSah(_("Isi balasan wajib diisi."))
    user = pengguna(oleh)
    with transaksi_berkas():
        tiket = _kunci(tiket_id)
        if tiket.status == S.DITUTUP:
            raise TransisiTidakSah(
                _("Tiket %(nomor)s sudah ditutup. Silakan buat tiket baru bila masih memerlukan bantuan.")
                % {"nomor": tiket.nomor}
            )
        balasan = BalasanTiket.objects.create(tiket=tiket, isi=isi.strip(), dari_pelapor=True, oleh=user)
        _simpan_lampiran(tiket, lampiran, balasan=balasan)
        data = {"balasan": balasan.pk}
        if tiket.status == S.MENUNGGU_PENGGUNA:
            _pindah(tiket, S.DITANGANI, oleh=user, ip=ip, aksi="balasan_pelapor", data=data)
        elif tiket.status == S.SELESAI:
            _pindah(tiket, S.DITANGANI, oleh=user, ip=ip, aksi="buka_kembali", data=data)
        else:
            catat_peristiwa(tiket, oleh=user, ip=ip, aksi="balasan_pelapor", data=data)
        _kabari_petugas(
            tiket,
            subjek=_("Pelapor membalas tiket %(nomor)s") % {"nomor": tiket.nomor},
            template="layanan/email/tiket_balasan_pelapor",
            konteks={"balasan": balasan},
        )
    return balasan


def selesaikan_tiket(*, tiket_id: int, oleh: User, catatan: str = "", ip: str | None = None) -> Tiket:
    """Mark a ticket resolved; the satisfaction survey follows unless it is reopened."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        _wajib_status(tiket, S.DITANGANI, S.MENUNGGU_PENGGUNA, S.ESKALASI_LKPP, tindakan=_("diselesaikan"))
        if tiket.eskalasi.filter(dijawab_pada__isnull=True).exists():
            raise TransisiTidakSah(_("Catat dulu jawaban LKPP atas eskalasi yang masih terbuka."))
        _pindah(tiket, S.SELESAI, oleh=oleh, ip=ip, aksi="selesaikan", catatan=catatan.strip())
        _kabari_pelapor(
            tiket,
            subjek=_("Tiket %(nomor)s diselesaikan") % {"nomor": tiket.nomor},
            template="layanan/email/tiket_selesai",
            konteks={"catatan": catatan.strip()},
        )
    return tiket


def buka_kembali_tiket(*, tiket_id: int, oleh: User, alasan: str, ip: str | None = None) -> Tiket:
    wajib_izin(oleh, IZIN)
    if not alasan.strip():
        raise TransisiTidakSah(_("Alasan membuka kembali wajib diisi."))
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        _wajib_status(tiket, S.SELESAI, tindakan=_("dibuka kembali"))
        _pindah(tiket, S.DITANGANI, oleh=oleh, ip=ip, aksi="buka_kembali", catatan=alasan.strip())
    return tiket


def tutup_tiket(*, tiket_id: int, oleh: User | None, ip: str | None = None, otomatis: bool = False) -> Tiket:
    """Close a resolved ticket: it takes no more replies."""
    if not otomatis:
        wajib_izin(oleh, IZIN)
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        _wajib_status(tiket, S.SELESAI, tindakan=_("ditutup"))
        _pindah(tiket, S.DITUTUP, oleh=oleh, ip=ip, aksi="tutup_otomatis" if otomatis else "tutup")
    return tiket


def tutup_tiket_selesai_otomatis(sekarang: datetime.datetime | None = None) -> int:
    """Daily: close tickets resolved more than five working days ago. Safe to run twice."""
    sekarang = sekarang or timezone.now()
    kalender = Kalender.dari_database()
    n = 0
    for tiket in Tiket.objects.filter(status=S.SELESAI).prefetch_related("peristiwa"):
        selesai_pada = max((p.created_at for p in tiket.peristiwa.all() if p.ke == S.SELESAI), default=None)
        if selesai_pada is None:
            continue
        batas = kalender.tambah_hari_kerja(timezone.localdate(selesai_pada), HARI_KERJA_SEBELUM_DITUTUP)
        if timezone.localdate(sekarang) > batas:
            try:
                tutup_tiket(tiket_id=tiket.pk, oleh=None, otomatis=True)
            except TransisiTidakSah:
                continue  # reopened meanwhile
            n += 1
    return n


# --- LKPP ----------------------------------------------------------------------------------------


def eskalasi_ke_lkpp(
    *,
    tiket_id: int,
    tujuan: str,
    nomor_tiket_lkpp: str,
    dikirim_pada: datetime.datetime,
    uraian: str,
    oleh: User,
    ip: str | None = None,
) -> EskalasiLKPP:
    """Pass the question to LKPP (Lampiran IV.2.a): Helpdesk Eproc first, Helpdesk Teknis only
    after Helpdesk Eproc. The SLA clock pauses while LKPP has it; that time is shown apart."""
    wajib_izin(oleh, IZIN)
    if not nomor_tiket_lkpp.strip():
        raise TransisiTidakSah(_("Nomor tiket LKPP wajib diisi."))
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        _wajib_status(tiket, S.BARU, S.DITANGANI, S.MENUNGGU_PENGGUNA, tindakan=_("dieskalasi ke LKPP"))
        if dikirim_pada > timezone.now() + datetime.timedelta(minutes=5):
            raise TransisiTidakSah(_("Tanggal kirim ke LKPP tidak boleh di masa depan."))
        if (
            tujuan == EskalasiLKPP.Tujuan.HELPDESK_TEKNIS
            and not tiket.eskalasi.filter(tujuan=EskalasiLKPP.Tujuan.HELPDESK_EPROC).exists()
        ):
            raise TransisiTidakSah(
                _("Eskalasi ke Helpdesk Teknis LKPP dilakukan setelah pertanyaan diajukan ke Helpdesk Eproc LKPP.")
            )
        eskalasi = EskalasiLKPP.objects.create(
            tiket=tiket,
            tujuan=tujuan,
            nomor_tiket_lkpp=nomor_tiket_lkpp.strip(),
            dikirim_pada=dikirim_pada,
            uraian=uraian.strip(),
            oleh=oleh,
        )
        if tiket.ditangani_oleh_id is None:
            tiket.ditangani_oleh = oleh
            tiket.save(update_fields=["ditangani_oleh", "updated_at"])
        _pindah(
            tiket,
            S.ESKALASI_LKPP,
            oleh=oleh,
            ip=ip,
            aksi="eskalasi_lkpp",
            data={"eskalasi": eskalasi.pk, "tujuan": tujuan, "nomor_lkpp": eskalasi.nomor_tiket_lkpp},
        )
    return eskalasi


def catat_jawaban_lkpp(
    *, eskalasi_id: int, jawaban: str, dijawab_pada: datetime.datetime, oleh: User, ip: str | None = None
) -> EskalasiLKPP:
    """Record LKPP's answer; the ticket goes back to the LPSE's own handling."""
    wajib_izin(oleh, IZIN)
    if not jawaban.strip():
        raise TransisiTidakSah(_("Jawaban LKPP wajib diisi."))
    with transaction.atomic():
        tiket_id = EskalasiLKPP.objects.values_list("tiket_id", flat=True).get(pk=eskalasi_id)
        tiket = _kunci(tiket_id)
        eskalasi = EskalasiLKPP.objects.select_for_update().get(pk=eskalasi_id)
        if eskalasi.dijawab_pada:
            raise TransisiTidakSah(_("Jawaban LKPP untuk eskalasi ini sudah dicatat."))
        if dijawab_pada < eskalasi.dikirim_pada:
            raise TransisiTidakSah(_("Tanggal jawaban tidak boleh sebelum tanggal kirim ke LKPP."))
        eskalasi.jawaban = jawaban.strip()
        eskalasi.dijawab_pada = dijawab_pada
        eskalasi.save(update_fields=["jawaban", "dijawab_pada"])
        data = {"eskalasi": eskalasi.pk}
        if tiket.status == S.ESKALASI_LKPP:
            _pindah(tiket, S.DITANGANI, oleh=oleh, ip=ip, aksi="jawaban_lkpp", data=data)
        else:
            catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="jawaban_lkpp", data=data)
    return eskalasi


# --- merging, links, knowledge ------------------------------------------------------------------------


def gabungkan_tiket(*, tiket_id: int, ke_tiket_id: int, oleh: User, ip: str | None = None) -> Tiket:
    """Close a duplicate into the ticket that carries on; the requester is told where to follow."""
    wajib_izin(oleh, IZIN)
    if tiket_id == ke_tiket_id:
        raise TransisiTidakSah(_("Tiket tidak dapat digabung ke dirinya sendiri."))
    with transaction.atomic():
        # Lock both in id order: two merges the other way round cannot deadlock.
        terkunci = {
            t.pk: t for t in Tiket.objects.select_for_update().filter(pk__in=[tiket_id, ke_tiket_id]).order_by("pk")
        }
        tiket, tujuan = terkunci[tiket_id], terkunci[ke_tiket_id]
        _wajib_status(tiket, S.BARU, S.DITANGANI, S.MENUNGGU_PENGGUNA, tindakan=_("digabung"))
        if not tujuan.terbuka or tujuan.gabung_ke_id:
            raise TransisiTidakSah(_("Tiket tujuan %(nomor)s sudah tidak terbuka.") % {"nomor": tujuan.nomor})
        tiket.gabung_ke = tujuan
        tiket.save(update_fields=["gabung_ke", "updated_at"])
        _pindah(tiket, S.DITUTUP, oleh=oleh, ip=ip, aksi="gabung", data={"ke": tujuan.pk, "nomor": tujuan.nomor})
        BalasanTiket.objects.create(
            tiket=tujuan,
            internal=True,
            oleh=oleh,
            isi=_("Tiket %(nomor)s dari %(nama)s digabung ke tiket ini:\n\n%(uraian)s")
            % {"nomor": tiket.nomor, "nama": tiket.nama_pelapor, "uraian": tiket.uraian},
        )
        catat_peristiwa(tujuan, oleh=oleh, ip=ip, aksi="terima_gabungan", data={"dari": tiket.pk})
        _kabari_pelapor(
            tiket,
            subjek=_("Tiket %(nomor)s digabung") % {"nomor": tiket.nomor},
            template="layanan/email/tiket_gabung",
            konteks={"tujuan": tujuan},
        )
    return tiket


def tautkan_tiket(*, tiket_id: int, model: str, object_id: int, oleh: User, ip: str | None = None) -> Tiket:
    """Link a ticket to the registration, vendor or account it concerns (generic reference)."""
    wajib_izin(oleh, IZIN)
    if model not in TAUTAN_DIIZINKAN:
        raise TransisiTidakSah(_("Jenis data tautan tidak dikenal."))
    app_label, nama_model = model.split(".")
    try:
        ct = ContentType.objects.get_by_natural_key(app_label, nama_model)
    except ContentType.DoesNotExist:
        raise TransisiTidakSah(_("Data %(model)s belum tersedia di portal ini.") % {"model": model}) from None
    kelas = ct.model_class()
    if kelas is None or not kelas.objects.filter(pk=object_id).exists():
        raise TransisiTidakSah(_("Data yang ditautkan tidak ditemukan (nomor %(id)s).") % {"id": object_id})
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        tiket.terkait_type, tiket.terkait_id = ct, object_id
        tiket.save(update_fields=["terkait_type", "terkait_id", "updated_at"])
        catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="tautkan", data={"model": model, "id": object_id})
    return tiket


def tautkan_artikel(*, tiket_id: int, artikel_id: int, oleh: User, ip: str | None = None) -> Tiket:
    """Point the requester to a published help-centre article (shown on their ticket page)."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        artikel = Artikel.objects.filter(pk=artikel_id, terbit=True).first()
        if artikel is None:
            raise TransisiTidakSah(_("Hanya artikel yang sudah terbit yang dapat ditautkan ke tiket."))
        tiket.artikel.add(artikel)
        catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="tautkan_artikel", data={"artikel": artikel.pk})
    return tiket


def _slug_unik(judul: str) -> str:
    dasar = slugify(judul)[:200] or "artikel"
    slug, n = dasar, 2
    while Artikel.objects.filter(slug=slug).exists():
        slug, n = f"{dasar}-{n}", n + 1
    return slug


def jadikan_artikel(*, tiket_id: int, balasan_id: int, oleh: User, ip: str | None = None) -> Artikel:
    """Turn a good public answer into a draft knowledge-base article in one step (Lampiran
    II.6.b.2). The draft is not published: staff remove anything personal first."""
    wajib_izin(oleh, "layanan.kelola_artikel")
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        balasan = tiket.balasan.filter(pk=balasan_id, internal=False, dari_pelapor=False).first()
        if balasan is None:
            raise TransisiTidakSah(_("Hanya balasan publik petugas yang dapat dijadikan artikel."))
        artikel = Artikel.objects.create(
            judul=tiket.judul,
            slug=_slug_unik(tiket.judul),
            jenis=Artikel.Jenis.TANYA_JAWAB,
            kategori=tiket.kategori,
            isi=f"**{_('Pertanyaan')}**\n\n{tiket.uraian}\n\n**{_('Jawaban')}**\n\n{balasan.isi}",
            terbit=False,
            dari_tiket=tiket,
            penulis=oleh,
        )
        tiket.artikel.add(artikel)
        catat_peristiwa(artikel, oleh=oleh, ip=ip, aksi="buat_dari_tiket", data={"tiket": tiket.pk})
        catat_peristiwa(tiket, oleh=oleh, ip=ip, aksi="jadikan_artikel", data={"artikel": artikel.pk})
    return artikel


# --- satisfaction ----------------------------------------------------------------------------------


def kirim_survei_kepuasan(sekarang: datetime.datetime | None = None) -> int:
    """Periodic: ask each requester once how satisfied they are, after the resolution has held
    for JEDA_SURVEI. A ticket reopened meanwhile is not asked; a merged duplicate neither."""
    sekarang = sekarang or timezone.now()
    n = 0
    calon = (
        Tiket.objects.filter(status__in=[S.SELESAI, S.DITUTUP], gabung_ke__isnull=True, kepuasan__isnull=True)
        .exclude(email_pelapor="")
        .filter(peristiwa__ke=S.SELESAI)
        .distinct()
        .prefetch_related("peristiwa")
    )
    for tiket in calon:
        selesai_pada = max(p.created_at for p in tiket.peristiwa.all() if p.ke == S.SELESAI)
        if sekarang - selesai_pada < JEDA_SURVEI:
            continue
        with transaction.atomic():
            terkirim = kirim_surel(
                kepada=tiket.email_pelapor,
                subjek=_("Bagaimana layanan kami untuk tiket %(nomor)s?") % {"nomor": tiket.nomor},
                template="layanan/email/tiket_kepuasan",
                konteks={"tiket": tiket, "tautan": tautan.url_kepuasan(tiket)},
                kunci=f"layanan:kepuasan:{tiket.pk}",
            )
        n += terkirim is not None
    return n


def jawab_kepuasan(*, tiket_id: int, nilai: int, komentar: str = "", ip: str | None = None) -> JawabanKepuasan:
    """One satisfaction answer per resolved ticket, 1–5, through the token link."""
    if not 1 <= int(nilai) <= 5:
        raise TransisiTidakSah(_("Nilai kepuasan harus 1 sampai 5."))
    with transaction.atomic():
        tiket = _kunci(tiket_id)
        if tiket.status not in (S.SELESAI, S.DITUTUP) or tiket.gabung_ke_id:
            raise TransisiTidakSah(_("Tiket ini belum diselesaikan; penilaian dapat diberikan setelah selesai."))
        if JawabanKepuasan.objects.filter(tiket=tiket).exists():
            raise TransisiTidakSah(_("Penilaian untuk tiket ini sudah diberikan. Terima kasih."))
        jawaban = JawabanKepuasan.objects.create(
            tiket=tiket,
            nilai=int(nilai),
            komentar=komentar.strip(),
            petugas_id=tiket.ditangani_oleh_id,
            kategori_id=tiket.kategori_id,
        )
        catat_peristiwa(tiket, oleh=None, ip=ip, aksi="kepuasan", data={"nilai": int(nilai)})
    return jawaban
