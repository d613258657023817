"""Blacklist sanctions and the deactivation of user IDs (Pergub NTB 6/2017 Lampiran II.5.b.6:
on request of PA/KPA/PPK and the Pokja Pemilihan, in connection with the blacklist; Perpres
16/2018 as amended by Perpres 12/2021, Pasal 78). Dates decide: a daily job deactivates when a
sanction starts and reactivates when the last one ends, is suspended or cancelled."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from registrasi.models import PejabatPengadaan, Penyedia
from registrasi.models.pejabat import SUB_PERAN_PEMOHON_PENONAKTIFAN
from registrasi.models.sanksi import (
    DokumenSanksi,
    JenisPelanggaran,
    PermintaanPenonaktifan,
    PutusanPengadilan,
    SanksiDaftarHitam,
)
from registrasi.services.umum import periksa_unggahan_umum, tgl, wajib_izin
from registrasi.sesi import akhiri_sesi

User = get_user_model()
IZIN_PROSES = "registrasi.proses_penonaktifan"
IZIN_KELOLA = "registrasi.kelola_sanksi"
MAKS_MB_PUTUSAN = 10
_TERBUKA = (PermintaanPenonaktifan.Status.DIAJUKAN, PermintaanPenonaktifan.Status.DIPROSES)


# --- the vendor's user ID follows its sanctions ------------------------------------------------


def sanksi_berlaku_untuk(penyedia: Penyedia, tanggal: datetime.date):
    return SanksiDaftarHitam.objects.berlaku_pada(tanggal).filter(penyedia=penyedia).order_by("-selesai", "-pk")


def terapkan_pada_penyedia(penyedia_id: int, *, tanggal: datetime.date | None = None, oleh=None, ip=None) -> str:
    """Make the vendor's user ID match its sanctions on `tanggal`; returns what changed
    ("dinonaktifkan", "diaktifkan" or ""). Safe to call twice: the second call changes nothing."""
    tanggal = tanggal or timezone.localdate()
    with transaction.atomic():
        penyedia = Penyedia.objects.select_for_update(of=("self",)).select_related("user").get(pk=penyedia_id)
        if penyedia.status == Penyedia.Status.NONAKTIF:
            return ""  # never activated: the registration's pre-checks keep it out
        berlaku = list(sanksi_berlaku_untuk(penyedia, tanggal).select_related("jenis_pelanggaran"))
        user = User.objects.select_for_update().get(pk=penyedia.user_id)
        if berlaku and penyedia.status == Penyedia.Status.AKTIF:
            utama = berlaku[0]  # the one that ends last says "until when"
            penyedia.status = Penyedia.Status.DINONAKTIFKAN
            penyedia.save(update_fields=["status", "updated_at"])
            user.is_active = False
            user.save(update_fields=["is_active"])
            catat_peristiwa(
                penyedia,
                oleh=oleh,
                ip=ip,
                aksi="nonaktifkan_user_id",
                dari=Penyedia.Status.AKTIF,
                ke=Penyedia.Status.DINONAKTIFKAN,
                catatan=_("Sanksi daftar hitam SK %(sk)s sampai %(akhir)s.")
                % {"sk": utama.nomor_sk, "akhir": tgl(utama.selesai)},
                data={"sanksi": [s.pk for s in berlaku]},
            )
            # Logged out everywhere at once: the inactive flag refuses the next request, and the
            # sessions themselves go now.
            akhiri_sesi(user)
            kirim_surel(
                kepada=penyedia.email,
                subjek=f"[{user.username}] " + _("User ID Dinonaktifkan"),
                template="registrasi/email/dinonaktifkan",
                konteks={"penyedia": penyedia, "sanksi": utama},
                kunci=f"registrasi:nonaktif:{penyedia.pk}:{utama.pk}:{utama.mulai:%Y%m%d}",
            )
            return "dinonaktifkan"
        if not berlaku and penyedia.status == Penyedia.Status.DINONAKTIFKAN:
            penyedia.status = Penyedia.Status.AKTIF
            penyedia.save(update_fields=["status", "updated_at"])
            user.is_active = True
            user.save(update_fields=["is_active"])
            catat_peristiwa(
                penyedia,
                oleh=oleh,
                ip=ip,
                aksi="aktifkan_kembali_user_id",
                dari=Penyedia.Status.DINONAKTIFKAN,
                ke=Penyedia.Status.AKTIF,
                catatan=_("Tidak ada lagi sanksi daftar hitam yang berlaku per %(t)s.") % {"t": tgl(tanggal)},
            )
            kirim_surel(
                kepada=penyedia.email,
                subjek=f"[{user.username}] " + _("User ID Aktif Kembali"),
                template="registrasi/email/aktif_kembali",
                konteks={"penyedia": penyedia},
                kunci=f"registrasi:aktif-kembali:{penyedia.pk}:{tanggal:%Y%m%d}",
            )
            return "diaktifkan"
    return ""


def terapkan_sanksi_harian(tanggal: datetime.date | None = None) -> dict:
    """Daily job: end sanctions past their last day, then set each sanctioned vendor's user ID
    by the dates. Running it twice on a day changes nothing the second time."""
    tanggal = tanggal or timezone.localdate()
    hasil = {"berakhir": 0, "dinonaktifkan": 0, "diaktifkan": 0}
    for sanksi_id in SanksiDaftarHitam.objects.filter(status="tayang", selesai__lt=tanggal).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            sanksi = SanksiDaftarHitam.objects.select_for_update().get(pk=sanksi_id)
            if sanksi.status != SanksiDaftarHitam.Status.TAYANG or sanksi.selesai >= tanggal:
                continue
            sanksi.status = SanksiDaftarHitam.Status.BERAKHIR
            sanksi.save(update_fields=["status", "updated_at"])
            catat_peristiwa(
                sanksi,
                oleh=None,
                aksi="berakhir",
                dari="tayang",
                ke="berakhir",
                catatan=_("Masa sanksi berakhir %(t)s.") % {"t": tgl(sanksi.selesai)},
            )
            hasil["berakhir"] += 1
    terdampak = set(SanksiDaftarHitam.objects.filter(penyedia__isnull=False).values_list("penyedia_id", flat=True))
    terdampak |= set(Penyedia.objects.filter(status=Penyedia.Status.DINONAKTIFKAN).values_list("pk", flat=True))
    for penyedia_id in sorted(terdampak):
        perubahan = terapkan_pada_penyedia(penyedia_id, tanggal=tanggal)
        if perubahan:
            hasil[perubahan] += 1
    return hasil


# --- requests from the officials ---------------------------------------------------------------------


def _wajib_pemohon(oleh) -> PejabatPengadaan:
    """Only a pejabat_pengadaan account whose SPSE role may ask (PA/KPA/PPK/Pokja/Pejabat Pengadaan)."""
    pejabat = PejabatPengadaan.objects.filter(user=oleh).first() if oleh is not None else None
    if pejabat is None or not oleh.has_perm("registrasi.ajukan_penonaktifan"):
        raise PermissionDenied(
            _("Penonaktifan hanya dapat diminta oleh PA/KPA, PPK, Pokja Pemilihan atau Pejabat Pengadaan.")
        )
    if pejabat.sub_peran not in SUB_PERAN_PEMOHON_PENONAKTIFAN:
        raise PermissionDenied(
            _("Sebagai %(p)s Anda tidak dapat meminta penonaktifan (Pergub NTB 6/2017 Lampiran II.5.b.6).")
            % {"p": pejabat.get_sub_peran_display()}
        )
    return pejabat


def _nomor_sk_dipakai(nomor: str, kecuali_permintaan: int | None = None) -> bool:
    nomor = nomor.strip()
    permintaan = PermintaanPenonaktifan.objects.filter(nomor_sk__iexact=nomor, status__in=_TERBUKA)
    if kecuali_permintaan:
        permintaan = permintaan.exclude(pk=kecuali_permintaan)
    return (
        SanksiDaftarHitam.objects.filter(nomor_sk__iexact=nomor).exists()
        or PutusanPengadilan.objects.filter(nomor_sk_baru__iexact=nomor).exists()
        or permintaan.exists()
    )


def _rentang(jenis: JenisPelanggaran, tanggal_sk, mulai, selesai, alasan: str):
    """Start: the SK date unless later; end: from the violation's duration unless a reason is given."""
    mulai = mulai or tanggal_sk
    if mulai < tanggal_sk:
        raise TransisiTidakSah(_("Sanksi tidak dapat mulai sebelum tanggal SK (%(t)s).") % {"t": tgl(tanggal_sk)})
    bawaan = jenis.akhir_bawaan(mulai)
    selesai = selesai or bawaan
    if selesai < mulai:
        raise TransisiTidakSah(
            _("Tanggal akhir (%(a)s) sebelum tanggal mulai (%(m)s).") % {"a": tgl(selesai), "m": tgl(mulai)}
        )
    if selesai != bawaan and not alasan.strip():
        raise TransisiTidakSah(
            _("Tanggal akhir berbeda dari lama sanksi %(j)s (%(b)s): tuliskan alasannya.")
            % {"j": jenis.nama, "b": tgl(bawaan)}
        )
    return mulai, selesai


