"""Vendor registration, from the confirmed e-mail to an active user ID (Pergub NTB 6/2017
Lampiran II.5.b.1–5)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.halaman_tersimpan import naikkan_versi_model
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from registrasi import prapemeriksaan
from registrasi.models import AlasanTidakValid, Dokumen, Pendaftaran, Penyedia, Persyaratan
from registrasi.services.umum import ekstensi, periksa_unggahan, pesan_integritas, tgl, wajib_izin

User = get_user_model()

SALT_KONFIRMASI = "registrasi.konfirmasi-email"
MASA_TAUTAN_DETIK = 48 * 3600
IZIN_VERIFIKASI = "registrasi.verifikasi_pendaftaran"


# --- e-mail confirmation -------------------------------------------------------------------


def buat_token_konfirmasi(email: str) -> str:
    return signing.dumps({"e": email.strip().lower()}, salt=SALT_KONFIRMASI)


def baca_token_konfirmasi(token: str) -> str:
    """The e-mail in a confirmation link; a clear message when it expired or was changed."""
    try:
        return signing.loads(token, salt=SALT_KONFIRMASI, max_age=MASA_TAUTAN_DETIK)["e"]
    except signing.SignatureExpired:
        raise TransisiTidakSah(
            _("Tautan konfirmasi sudah kedaluwarsa (berlaku 48 jam). Masukkan e-mail Anda lagi untuk tautan baru.")
        )
    except (signing.BadSignature, KeyError, TypeError):
        raise TransisiTidakSah(_("Tautan konfirmasi tidak sah. Salin tautan dari e-mail secara utuh."))


def _konteks(p: Pendaftaran) -> dict:
    return {
        "nama": p.penyedia.nama,
        "user_id": p.penyedia.user.username,
        "pendaftaran": p,
        "tautan_status": f"{settings.SITE_URL}/registrasi/lanjutkan/",
    }


def _surel(p: Pendaftaran, subjek: str, template: str, **konteks) -> None:
    kirim_surel(
        kepada=p.penyedia.email,
        subjek=f"[{p.penyedia.user.username}] {subjek}",
        template=f"registrasi/email/{template}",
        konteks={**_konteks(p), **konteks},
    )


def minta_konfirmasi_email(*, email: str, ip: str | None = None) -> None:
    """Send the signed, expiring confirmation link (SPSE practice: register with the company
    e-mail, confirm by link). An e-mail with a draft gets a link to resume it."""
    email = email.strip().lower()
    with transaction.atomic():
        terdaftar = Penyedia.objects.terdaftar().filter(email__iexact=email).select_related("pendaftaran").first()
        if terdaftar and terdaftar.pendaftaran.status != Pendaftaran.Status.DRAF:
            raise TransisiTidakSah(
                _("E-mail ini sudah terdaftar. Masuk dengan User ID Anda atau pakai fitur lupa kata sandi.")
            )
        kirim_surel(
            kepada=email,
            subjek=_("Konfirmasi Pendaftaran"),
            template="registrasi/email/konfirmasi",
            konteks={
                "tautan": f"{settings.SITE_URL}/registrasi/daftar/{buat_token_konfirmasi(email)}/",
                "lanjutan": terdaftar is not None,
                "jam": MASA_TAUTAN_DETIK // 3600,
            },
        )


# --- the applicant's file --------------------------------------------------------------------


def buat_pendaftaran(*, email: str, user_id: str, kata_sandi: str, data: dict, ip: str | None = None) -> Pendaftaran:
    """Create the inactive account, the vendor and its draft registration, all or nothing.

    No login works before approval (the account stays inactive); a failure at any step leaves
    no half-made account (Lampiran II.5.b.1).
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            if User.objects.filter(username__iexact=user_id).exists():
                raise TransisiTidakSah(_("User ID %(u)s sudah dipakai. Pilih User ID lain.") % {"u": user_id})
            terdaftar = Penyedia.objects.terdaftar()
            if terdaftar.filter(email__iexact=email).exists():
                raise TransisiTidakSah(_("E-mail ini sudah terdaftar sebagai penyedia."))
            if terdaftar.filter(npwp=data["npwp"]).exists():
                raise TransisiTidakSah(_("NPWP ini sudah terdaftar atau sedang dalam proses pendaftaran."))
            if terdaftar.filter(nib=data["nib"]).exists():
                raise TransisiTidakSah(_("NIB ini sudah terdaftar atau sedang dalam proses pendaftaran."))
            user = User(username=user_id, email=email, nama=data["pj_nama"], is_active=False)
            user.set_password(kata_sandi)
            user.save()
            penyedia = Penyedia.objects.create(user=user, email=email, **data)
            pendaftaran = Pendaftaran.objects.create(penyedia=penyedia)
            catat_peristiwa(pendaftaran, oleh=user, ip=ip, aksi="buat", ke=Pendaftaran.Status.DRAF)
    except IntegrityError as e:
        # The unique indexes decide races the checks above cannot see (e.g. twenty at once).
        raise TransisiTidakSah(pesan_integritas(e))
    return pendaftaran


