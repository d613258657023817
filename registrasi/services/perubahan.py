"""Changes after activation (Lampiran II.5.b.3–4): contact data changes at once; NPWP, NIB,
name, form of business, e-mail and documents wait for a verifikator ("verifikasi perubahan
data"), and until then the old data stays in force."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from registrasi import prapemeriksaan
from registrasi.models import Dokumen, Penyedia, PermintaanPerubahan, Persyaratan
from registrasi.services.pendaftaran import simpan_versi_dokumen
from registrasi.services.umum import pesan_integritas, wajib_izin

User = get_user_model()
IZIN = "registrasi.verifikasi_pendaftaran"
KOLOM_KONTAK = ("alamat", "provinsi", "kabupaten_kota", "kode_pos", "telepon")


def _penyedia_milik(penyedia_id: int, oleh) -> Penyedia:
    penyedia = (
        Penyedia.objects.select_for_update(of=("self",)).select_related("user", "bentuk_usaha").get(pk=penyedia_id)
    )
    if oleh is None or penyedia.user_id != oleh.pk:
        raise PermissionDenied(_("Hanya penyedia sendiri yang dapat mengubah datanya."))
    if penyedia.status == Penyedia.Status.NONAKTIF:
        raise TransisiTidakSah(_("Data dapat diubah lewat permintaan perubahan setelah User ID aktif."))
    return penyedia


def ubah_kontak_penyedia(*, penyedia_id: int, data: dict, oleh, ip: str | None = None) -> Penyedia:
    """Address and telephone: no verification needed, recorded as an event."""
    with transaction.atomic():
        penyedia = _penyedia_milik(penyedia_id, oleh)
        berubah = [k for k in KOLOM_KONTAK if k in data and getattr(penyedia, k) != data[k]]
        for k in berubah:
            setattr(penyedia, k, data[k])
        if berubah:
            penyedia.save(update_fields=[*berubah, "updated_at"])
            catat_peristiwa(penyedia, oleh=oleh, ip=ip, aksi="ubah_kontak", data={"kolom": berubah})
    return penyedia


def _cek_bebas(penyedia, kolom: str, nilai: str, label: str) -> None:
    lain = Penyedia.objects.terdaftar().exclude(pk=penyedia.pk)
    filter_ = {f"{kolom}__iexact": nilai} if kolom == "email" else {kolom: nilai}
    if lain.filter(**filter_).exists():
        raise TransisiTidakSah(_("%(l)s baru ini sudah dipakai penyedia lain.") % {"l": label})


def _cek_daftar_hitam(npwp: str, nib: str) -> None:
    hitam = prapemeriksaan.periksa_daftar_hitam(npwp=npwp, nib=nib)
    if hitam:
        raise TransisiTidakSah(hitam[0].pesan)


def ajukan_perubahan(
    *, penyedia_id: int, data: dict, dokumen: list[dict], oleh, ip: str | None = None
) -> PermintaanPerubahan:
    """File a change request. `data`: nama_baru, bentuk_usaha_baru, npwp_baru, nib_baru,
    email_baru, keterangan (blank = unchanged); `dokumen`: [{jenis, berkas, nomor, berlaku_sampai}]."""
    try:
        with transaksi_berkas():
            penyedia = _penyedia_milik(penyedia_id, oleh)
            if penyedia.perubahan.filter(status=PermintaanPerubahan.Status.DIAJUKAN).exists():
                raise TransisiTidakSah(_("Masih ada permintaan perubahan data yang belum diputuskan."))
            perubahan = PermintaanPerubahan(penyedia=penyedia, keterangan=data.get("keterangan", "").strip())
            for kolom, lama in (("nama_baru", penyedia.nama), ("npwp_baru", penyedia.npwp), ("nib_baru", penyedia.nib)):
                nilai = (data.get(kolom) or "").strip()
                if nilai and nilai != lama:
                    setattr(perubahan, kolom, nilai)
            email = (data.get("email_baru") or "").strip().lower()
            if email and email != penyedia.email.lower():
                perubahan.email_baru = email
            bentuk = data.get("bentuk_usaha_baru")
            if bentuk and bentuk.pk != penyedia.bentuk_usaha_id:
                perubahan.bentuk_usaha_baru = bentuk
            if not perubahan.daftar_perubahan() and not dokumen:
                raise TransisiTidakSah(_("Tidak ada data atau dokumen yang diubah."))
            if perubahan.npwp_baru:
                _cek_bebas(penyedia, "npwp", perubahan.npwp_baru, "NPWP")
            if perubahan.nib_baru:
                _cek_bebas(penyedia, "nib", perubahan.nib_baru, "NIB")
            if perubahan.email_baru:
                _cek_bebas(penyedia, "email", perubahan.email_baru, _("E-mail"))
            if perubahan.npwp_baru or perubahan.nib_baru:
                _cek_daftar_hitam(perubahan.npwp_baru or penyedia.npwp, perubahan.nib_baru or penyedia.nib)
            syarat = Persyaratan.objects.untuk(
                perubahan.bentuk_usaha_baru or penyedia.bentuk_usaha, pj_adalah_pimpinan=penyedia.pj_adalah_pimpinan
            )
            diminta = {s.jenis_id: s.jenis for s in syarat}
            for d in dokumen:
                if d["jenis"].pk not in diminta:
                    raise TransisiTidakSah(_("%(j)s tidak diminta untuk bentuk usaha ini.") % {"j": d["jenis"].nama})
            if perubahan.bentuk_usaha_baru:
                ada = set(penyedia.dokumen.berlaku().values_list("jenis_id", flat=True)) | {
                    d["jenis"].pk for d in dokumen
                }
                kurang = [s.jenis.nama for s in syarat if s.wajib and s.jenis_id not in ada]
                if kurang:
                    raise TransisiTidakSah(
                        _("Bentuk usaha baru mensyaratkan dokumen: %(d)s.") % {"d": ", ".join(kurang)}
                    )
            perubahan.save()
            for d in dokumen:
                simpan_versi_dokumen(
                    penyedia=penyedia,
                    jenis=d["jenis"],
                    berkas=d["berkas"],
                    nomor=d.get("nomor", ""),
                    berlaku_sampai=d.get("berlaku_sampai"),
                    oleh=oleh,
                    perubahan=perubahan,
                )
            # Field names only: the event log must not carry an NPWP.
            kolom = [k for k in ("nama_baru", "npwp_baru", "nib_baru", "email_baru") if getattr(perubahan, k)]
            if perubahan.bentuk_usaha_baru_id:
                kolom.append("bentuk_usaha_baru")
            catat_peristiwa(
                perubahan,
                oleh=oleh,
                ip=ip,
                aksi="ajukan",
                ke=perubahan.status,
                data={"kolom": kolom, "dokumen": [d["jenis"].kode for d in dokumen]},
            )
            kirim_surel(
                kepada=penyedia.email,
                subjek=f"[{penyedia.user.username}] " + _("Permintaan Perubahan Data Diterima"),
                template="registrasi/email/perubahan_diajukan",
                konteks={"perubahan": perubahan, "penyedia": penyedia},
            )
    except IntegrityError as e:
        raise TransisiTidakSah(pesan_integritas(e))
    return perubahan


def _kunci(perubahan_id: int) -> PermintaanPerubahan:
    p = (
        PermintaanPerubahan.objects.select_for_update(of=("self",))
        .select_related("penyedia__user")
        .get(pk=perubahan_id)
    )
    if not p.terbuka:
        raise TransisiTidakSah(_("Permintaan perubahan ini sudah diputuskan."))
    return p


def setujui_perubahan(*, perubahan_id: int, oleh, ip: str | None = None) -> PermintaanPerubahan:
    """Apply the change: new data and documents in force, the old versions kept as `diganti`."""
    wajib_izin(oleh, IZIN)
    try:
        with transaction.atomic():
            p = _kunci(perubahan_id)
            penyedia = Penyedia.objects.select_for_update(of=("self",)).select_related("user").get(pk=p.penyedia_id)
            belum = p.dokumen.filter(keadaan=Dokumen.Keadaan.USULAN).exclude(hasil=Dokumen.Hasil.VALID)
            if belum.exists():
                raise TransisiTidakSah(
                    _("Masih ada dokumen yang belum dinyatakan valid: %(d)s.")
                    % {"d": ", ".join(d.jenis.nama for d in belum.select_related("jenis"))}
                )
            if p.npwp_baru:
                _cek_bebas(penyedia, "npwp", p.npwp_baru, "NPWP")
            if p.nib_baru:
                _cek_bebas(penyedia, "nib", p.nib_baru, "NIB")
            if p.email_baru:
                _cek_bebas(penyedia, "email", p.email_baru, _("E-mail"))
            if p.npwp_baru or p.nib_baru:
                _cek_daftar_hitam(p.npwp_baru or penyedia.npwp, p.nib_baru or penyedia.nib)
            kolom = []
            for baru, lama in (
                ("nama_baru", "nama"),
                ("npwp_baru", "npwp"),
                ("nib_baru", "nib"),
                ("email_baru", "email"),
            ):
                if getattr(p, baru):
                    setattr(penyedia, lama, getattr(p, baru))
                    kolom.append(lama)
            if p.bentuk_usaha_baru_id:
                penyedia.bentuk_usaha_id = p.bentuk_usaha_baru_id
                kolom.append("bentuk_usaha")
            baru = list(p.dokumen.filter(keadaan=Dokumen.Keadaan.USULAN))
            for d in baru:
                penyedia.dokumen.filter(jenis=d.jenis_id, keadaan=Dokumen.Keadaan.BERLAKU).update(
                    keadaan=Dokumen.Keadaan.DIGANTI
                )
            p.dokumen.filter(keadaan=Dokumen.Keadaan.USULAN).update(keadaan=Dokumen.Keadaan.BERLAKU)
            hari_ini = timezone.localdate()
            penyedia.dokumen_kedaluwarsa = penyedia.dokumen.berlaku().filter(berlaku_sampai__lt=hari_ini).exists()
            penyedia.save()
            if p.email_baru:
                User.objects.filter(pk=penyedia.user_id).update(email=p.email_baru)
            p.status = PermintaanPerubahan.Status.DISETUJUI
            p.verifikator = oleh
            p.diputuskan_at = timezone.now()
            p.save()
            catat_peristiwa(p, oleh=oleh, ip=ip, aksi="setujui", dari="diajukan", ke=p.status)
            catat_peristiwa(
                penyedia,
                oleh=oleh,
                ip=ip,
                aksi="ubah_data",
                catatan=_("Perubahan data disetujui."),
                data={"kolom": kolom, "dokumen": [d.jenis.kode for d in baru], "perubahan": p.pk},
            )
            kirim_surel(
                kepada=[penyedia.email],
                subjek=f"[{penyedia.user.username}] " + _("Perubahan Data Disetujui"),
                template="registrasi/email/perubahan_keputusan",
                konteks={"perubahan": p, "penyedia": penyedia},
            )
    except IntegrityError as e:
        raise TransisiTidakSah(pesan_integritas(e))
    return p


def tolak_perubahan(*, perubahan_id: int, alasan: str, oleh, ip: str | None = None) -> PermintaanPerubahan:
    """Refuse the change; the data in force stays as it was."""
    wajib_izin(oleh, IZIN)
    if not alasan.strip():
        raise TransisiTidakSah(_("Alasan penolakan wajib diisi."))
    with transaction.atomic():
        p = _kunci(perubahan_id)
        p.dokumen.filter(keadaan=Dokumen.Keadaan.USULAN).update(keadaan=Dokumen.Keadaan.DITOLAK)
        p.status = PermintaanPerubahan.Status.DITOLAK
        p.verifikator = oleh
        p.alasan_penolakan = alasan.strip()
        p.diputuskan_at = timezone.now()
        p.save()
        catat_peristiwa(p, oleh=oleh, ip=ip, aksi="tolak", dari="diajukan", ke=p.status, catatan=alasan.strip())
        kirim_surel(
            kepada=p.penyedia.email,
            subjek=f"[{p.penyedia.user.username}] " + _("Perubahan Data Ditolak"),
            template="registrasi/email/perubahan_keputusan",
            konteks={"perubahan": p, "penyedia": p.penyedia},
        )
    return p