def _simpan_dokumen(berkas, *, jenis: str, oleh, **tautan) -> DokumenSanksi:
    tipe = periksa_unggahan_umum(berkas, jenis=("pdf", "jpeg", "png") if jenis == "bukti" else ("pdf",), maks_mb=10)
    dok = DokumenSanksi(jenis=jenis, nama_berkas=(berkas.name or "")[:150], diunggah_oleh=oleh, **tautan)
    dok.berkas.save(f"{jenis}.{'pdf' if tipe == 'pdf' else tipe}", berkas, save=False)
    dok.save()
    return dok


def ajukan_penonaktifan(*, data: dict, berkas_sk, oleh, bukti=(), ip: str | None = None) -> PermintaanPenonaktifan:
    """File a deactivation request with the SK scan and the evidence (II.5.b.6)."""
    _wajib_pemohon(oleh)
    if not berkas_sk:
        raise TransisiTidakSah(_("Pindaian SK penetapan sanksi wajib dilampirkan."))
    with transaksi_berkas():
        if _nomor_sk_dipakai(data["nomor_sk"]):
            raise TransisiTidakSah(
                _("Nomor SK %(n)s sudah dipakai sanksi atau permintaan lain.") % {"n": data["nomor_sk"]}
            )
        _rentang(
            data["jenis_pelanggaran"],
            data["tanggal_sk"],
            data.get("mulai"),
            data.get("selesai"),
            data.get("alasan_ubah_selesai", ""),
        )
        permintaan = PermintaanPenonaktifan.objects.create(pemohon=oleh, **data)
        _simpan_dokumen(berkas_sk, jenis=DokumenSanksi.Jenis.SK, oleh=oleh, permintaan=permintaan)
        for b in bukti:
            _simpan_dokumen(b, jenis=DokumenSanksi.Jenis.BUKTI, oleh=oleh, permintaan=permintaan)
        catat_peristiwa(
            permintaan,
            oleh=oleh,
            ip=ip,
            aksi="ajukan",
            ke=permintaan.status,
            catatan=_("SK %(n)s, %(j)s") % {"n": permintaan.nomor_sk, "j": permintaan.jenis_pelanggaran.nama},
        )
        kirim_surel(
            kepada=oleh.email,
            subjek=_("Permintaan Penonaktifan Diterima"),
            template="registrasi/email/penonaktifan_keputusan",
            konteks={"permintaan": permintaan},
        )
    return permintaan