def _wajib_pemilik(p: Pendaftaran, oleh) -> None:
    if oleh is None or p.penyedia.user_id != oleh.pk:
        raise PermissionDenied(_("Hanya pendaftar sendiri yang dapat mengubah pendaftaran ini."))


def persyaratan_untuk(penyedia, bentuk_usaha=None):
    return Persyaratan.objects.untuk(
        bentuk_usaha or penyedia.bentuk_usaha, pj_adalah_pimpinan=penyedia.pj_adalah_pimpinan
    )


def _versi_berikut(penyedia, jenis) -> int:
    terakhir = Dokumen.objects.filter(penyedia=penyedia, jenis=jenis).order_by("-versi").first()
    return (terakhir.versi if terakhir else 0) + 1


def periksa_isian_dokumen(jenis, nomor: str, berlaku_sampai) -> None:
    if jenis.minta_nomor and not (nomor or "").strip():
        raise TransisiTidakSah(_("%(j)s: nomor dokumen wajib diisi.") % {"j": jenis.nama})
    if jenis.minta_masa_berlaku:
        if not berlaku_sampai:
            raise TransisiTidakSah(_("%(j)s: tanggal berlaku sampai wajib diisi.") % {"j": jenis.nama})
        if berlaku_sampai < timezone.localdate():
            raise TransisiTidakSah(
                _("%(j)s sudah tidak berlaku sejak %(t)s.") % {"j": jenis.nama, "t": tgl(berlaku_sampai)}
            )


def simpan_versi_dokumen(*, penyedia, jenis, berkas, nomor, berlaku_sampai, oleh, **tautan) -> Dokumen:
    """A new version; the previous proposal of the same type is kept as `diganti`."""
    tipe = periksa_unggahan(berkas, jenis)
    periksa_isian_dokumen(jenis, nomor, berlaku_sampai)
    lama = Dokumen.objects.select_for_update().filter(penyedia=penyedia, jenis=jenis, keadaan=Dokumen.Keadaan.USULAN)
    lama.update(keadaan=Dokumen.Keadaan.DIGANTI)
    dokumen = Dokumen(
        penyedia=penyedia,
        jenis=jenis,
        versi=_versi_berikut(penyedia, jenis),
        nama_berkas=(berkas.name or "")[:150],
        ukuran=berkas.size,
        tipe=tipe,
        nomor=(nomor or "").strip(),
        berlaku_sampai=berlaku_sampai if jenis.minta_masa_berlaku else None,
        diunggah_oleh=oleh,
        **tautan,
    )
    dokumen.berkas.save(f"dokumen{ekstensi(tipe)}", berkas, save=False)
    dokumen.save()
    return dokumen


