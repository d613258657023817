"""Every change to the organisation: appointments, their end, staff records, role sync."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from organisasi.models import Jabatan, Kualifikasi, Pegawai, Penugasan, RiwayatPendidikan, User
from organisasi.peran import PERAN_STAF
from organisasi.services.umum import ekstensi as _ekstensi
from organisasi.services.umum import tgl as _tgl
from organisasi.services.umum import wajib_izin as _wajib_izin

# --- roles ---------------------------------------------------------------------------------


def peran_dari_penugasan(pegawai: Pegawai, tanggal: datetime.date) -> set[str]:
    peran: set[str] = set()
    for p in pegawai.penugasan.aktif_pada(tanggal).select_related("jabatan__unit"):
        peran |= p.jabatan.peran
    return peran


def sinkron_peran_pengguna(user: User, tanggal: datetime.date | None = None) -> bool:
    """Give the user exactly the staff roles of their active assignments. True if changed.

    Roles from outside the organisation (penyedia, pejabat_pengadaan) are left alone.
    """
    tanggal = tanggal or timezone.localdate()
    pegawai = Pegawai.objects.filter(user=user).first()
    seharusnya = peran_dari_penugasan(pegawai, tanggal) if pegawai else set()
    sekarang = set(user.groups.filter(name__in=PERAN_STAF).values_list("name", flat=True))
    staf = bool(seharusnya)
    if seharusnya == sekarang and user.is_staff == staf:
        return False
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if sekarang - seharusnya:
            user.groups.remove(*Group.objects.filter(name__in=sekarang - seharusnya))
        if seharusnya - sekarang:
            user.groups.add(*Group.objects.filter(name__in=seharusnya - sekarang))
        # Admin site access (e.g. the Pembina approving SOPs) only while assigned.
        if user.is_staff != staf and not user.is_superuser:
            user.is_staff = staf
            user.save(update_fields=["is_staff"])
        catat_peristiwa(
            user,
            oleh=None,
            aksi="sinkron_peran",
            catatan=_("Peran disesuaikan dengan penugasan per %(tgl)s.") % {"tgl": _tgl(tanggal)},
            data={"sebelum": sorted(sekarang), "sesudah": sorted(seharusnya)},
        )
    return True


def terapkan_penugasan_harian(tanggal: datetime.date | None = None) -> int:
    """Daily job: apply assignments that start or end by date. Safe to run twice."""
    tanggal = tanggal or timezone.localdate()
    berubah = 0
    for user in User.objects.filter(pegawai__isnull=False).order_by("pk"):
        berubah += sinkron_peran_pengguna(user, tanggal)
    # Former staff whose Pegawai link was removed keep no staff role.
    for user in User.objects.filter(pegawai__isnull=True, groups__name__in=PERAN_STAF).distinct():
        berubah += sinkron_peran_pengguna(user, tanggal)
    return berubah


# --- assignments ------------------------------------------------------------------------------


def angkat_pegawai(
    *,
    pegawai_id: int,
    jabatan_id: int,
    nomor_sk: str,
    tanggal_sk: datetime.date,
    penetap: str,
    tmt_mulai: datetime.date,
    berkas_sk,
    oleh: User,
    tmt_selesai: datetime.date | None = None,
    nama_penetap: str = "",
    ip: str | None = None,
) -> Penugasan:
    """Appoint a person to a position (Pergub Lampiran III.2–3)."""
    _wajib_izin(oleh, "organisasi.kelola_penugasan")
    with transaksi_berkas():
        # Lock the position: two appointments to one leading position cannot both pass the check.
        jabatan = Jabatan.objects.select_for_update().select_related("unit").get(pk=jabatan_id)
        pegawai = Pegawai.objects.select_for_update().get(pk=pegawai_id)
        if tmt_selesai is not None and tmt_selesai <= tmt_mulai:
            raise TransisiTidakSah(_("TMT selesai harus sesudah TMT mulai."))
        if penetap != jabatan.penetap_wajib:
            raise TransisiTidakSah(
                _(
                    "%(jabatan)s ditetapkan dengan SK %(wajib)s, bukan %(diberikan)s "
                    "(Pergub NTB 6/2017 Lampiran III.%(butir)s)."
                )
                % {
                    "jabatan": jabatan.get_jenis_display(),
                    "wajib": Jabatan.Penetap(jabatan.penetap_wajib).label,
                    "diberikan": Jabatan.Penetap(penetap).label,
                    "butir": "3" if jabatan.jenis == Jabatan.Jenis.PELAKSANA else "2",
                }
            )
        if jabatan.tunggal:
            bentrok = (
                Penugasan.objects.filter(jabatan=jabatan)
                .bertumpang_tindih(tmt_mulai, tmt_selesai)
                .select_related("pegawai")
                .first()
            )
            if bentrok:
                sampai = _tgl(bentrok.tmt_selesai) if bentrok.tmt_selesai else _("waktu yang belum ditentukan")
                raise TransisiTidakSah(
                    _(
                        "Jabatan %(jabatan)s hanya untuk satu orang dan masih dipegang %(nama)s "
                        "(TMT %(mulai)s sampai %(sampai)s). Akhiri penugasan itu lebih dulu."
                    )
                    % {
                        "jabatan": jabatan.nama,
                        "nama": bentrok.pegawai.nama_lengkap,
                        "mulai": _tgl(bentrok.tmt_mulai),
                        "sampai": sampai,
                    }
                )
        if pegawai.penugasan.filter(jabatan=jabatan).bertumpang_tindih(tmt_mulai, tmt_selesai).exists():
            raise TransisiTidakSah(_("Pegawai ini sudah ditugaskan pada jabatan yang sama dalam periode itu."))
        penugasan = Penugasan(
            pegawai=pegawai,
            jabatan=jabatan,
            nomor_sk=nomor_sk.strip(),
            tanggal_sk=tanggal_sk,
            penetap=penetap,
            nama_penetap=nama_penetap.strip(),
            tmt_mulai=tmt_mulai,
            tmt_selesai=tmt_selesai,
        )
        penugasan.berkas_sk.save(f"sk{_ekstensi(berkas_sk)}", berkas_sk, save=False)
        penugasan.save()
        catat_peristiwa(
            penugasan,
            oleh=oleh,
            ip=ip,
            aksi="angkat",
            ke="aktif" if penugasan.aktif else "terjadwal",
            catatan=_("Diangkat sebagai %(jabatan)s dengan SK %(nomor)s.")
            % {"jabatan": jabatan.nama, "nomor": penugasan.nomor_sk},
        )
        if pegawai.user_id:
            sinkron_peran_pengguna(pegawai.user)
    return penugasan


def akhiri_penugasan(
    *,
    penugasan_id: int,
    tmt_selesai: datetime.date,
    alasan: str,
    oleh: User,
    nomor_sk: str = "",
    tanggal_sk: datetime.date | None = None,
    berkas_sk=None,
    ip: str | None = None,
) -> Penugasan:
    """End an assignment from `tmt_selesai` (the first day without the position).

    Ending it today removes the role's rights at once.
    """
    _wajib_izin(oleh, "organisasi.kelola_penugasan")
    with transaksi_berkas():
        penugasan = Penugasan.objects.select_for_update().select_related("pegawai", "jabatan").get(pk=penugasan_id)
        if tmt_selesai <= penugasan.tmt_mulai:
            raise TransisiTidakSah(
                _("TMT selesai harus sesudah TMT mulai (%(mulai)s).") % {"mulai": _tgl(penugasan.tmt_mulai)}
            )
        hari_ini = timezone.localdate()
        if penugasan.tmt_selesai is not None and penugasan.tmt_selesai <= hari_ini:
            raise TransisiTidakSah(_("Penugasan ini sudah berakhir."))
        if not alasan.strip():
            raise TransisiTidakSah(_("Alasan berakhirnya penugasan wajib diisi."))
        sebelumnya = penugasan.tmt_selesai
        penugasan.tmt_selesai = tmt_selesai
        penugasan.alasan_selesai = alasan.strip()
        penugasan.nomor_sk_selesai = nomor_sk.strip()
        penugasan.tanggal_sk_selesai = tanggal_sk
        if berkas_sk:
            penugasan.berkas_sk_selesai.save(f"sk{_ekstensi(berkas_sk)}", berkas_sk, save=False)
        penugasan.save()
        catat_peristiwa(
            penugasan,
            oleh=oleh,
            ip=ip,
            aksi="akhiri",
            dari="aktif",
            ke="berakhir" if tmt_selesai <= hari_ini else "berakhir_terjadwal",
            catatan=alasan.strip(),
            data={"tmt_selesai_sebelumnya": sebelumnya, "tmt_selesai": tmt_selesai},
        )
        if penugasan.pegawai.user_id:
            sinkron_peran_pengguna(penugasan.pegawai.user)
    return penugasan


# --- staff records ------------------------------------------------------------------------------


def simpan_pegawai(*, data: dict, oleh: User, pegawai_id: int | None = None, ip: str | None = None) -> Pegawai:
    """Create or update a staff record. `data` holds cleaned form fields."""
    _wajib_izin(oleh, "organisasi.change_pegawai" if pegawai_id else "organisasi.add_pegawai")
    with transaction.atomic():
        if pegawai_id:
            pegawai = Pegawai.objects.select_for_update().get(pk=pegawai_id)
            aksi = "ubah"
        else:
            pegawai = Pegawai()
            aksi = "buat"
        for field, value in data.items():
            setattr(pegawai, field, value)
        if pegawai.status_kepegawaian == Pegawai.Status.PNS and not pegawai.nip:
            raise TransisiTidakSah(_("Pegawai PNS wajib memiliki NIP."))
        if pegawai.status_kepegawaian == Pegawai.Status.NON_PNS and not pegawai.nik:
            raise TransisiTidakSah(_("Pegawai non-PNS wajib memiliki NIK."))
        pegawai.nip = pegawai.nip or None
        pegawai.nik = pegawai.nik or None
        pegawai.save()
        # Field names only: the event log must not carry a NIK.
        catat_peristiwa(pegawai, oleh=oleh, ip=ip, aksi=aksi, data={"kolom": sorted(data)})
    return pegawai


def tambah_kualifikasi(*, pegawai_id: int, data: dict, oleh: User, ip: str | None = None) -> Kualifikasi:
    _wajib_izin(oleh, "organisasi.add_kualifikasi")
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().get(pk=pegawai_id)
        if (
            data.get("tanggal_terbit")
            and data.get("berlaku_sampai")
            and data["berlaku_sampai"] < data["tanggal_terbit"]
        ):
            raise TransisiTidakSah(_("Tanggal berlaku sampai tidak boleh sebelum tanggal terbit."))
        kualifikasi = Kualifikasi.objects.create(pegawai=pegawai, **data)
        catat_peristiwa(pegawai, oleh=oleh, ip=ip, aksi="tambah_kualifikasi", catatan=kualifikasi.nama)
    return kualifikasi


def tambah_riwayat_pendidikan(*, pegawai_id: int, data: dict, oleh: User, ip: str | None = None) -> RiwayatPendidikan:
    _wajib_izin(oleh, "organisasi.add_riwayatpendidikan")
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().get(pk=pegawai_id)
        if (
            data.get("tanggal_mulai")
            and data.get("tanggal_selesai")
            and data["tanggal_selesai"] < data["tanggal_mulai"]
        ):
            raise TransisiTidakSah(_("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        riwayat = RiwayatPendidikan.objects.create(pegawai=pegawai, **data)
        catat_peristiwa(pegawai, oleh=oleh, ip=ip, aksi="tambah_riwayat_pendidikan", catatan=riwayat.nama)
    return riwayat


def buat_akun_pegawai(*, pegawai_id: int, username: str, email: str, oleh: User, ip: str | None = None) -> User:
    """Create the staff member's login and e-mail a link to set the password."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from lpse_portal.surel import kirim_surel

    _wajib_izin(oleh, "organisasi.add_pegawai")
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().get(pk=pegawai_id)
        if pegawai.user_id:
            raise TransisiTidakSah(_("Pegawai ini sudah memiliki akun."))
        if User.objects.filter(username__iexact=username).exists():
            raise TransisiTidakSah(_("Nama pengguna %(u)s sudah dipakai.") % {"u": username})
        user = User(username=username, email=email, nama=pegawai.nama_lengkap)
        user.set_unusable_password()
        user.save()
        pegawai.user = user
        pegawai.save(update_fields=["user", "updated_at"])
        catat_peristiwa(pegawai, oleh=oleh, ip=ip, aksi="buat_akun", catatan=username)
        sinkron_peran_pengguna(user)
        from django.conf import settings

        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        kirim_surel(
            kepada=email,
            subjek=_("Akun Portal LPSE Anda"),
            template="organisasi/email_akun_baru",
            konteks={
                "nama": pegawai.nama_lengkap,
                "username": username,
                "tautan": f"{settings.SITE_URL}/accounts/reset/{uid}/{token}/",
            },
        )
    return user