def _kunci_permintaan(permintaan_id: int, oleh) -> PermintaanPenonaktifan:
    p = PermintaanPenonaktifan.objects.select_for_update().get(pk=permintaan_id)
    if p.status not in _TERBUKA:
        raise TransisiTidakSah(_("Permintaan ini sudah %(s)s.") % {"s": p.get_status_display().lower()})
    if p.status == PermintaanPenonaktifan.Status.DIPROSES and p.verifikator_id != oleh.pk:
        raise TransisiTidakSah(_("Permintaan ini sedang diproses oleh %(v)s.") % {"v": p.verifikator})
    return p


def proses_penonaktifan(*, permintaan_id: int, oleh, ip: str | None = None) -> PermintaanPenonaktifan:
    wajib_izin(oleh, IZIN_PROSES)
    with transaction.atomic():
        p = _kunci_permintaan(permintaan_id, oleh)
        if p.status == PermintaanPenonaktifan.Status.DIPROSES:
            raise TransisiTidakSah(_("Permintaan ini sudah Anda proses."))
        p.status = PermintaanPenonaktifan.Status.DIPROSES
        p.verifikator = oleh
        p.save(update_fields=["status", "verifikator"])
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="proses", dari="diajukan", ke=p.status)
    return p


def setujui_penonaktifan(*, permintaan_id: int, oleh, ip: str | None = None) -> SanksiDaftarHitam:
    """Record the sanction; the user ID is deactivated now, or by the daily job on the start date."""
    wajib_izin(oleh, IZIN_PROSES)
    try:
        with transaction.atomic():
            p = _kunci_permintaan(permintaan_id, oleh)
            if SanksiDaftarHitam.objects.filter(nomor_sk__iexact=p.nomor_sk).exists():
                raise TransisiTidakSah(_("Nomor SK %(n)s sudah tercatat pada sanksi lain.") % {"n": p.nomor_sk})
            mulai, selesai = _rentang(p.jenis_pelanggaran, p.tanggal_sk, p.mulai, p.selesai, p.alasan_ubah_selesai)
            identitas = Q(npwp=p.npwp) | Q(nib=p.nib) if p.nib else Q(npwp=p.npwp)
            penyedia = Penyedia.objects.terdaftar().filter(identitas).order_by("pk").first()
            pemohon = PejabatPengadaan.objects.get(user=p.pemohon)
            pengusul = {
                "ppk": SanksiDaftarHitam.Pengusul.PPK,
                "pokja_pemilihan": SanksiDaftarHitam.Pengusul.POKJA,
            }.get(pemohon.sub_peran, SanksiDaftarHitam.Pengusul.PEJABAT_PENGADAAN)
            sanksi = SanksiDaftarHitam.objects.create(
                penyedia=penyedia,
                nama_penyedia=penyedia.nama if penyedia else p.nama_penyedia,
                npwp=p.npwp,
                nib=p.nib,
                jenis_pelanggaran=p.jenis_pelanggaran,
                nomor_sk=p.nomor_sk,
                tanggal_sk=p.tanggal_sk,
                pa_kpa=p.pa_kpa,
                pengusul=pengusul,
                nama_pengusul=f"{pemohon.nama}, {pemohon.get_sub_peran_display()} {pemohon.perangkat_daerah}",
                kode_paket=p.kode_paket,
                mulai=mulai,
                selesai=selesai,
                alasan_ubah_selesai=p.alasan_ubah_selesai,
                permintaan=p,
            )
            p.dokumen.update(sanksi=sanksi)
            dari = p.status
            p.status = PermintaanPenonaktifan.Status.DISETUJUI
            p.verifikator = oleh
            p.diputuskan_at = timezone.now()
            p.save()
            catat_peristiwa(p, oleh=oleh, ip=ip, aksi="setujui", dari=dari, ke=p.status)
            catat_peristiwa(
                sanksi,
                oleh=oleh,
                ip=ip,
                aksi="catat",
                ke=sanksi.status,
                catatan=_("SK %(n)s, %(j)s, %(m)s s.d. %(s)s")
                % {"n": sanksi.nomor_sk, "j": sanksi.jenis_pelanggaran.nama, "m": tgl(mulai), "s": tgl(selesai)},
                data={"permintaan": p.pk, "penyedia": penyedia.pk if penyedia else None},
            )
            kirim_surel(
                kepada=p.pemohon.email,
                subjek=_("Permintaan Penonaktifan Disetujui"),
                template="registrasi/email/penonaktifan_keputusan",
                konteks={"permintaan": p, "sanksi": sanksi},
            )
            if penyedia is not None:
                terapkan_pada_penyedia(penyedia.pk, oleh=oleh, ip=ip)
    except IntegrityError:
        raise TransisiTidakSah(_("Nomor SK ini baru saja dicatat oleh permintaan lain."))
    return sanksi