def unggah_dokumen(
    *,
    pendaftaran_id: int,
    jenis_id: int,
    berkas,
    oleh,
    nomor: str = "",
    berlaku_sampai=None,
    ip: str | None = None,
) -> Dokumen:
    """Upload one required document; in `perlu_perbaikan` only the invalid ones (II.5.b.2–4)."""
    with transaksi_berkas():
        p = (
            Pendaftaran.objects.select_for_update(of=("self",))
            .select_related("penyedia__bentuk_usaha")
            .get(pk=pendaftaran_id)
        )
        _wajib_pemilik(p, oleh)
        if not p.dapat_diubah_pendaftar:
            raise TransisiTidakSah(
                _("Dokumen tidak dapat diubah saat pendaftaran berstatus %(s)s.") % {"s": p.get_status_display()}
            )
        syarat = persyaratan_untuk(p.penyedia).filter(jenis_id=jenis_id).first()
        if syarat is None:
            raise TransisiTidakSah(_("Dokumen ini tidak diminta untuk bentuk usaha Anda."))
        jenis = syarat.jenis
        if p.status == Pendaftaran.Status.PERLU_PERBAIKAN:
            lama = p.dokumen.filter(jenis=jenis, keadaan=Dokumen.Keadaan.USULAN).first()
            if lama is None or lama.hasil != Dokumen.Hasil.TIDAK_VALID:
                raise TransisiTidakSah(
                    _("Saat perbaikan, hanya dokumen yang dinyatakan tidak valid yang dapat diganti.")
                )
        dokumen = simpan_versi_dokumen(
            penyedia=p.penyedia,
            jenis=jenis,
            berkas=berkas,
            nomor=nomor,
            berlaku_sampai=berlaku_sampai,
            oleh=oleh,
            pendaftaran=p,
        )
        catat_peristiwa(
            p,
            oleh=oleh,
            ip=ip,
            aksi="unggah_dokumen",
            catatan=_("%(j)s versi %(v)d") % {"j": jenis.nama, "v": dokumen.versi},
            data={"dokumen": dokumen.pk, "jenis": jenis.kode, "versi": dokumen.versi},
        )
    return dokumen


def dokumen_wajib_kurang(p: Pendaftaran) -> list[str]:
    ada = set(p.dokumen.filter(keadaan=Dokumen.Keadaan.USULAN).values_list("jenis_id", flat=True))
    return [s.jenis.nama for s in persyaratan_untuk(p.penyedia).filter(wajib=True) if s.jenis_id not in ada]


def ajukan_pendaftaran(*, pendaftaran_id: int, oleh, ip: str | None = None) -> Pendaftaran:
    """Submit the file for verification after the automatic pre-checks (II.5.b.3). An active
    blacklist entry for the NPWP or NIB blocks it."""
    with transaction.atomic():
        p = Pendaftaran.objects.select_for_update(of=("self",)).select_related(
            "penyedia__bentuk_usaha", "penyedia__user"
        )
        p = p.get(pk=pendaftaran_id)
        _wajib_pemilik(p, oleh)
        if p.status in (Pendaftaran.Status.DIAJUKAN, Pendaftaran.Status.DIVERIFIKASI):
            raise TransisiTidakSah(_("Pendaftaran ini sudah diajukan dan menunggu verifikasi."))
        if not p.dapat_diubah_pendaftar:
            raise TransisiTidakSah(
                _("Pendaftaran berstatus %(s)s tidak dapat diajukan.") % {"s": p.get_status_display()}
            )
        kurang = dokumen_wajib_kurang(p)
        if kurang:
            raise TransisiTidakSah(_("Dokumen wajib belum diunggah: %(d)s.") % {"d": ", ".join(kurang)})
        tidak_valid = p.dokumen_terkini().filter(hasil=Dokumen.Hasil.TIDAK_VALID)
        if tidak_valid.exists():
            raise TransisiTidakSah(
                _("Ganti dahulu dokumen yang tidak valid: %(d)s.") % {"d": ", ".join(d.jenis.nama for d in tidak_valid)}
            )
        temuan = prapemeriksaan.periksa(p.penyedia)
        penghalang = [t.pesan for t in temuan if t.menghalangi]
        if penghalang:
            raise TransisiTidakSah(" ".join(penghalang))
        prapemeriksaan.simpan(p, temuan)
        dari = p.status
        sekarang = timezone.now()
        p.status = Pendaftaran.Status.DIAJUKAN
        p.diajukan_pertama_at = p.diajukan_pertama_at or sekarang
        p.antre_sejak = sekarang
        p.verifikator = None
        p.diklaim_at = None
        p.save()
        catat_peristiwa(
            p,
            oleh=oleh,
            ip=ip,
            aksi="ajukan",
            dari=dari,
            ke=p.status,
            data={"temuan": sorted({t.kode for t in temuan})},
        )
        _surel(p, _("Pendaftaran Diterima"), "diajukan", perbaikan=dari == Pendaftaran.Status.PERLU_PERBAIKAN)
    return p


# --- verification -----------------------------------------------------------------------------


def _kunci_pendaftaran(pendaftaran_id: int) -> Pendaftaran:
    return (
        # No join of `verifikator`: after waiting for the lock PostgreSQL re-reads the locked row,
        # not the joined ones, so a joined verifikator could be the stale one.
        Pendaftaran.objects.select_for_update(of=("self",))
        .select_related("penyedia__user", "penyedia__bentuk_usaha")
        .get(pk=pendaftaran_id)
    )


def _wajib_pemegang(p: Pendaftaran, oleh) -> None:
    """Only the verifikator who took the file decides on it."""
    if p.status != Pendaftaran.Status.DIVERIFIKASI:
        raise TransisiTidakSah(
            _("Pendaftaran ini berstatus %(s)s, tidak sedang diverifikasi.") % {"s": p.get_status_display()}
        )
    if p.verifikator_id != oleh.pk:
        raise TransisiTidakSah(_("Berkas ini sedang diverifikasi oleh %(v)s.") % {"v": p.verifikator.get_full_name()})


def ambil_pendaftaran(*, pendaftaran_id: int, oleh, ip: str | None = None) -> Pendaftaran:
    """Take a file from the queue: one verifikator at a time (the row lock decides a race)."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    with transaction.atomic():
        p = _kunci_pendaftaran(pendaftaran_id)
        if p.status == Pendaftaran.Status.DIVERIFIKASI:
            if p.verifikator_id == oleh.pk:
                raise TransisiTidakSah(_("Berkas ini sudah Anda ambil."))
            raise TransisiTidakSah(_("Berkas ini sudah diambil oleh %(v)s.") % {"v": p.verifikator.get_full_name()})
        if p.status != Pendaftaran.Status.DIAJUKAN:
            raise TransisiTidakSah(
                _("Pendaftaran berstatus %(s)s tidak dapat diambil.") % {"s": p.get_status_display()}
            )
        # The blacklist may have changed since submission: the verifikator sees today's findings.
        prapemeriksaan.simpan(p, prapemeriksaan.periksa(p.penyedia))
        p.status = Pendaftaran.Status.DIVERIFIKASI
        p.verifikator = oleh
        p.diklaim_at = timezone.now()
        p.save()
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="ambil", dari=Pendaftaran.Status.DIAJUKAN, ke=p.status)
    return p


def lepas_pendaftaran(*, pendaftaran_id: int, oleh, ip: str | None = None) -> Pendaftaran:
    """Put a taken file back into the queue for another verifikator."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    with transaction.atomic():
        p = _kunci_pendaftaran(pendaftaran_id)
        _wajib_pemegang(p, oleh)
        p.status = Pendaftaran.Status.DIAJUKAN
        p.verifikator = None
        p.diklaim_at = None
        p.save()
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="lepas", dari=Pendaftaran.Status.DIVERIFIKASI, ke=p.status)
    return p