def tolak_penonaktifan(*, permintaan_id: int, alasan: str, oleh, ip: str | None = None) -> PermintaanPenonaktifan:
    wajib_izin(oleh, IZIN_PROSES)
    if not alasan.strip():
        raise TransisiTidakSah(_("Alasan penolakan wajib diisi."))
    with transaction.atomic():
        p = _kunci_permintaan(permintaan_id, oleh)
        dari = p.status
        p.status = PermintaanPenonaktifan.Status.DITOLAK
        p.verifikator = oleh
        p.alasan_penolakan = alasan.strip()
        p.diputuskan_at = timezone.now()
        p.save()
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="tolak", dari=dari, ke=p.status, catatan=alasan.strip())
        kirim_surel(
            kepada=p.pemohon.email,
            subjek=_("Permintaan Penonaktifan Ditolak"),
            template="registrasi/email/penonaktifan_keputusan",
            konteks={"permintaan": p},
        )
    return p


# --- the sanction's own life ----------------------------------------------------------------------------


def ubah_status_sanksi(
    *, sanksi_id: int, ke: str, nomor_sk_baru: str, oleh, putusan: dict | None = None, ip: str | None = None
) -> SanksiDaftarHitam:
    """tayang → penundaan | pembatalan; penundaan → tayang | pembatalan. Suspension and
    cancellation rest on a court decision (number, date, court, summary ≤ 500, PDF ≤ 10 MB);
    every change carries a new, unique SK number."""
    wajib_izin(oleh, IZIN_KELOLA)
    putusan = putusan or {}
    try:
        with transaksi_berkas():
            sanksi = SanksiDaftarHitam.objects.select_for_update().get(pk=sanksi_id)
            dari = sanksi.status
            if ke not in SanksiDaftarHitam.TRANSISI.get(dari, ()):
                raise TransisiTidakSah(
                    _("Perubahan status %(d)s → %(k)s tidak diizinkan.")
                    % {"d": sanksi.get_status_display(), "k": dict(SanksiDaftarHitam.Status.choices).get(ke, ke)}
                )
            nomor_sk_baru = (nomor_sk_baru or "").strip()
            if not nomor_sk_baru:
                raise TransisiTidakSah(_("Nomor SK baru wajib diisi."))
            if _nomor_sk_dipakai(nomor_sk_baru):
                raise TransisiTidakSah(_("Nomor SK %(n)s sudah dipakai.") % {"n": nomor_sk_baru})
            butuh_putusan = ke in (SanksiDaftarHitam.Status.PENUNDAAN, SanksiDaftarHitam.Status.PEMBATALAN)
            if butuh_putusan:
                kurang = [
                    label
                    for kunci, label in (
                        ("nomor", _("nomor putusan")),
                        ("tanggal", _("tanggal putusan")),
                        ("pengadilan", _("pengadilan")),
                        ("ringkasan", _("ringkasan")),
                        ("berkas", _("salinan putusan (PDF)")),
                    )
                    if not putusan.get(kunci)
                ]
                if kurang:
                    raise TransisiTidakSah(
                        _("Penundaan dan pembatalan memerlukan putusan pengadilan: %(k)s belum diisi.")
                        % {"k": ", ".join(str(k) for k in kurang)}
                    )
            if len(putusan.get("ringkasan", "")) > 500:
                raise TransisiTidakSah(_("Ringkasan putusan paling banyak 500 karakter."))
            catatan = PutusanPengadilan(
                sanksi=sanksi,
                dari=dari,
                ke=ke,
                nomor_sk_baru=nomor_sk_baru,
                nomor=putusan.get("nomor", ""),
                tanggal=putusan.get("tanggal"),
                pengadilan=putusan.get("pengadilan", ""),
                ringkasan=putusan.get("ringkasan", ""),
                oleh=oleh,
            )
            if putusan.get("berkas"):
                periksa_unggahan_umum(putusan["berkas"], jenis=("pdf",), maks_mb=MAKS_MB_PUTUSAN)
                catatan.berkas.save("putusan.pdf", putusan["berkas"], save=False)
            catatan.save()
            sanksi.status = ke
            sanksi.save(update_fields=["status", "updated_at"])
            catat_peristiwa(
                sanksi,
                oleh=oleh,
                ip=ip,
                aksi="ubah_status",
                dari=dari,
                ke=ke,
                catatan=_("SK %(n)s%(p)s")
                % {
                    "n": nomor_sk_baru,
                    "p": f"; putusan {catatan.nomor} ({catatan.pengadilan})" if catatan.nomor else "",
                },
                data={"putusan": catatan.pk},
            )
            if sanksi.penyedia_id:
                terapkan_pada_penyedia(sanksi.penyedia_id, oleh=oleh, ip=ip)
    except IntegrityError:
        raise TransisiTidakSah(_("Nomor SK %(n)s sudah dipakai.") % {"n": nomor_sk_baru})
    return sanksi