def periksa_dokumen(
    *,
    dokumen_id: int,
    hasil: str,
    oleh,
    alasan_id: int | None = None,
    catatan: str = "",
    nomor: str | None = None,
    berlaku_sampai=None,
    ip: str | None = None,
) -> Dokumen:
    """Record the decision on one document: valid, or invalid with a coded reason (II.5.b.3)."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    with transaction.atomic():
        dok = Dokumen.objects.select_for_update(of=("self",)).select_related("jenis").get(pk=dokumen_id)
        if dok.pendaftaran_id and dok.perubahan_id is None:
            induk = _kunci_pendaftaran(dok.pendaftaran_id)
            _wajib_pemegang(induk, oleh)
        elif dok.perubahan_id:
            from registrasi.models import PermintaanPerubahan

            induk = PermintaanPerubahan.objects.select_for_update().get(pk=dok.perubahan_id)
            if not induk.terbuka:
                raise TransisiTidakSah(_("Permintaan perubahan ini sudah diputuskan."))
        else:
            raise TransisiTidakSah(_("Dokumen ini tidak sedang diverifikasi."))
        if dok.keadaan != Dokumen.Keadaan.USULAN:
            raise TransisiTidakSah(_("Versi dokumen ini sudah diganti atau sudah diputuskan."))
        if hasil not in (Dokumen.Hasil.VALID, Dokumen.Hasil.TIDAK_VALID):
            raise TransisiTidakSah(_("Pilih hasil: valid atau tidak valid."))
        if nomor is not None:
            dok.nomor = nomor.strip()
        if berlaku_sampai is not None:
            dok.berlaku_sampai = berlaku_sampai
        alasan = None
        if hasil == Dokumen.Hasil.TIDAK_VALID:
            alasan = AlasanTidakValid.objects.filter(pk=alasan_id).first() if alasan_id else None
            if alasan is None:
                raise TransisiTidakSah(_("Dokumen tidak valid wajib disertai alasan dari daftar."))
            if alasan.kode == "lainnya" and not catatan.strip():
                raise TransisiTidakSah(_("Untuk alasan “Lainnya”, tuliskan penjelasannya di catatan."))
        else:
            if dok.jenis.minta_nomor and not dok.nomor:
                raise TransisiTidakSah(_("Catat nomor dokumen sebelum menyatakannya valid."))
            if dok.jenis.minta_masa_berlaku and not dok.berlaku_sampai:
                raise TransisiTidakSah(_("Catat tanggal berlaku sampai sebelum menyatakannya valid."))
            if dok.berlaku_sampai and dok.berlaku_sampai < timezone.localdate():
                raise TransisiTidakSah(_("Dokumen ini sudah kedaluwarsa; nyatakan tidak valid."))
        dok.hasil = hasil
        dok.alasan = alasan
        dok.catatan = catatan.strip()
        dok.diperiksa_oleh = oleh
        dok.diperiksa_at = timezone.now()
        dok.save()
        catat_peristiwa(
            induk,
            oleh=oleh,
            ip=ip,
            aksi="periksa_dokumen",
            ke=hasil,
            catatan=f"{dok.jenis.nama} v{dok.versi}" + (f": {alasan.nama}" if alasan else ""),
            data={"dokumen": dok.pk, "jenis": dok.jenis.kode, "hasil": hasil, "alasan": alasan.kode if alasan else ""},
        )
    return dok


def jadwalkan_verifikasi(
    *, pendaftaran_id: int, mode: str, waktu, oleh, tempat: str = "", tautan: str = "", ip: str | None = None
) -> Pendaftaran:
    """Set the verification mode and appointment, and e-mail it to the vendor."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    with transaction.atomic():
        p = _kunci_pendaftaran(pendaftaran_id)
        _wajib_pemegang(p, oleh)
        if mode not in Pendaftaran.Mode.values:
            raise TransisiTidakSah(_("Pilih mode verifikasi: tatap muka atau daring."))
        if waktu <= timezone.now():
            raise TransisiTidakSah(_("Jadwal verifikasi harus di masa depan."))
        if mode == Pendaftaran.Mode.TATAP_MUKA and not tempat.strip():
            raise TransisiTidakSah(_("Verifikasi tatap muka memerlukan tempat."))
        if mode == Pendaftaran.Mode.DARING and not tautan.strip():
            raise TransisiTidakSah(_("Verifikasi daring memerlukan tautan rapat."))
        p.mode_verifikasi = mode
        p.jadwal_verifikasi = waktu
        p.tempat_verifikasi = tempat.strip() if mode == Pendaftaran.Mode.TATAP_MUKA else ""
        p.tautan_verifikasi = tautan.strip() if mode == Pendaftaran.Mode.DARING else ""
        p.save()
        catat_peristiwa(
            p,
            oleh=oleh,
            ip=ip,
            aksi="jadwalkan_verifikasi",
            catatan=f"{p.get_mode_verifikasi_display()}, {timezone.localtime(waktu):%d-%m-%Y %H.%M} WITA",
        )
        _surel(p, _("Jadwal Verifikasi"), "jadwal")
    return p