def ubah_akhir_sanksi(
    *, sanksi_id: int, selesai: datetime.date, alasan: str, oleh, ip: str | None = None
) -> SanksiDaftarHitam:
    """Change the last day; the reason is required and recorded."""
    wajib_izin(oleh, IZIN_KELOLA)
    if not alasan.strip():
        raise TransisiTidakSah(_("Alasan mengubah tanggal akhir wajib diisi."))
    with transaction.atomic():
        sanksi = SanksiDaftarHitam.objects.select_for_update().get(pk=sanksi_id)
        if sanksi.status not in (SanksiDaftarHitam.Status.TAYANG, SanksiDaftarHitam.Status.PENUNDAAN):
            raise TransisiTidakSah(_("Sanksi berstatus %(s)s tidak dapat diubah.") % {"s": sanksi.get_status_display()})
        if selesai < sanksi.mulai:
            raise TransisiTidakSah(
                _("Tanggal akhir (%(a)s) sebelum tanggal mulai (%(m)s).") % {"a": tgl(selesai), "m": tgl(sanksi.mulai)}
            )
        lama = sanksi.selesai
        sanksi.selesai = selesai
        sanksi.alasan_ubah_selesai = alasan.strip()
        sanksi.save(update_fields=["selesai", "alasan_ubah_selesai", "updated_at"])
        catat_peristiwa(
            sanksi,
            oleh=oleh,
            ip=ip,
            aksi="ubah_akhir",
            catatan=alasan.strip(),
            data={"selesai_lama": lama, "selesai": selesai},
        )
        if sanksi.penyedia_id:
            terapkan_pada_penyedia(sanksi.penyedia_id, oleh=oleh, ip=ip)
    return sanksi