def kembalikan_pendaftaran(*, pendaftaran_id: int, catatan: str, oleh, ip: str | None = None) -> Pendaftaran:
    """Return the file for fixes: the vendor replaces only the invalid documents."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    with transaction.atomic():
        p = _kunci_pendaftaran(pendaftaran_id)
        _wajib_pemegang(p, oleh)
        tidak_valid = list(p.dokumen_terkini().filter(hasil=Dokumen.Hasil.TIDAK_VALID))
        if not tidak_valid:
            raise TransisiTidakSah(_("Tandai dulu dokumen yang tidak valid beserta alasannya."))
        p.status = Pendaftaran.Status.PERLU_PERBAIKAN
        p.catatan_perbaikan = catatan.strip()
        p.save()
        catat_peristiwa(
            p,
            oleh=oleh,
            ip=ip,
            aksi="kembalikan",
            dari=Pendaftaran.Status.DIVERIFIKASI,
            ke=p.status,
            catatan=catatan.strip(),
            data={"dokumen_tidak_valid": [d.jenis.kode for d in tidak_valid]},
        )
        _surel(p, _("Perbaikan Dokumen Pendaftaran"), "perlu_perbaikan", dokumen_tidak_valid=tidak_valid)
    return p


def setujui_pendaftaran(*, pendaftaran_id: int, oleh, ip: str | None = None) -> Pendaftaran:
    """Approve a registration and activate its user ID (Pergub Lampiran II.5.b.5)."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    with transaction.atomic():
        p = _kunci_pendaftaran(pendaftaran_id)
        _wajib_pemegang(p, oleh)
        kurang = dokumen_wajib_kurang(p)
        if kurang:
            raise TransisiTidakSah(_("Dokumen wajib belum ada: %(d)s.") % {"d": ", ".join(kurang)})
        belum = p.dokumen_terkini().exclude(hasil=Dokumen.Hasil.VALID)
        if belum.exists():
            raise TransisiTidakSah(
                _("Masih ada dokumen yang belum dinyatakan valid: %(d)s.")
                % {"d": ", ".join(d.jenis.nama for d in belum)}
            )
        hitam = prapemeriksaan.periksa_daftar_hitam(npwp=p.penyedia.npwp, nib=p.penyedia.nib)
        if hitam:
            raise TransisiTidakSah(hitam[0].pesan)
        sekarang = timezone.now()
        p.status = Pendaftaran.Status.DISETUJUI
        p.diputuskan_at = sekarang
        p.save()
        p.dokumen.filter(keadaan=Dokumen.Keadaan.USULAN).update(keadaan=Dokumen.Keadaan.BERLAKU)
        penyedia = Penyedia.objects.select_for_update().get(pk=p.penyedia_id)
        penyedia.status = Penyedia.Status.AKTIF
        penyedia.aktif_sejak = sekarang
        penyedia.save(update_fields=["status", "aktif_sejak", "updated_at"])
        user = User.objects.select_for_update().get(pk=penyedia.user_id)
        user.is_active = True
        user.save(update_fields=["is_active"])
        user.groups.add(Group.objects.get(name="penyedia"))
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="setujui", dari=Pendaftaran.Status.DIVERIFIKASI, ke=p.status)
        catat_peristiwa(
            penyedia,
            oleh=oleh,
            ip=ip,
            aksi="aktifkan_user_id",
            dari=Penyedia.Status.NONAKTIF,
            ke=Penyedia.Status.AKTIF,
            catatan=_("Pendaftaran disetujui."),
        )
        _surel(p, _("Selamat Bergabung"), "selamat_bergabung", tautan_masuk=f"{settings.SITE_URL}/accounts/login/")
    return p


def tolak_pendaftaran(*, pendaftaran_id: int, alasan: str, oleh, ip: str | None = None) -> Pendaftaran:
    """Reject a registration with its reason (II.5.b.5); the account stays inactive and the
    NPWP, NIB and e-mail become free for a new registration."""
    wajib_izin(oleh, IZIN_VERIFIKASI)
    if not alasan.strip():
        raise TransisiTidakSah(_("Alasan penolakan wajib diisi."))
    with transaction.atomic():
        p = _kunci_pendaftaran(pendaftaran_id)
        _wajib_pemegang(p, oleh)
        p.status = Pendaftaran.Status.DITOLAK
        p.alasan_penolakan = alasan.strip()
        p.diputuskan_at = timezone.now()
        p.save()
        Penyedia.objects.filter(pk=p.penyedia_id).update(ditolak=True, updated_at=timezone.now())
        naikkan_versi_model(Penyedia)  # the vendor list's kept count (lpse_portal/paginasi.py)
        catat_peristiwa(
            p, oleh=oleh, ip=ip, aksi="tolak", dari=Pendaftaran.Status.DIVERIFIKASI, ke=p.status, catatan=alasan
        )
        _surel(p, _("Pendaftaran Ditolak"), "ditolak")
    return p
