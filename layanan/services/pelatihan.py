"""Trainings on SPSE (Pergub NTB 6/2017 Lampiran II.6.b.4): scheduling, registration with a
waiting list, attendance, certificates with a verification code, feedback."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from layanan import sertifikat, tautan
from layanan.models import Pelatihan, PesertaPelatihan, UmpanBalikPelatihan
from layanan.services._umum import pengguna, wajib_izin
from lpse_portal.berkas import transaksi_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel
from organisasi.models import Pegawai, RiwayatPendidikan

P = PesertaPelatihan.Status
IZIN = "layanan.kelola_pelatihan"
# Check-in opens an hour before the start and closes at the end of the session's last day.
BUKA_HADIR = datetime.timedelta(hours=1)
_KOLOM = (
    "judul",
    "deskripsi",
    "sasaran",
    "mulai",
    "selesai",
    "moda",
    "tempat",
    "tautan",
    "kapasitas",
    "pelatih",
    "terbit",
)


def simpan_pelatihan(*, data: dict, oleh, pelatihan_id: int | None = None, ip: str | None = None) -> Pelatihan:
    """Schedule or change a session. A larger capacity takes people off the waiting list."""
    wajib_izin(oleh, IZIN)
    if data["selesai"] <= data["mulai"]:
        raise TransisiTidakSah(_("Waktu selesai harus sesudah waktu mulai."))
    if data.get("moda") in (Pelatihan.Moda.DARING, Pelatihan.Moda.HIBRIDA) and not data.get("tautan"):
        raise TransisiTidakSah(_("Pelatihan daring atau hibrida memerlukan tautan."))
    if data.get("moda") in (Pelatihan.Moda.LURING, Pelatihan.Moda.HIBRIDA) and not data.get("tempat"):
        raise TransisiTidakSah(_("Pelatihan luring atau hibrida memerlukan tempat."))
    with transaksi_berkas():
        if pelatihan_id:
            pelatihan = Pelatihan.objects.select_for_update().get(pk=pelatihan_id)
            terdaftar = pelatihan.peserta.filter(status=P.TERDAFTAR).count()
            if data["kapasitas"] < terdaftar:
                raise TransisiTidakSah(
                    _("Kapasitas tidak dapat di bawah jumlah peserta terdaftar (%(n)d).") % {"n": terdaftar}
                )
            aksi = "ubah"
        else:
            pelatihan = Pelatihan(dibuat_oleh=oleh)
            aksi = "jadwalkan"
        for kolom in _KOLOM:
            if kolom in data:
                setattr(pelatihan, kolom, data[kolom])
        pelatihan.save()
        catat_peristiwa(pelatihan, oleh=oleh, ip=ip, aksi=aksi, data={"kapasitas": pelatihan.kapasitas})
        if pelatihan_id:
            _naikkan_dari_daftar_tunggu(pelatihan, oleh=oleh, ip=ip)
    return pelatihan


def _email_konfirmasi(peserta: PesertaPelatihan) -> None:
    pelatihan = peserta.pelatihan
    konteks = {"peserta": peserta, "pelatihan": pelatihan, "tautan": tautan.url_peserta(peserta)}
    if peserta.status == P.TERDAFTAR:
        # The QR that staff scan at the door, attached as a picture (no outside service).
        nama = default_storage.save(
            f"layanan/qr/{peserta.kode_hadir[:12]}.png", ContentFile(sertifikat.qr_png(_url_hadir(peserta)))
        )
        kirim_surel(
            kepada=peserta.email,
            subjek=_("Pendaftaran pelatihan dikonfirmasi: %(judul)s") % {"judul": pelatihan.judul},
            template="layanan/email/pelatihan_terdaftar",
            konteks=konteks,
            kunci=f"layanan:peserta:{peserta.pk}:terdaftar",
            lampiran=[{"nama": "kode-hadir.png", "path": nama, "mime": "image/png"}],
        )
    else:
        kirim_surel(
            kepada=peserta.email,
            subjek=_("Anda di daftar tunggu pelatihan: %(judul)s") % {"judul": pelatihan.judul},
            template="layanan/email/pelatihan_tunggu",
            konteks=konteks,
            kunci=f"layanan:peserta:{peserta.pk}:tunggu",
        )


def _url_hadir(peserta: PesertaPelatihan) -> str:
    return settings.SITE_URL + reverse("layanan:peserta_hadir_qr", kwargs={"kode": peserta.kode_hadir})


def daftar_pelatihan(*, pelatihan_id: int, data: dict, oleh=None, ip: str | None = None) -> PesertaPelatihan:
    """Register for a session. The session row is locked while seats are counted, so concurrent
    registrations never overbook: whoever finds it full lands on the waiting list."""
    email = data["email"].strip().lower()
    with transaksi_berkas():
        pelatihan = Pelatihan.objects.select_for_update().get(pk=pelatihan_id)
        if pelatihan.dibatalkan or not pelatihan.terbit:
            raise TransisiTidakSah(_("Pelatihan ini tidak membuka pendaftaran."))
        if pelatihan.mulai <= timezone.now():
            raise TransisiTidakSah(_("Pendaftaran ditutup: pelatihan sudah dimulai."))
        if pelatihan.peserta.aktif().filter(email__iexact=email).exists():
            raise TransisiTidakSah(
                _("Alamat e-mail %(email)s sudah terdaftar pada pelatihan ini. Tautan pendaftaran ada di e-mail Anda.")
                % {"email": email}
            )
        terdaftar = pelatihan.peserta.filter(status=P.TERDAFTAR).count()
        user = pengguna(oleh)
        pegawai = Pegawai.objects.filter(user=user).first() if user else None
        try:
            with transaction.atomic():
                peserta = PesertaPelatihan.objects.create(
                    pelatihan=pelatihan,
                    nama=data["nama"].strip(),
                    email=email,
                    telepon=(data.get("telepon") or "").strip(),
                    instansi=(data.get("instansi") or "").strip(),
                    user=user,
                    pegawai=pegawai,
                    status=P.TERDAFTAR if terdaftar < pelatihan.kapasitas else P.DAFTAR_TUNGGU,
                )
        except IntegrityError:
            raise TransisiTidakSah(_("Alamat e-mail ini sudah terdaftar pada pelatihan ini.")) from None
        catat_peristiwa(peserta, oleh=user, ip=ip, aksi="daftar", ke=peserta.status)
        _email_konfirmasi(peserta)
    return peserta


def _naikkan_dari_daftar_tunggu(pelatihan: Pelatihan, *, oleh, ip=None) -> int:
    """Fill free seats from the waiting list, first come first served. Caller holds the lock."""
    kosong = pelatihan.kapasitas - pelatihan.peserta.filter(status=P.TERDAFTAR).count()
    n = 0
    for peserta in pelatihan.peserta.filter(status=P.DAFTAR_TUNGGU).order_by("created_at", "pk")[: max(kosong, 0)]:
        peserta.status = P.TERDAFTAR
        peserta.save(update_fields=["status"])
        catat_peristiwa(peserta, oleh=oleh, ip=ip, aksi="naik_dari_daftar_tunggu", dari=P.DAFTAR_TUNGGU, ke=P.TERDAFTAR)
        _email_konfirmasi(peserta)
        n += 1
    return n


def batalkan_pendaftaran(*, peserta_id: int, oleh=None, ip: str | None = None) -> PesertaPelatihan:
    """Cancel a registration (through the participant's link); the seat goes to the waiting list."""
    with transaksi_berkas():
        pelatihan_id = PesertaPelatihan.objects.values_list("pelatihan_id", flat=True).get(pk=peserta_id)
        pelatihan = Pelatihan.objects.select_for_update().get(pk=pelatihan_id)
        peserta = PesertaPelatihan.objects.select_for_update().get(pk=peserta_id)
        if peserta.status == P.BATAL:
            raise TransisiTidakSah(_("Pendaftaran ini sudah dibatalkan."))
        if pelatihan.mulai <= timezone.now():
            raise TransisiTidakSah(_("Pelatihan sudah dimulai; pendaftaran tidak dapat dibatalkan lagi."))
        dari = peserta.status
        peserta.status = P.BATAL
        peserta.save(update_fields=["status"])
        catat_peristiwa(peserta, oleh=pengguna(oleh), ip=ip, aksi="batal", dari=dari, ke=P.BATAL)
        if dari == P.TERDAFTAR:
            _naikkan_dari_daftar_tunggu(pelatihan, oleh=pengguna(oleh), ip=ip)
    return peserta


def catat_kehadiran(*, peserta_id: int, oleh, ip: str | None = None) -> PesertaPelatihan:
    """Check a participant in, from the list or by scanning the QR of their confirmation."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        peserta = PesertaPelatihan.objects.select_for_update().select_related("pelatihan").get(pk=peserta_id)
        pelatihan = peserta.pelatihan
        if peserta.status != P.TERDAFTAR:
            raise TransisiTidakSah(
                _("%(nama)s berstatus %(status)s, bukan peserta terdaftar.")
                % {"nama": peserta.nama, "status": peserta.get_status_display().lower()}
            )
        sekarang = timezone.now()
        if sekarang < pelatihan.mulai - BUKA_HADIR:
            raise TransisiTidakSah(_("Daftar hadir dibuka satu jam sebelum pelatihan dimulai."))
        if timezone.localdate(sekarang) > timezone.localdate(pelatihan.selesai):
            raise TransisiTidakSah(_("Pelatihan sudah berakhir; daftar hadir ditutup."))
        if peserta.hadir_pada:
            raise TransisiTidakSah(
                _("%(nama)s sudah tercatat hadir pukul %(jam)s.")
                % {"nama": peserta.nama, "jam": timezone.localtime(peserta.hadir_pada).strftime("%H.%M")}
            )
        peserta.hadir_pada = sekarang
        peserta.save(update_fields=["hadir_pada"])
        catat_peristiwa(peserta, oleh=oleh, ip=ip, aksi="hadir")
    return peserta


def _catat_riwayat_pegawai(peserta: PesertaPelatihan) -> None:
    """An LPSE staff member's attended training goes into their record (Lampiran V.7)."""
    if not peserta.pegawai_id or peserta.riwayat_id:
        return
    pelatihan = peserta.pelatihan
    riwayat = RiwayatPendidikan.objects.create(
        pegawai_id=peserta.pegawai_id,
        jenis=RiwayatPendidikan.Jenis.INFORMAL,
        nama=pelatihan.judul[:200],
        penyelenggara=settings.SITE_NAME[:200],
        tanggal_mulai=timezone.localdate(pelatihan.mulai),
        tanggal_selesai=timezone.localdate(pelatihan.selesai),
        keterangan=_("Sertifikat %(kode)s (pelatihan LPSE #%(pk)d).")
        % {"kode": peserta.kode_sertifikat, "pk": pelatihan.pk},
    )
    peserta.riwayat = riwayat
    peserta.save(update_fields=["riwayat"])
    catat_peristiwa(peserta.pegawai, oleh=None, aksi="tambah_riwayat_pendidikan", catatan=riwayat.nama)


def terbitkan_sertifikat(*, pelatihan_id: int, oleh, ip: str | None = None) -> int:
    """Issue certificates to every attendee without one, after the session has ended. Safe to
    run twice: a second run issues only to attendees checked in since."""
    wajib_izin(oleh, IZIN)
    with transaction.atomic():
        pelatihan = Pelatihan.objects.select_for_update().get(pk=pelatihan_id)
        if not pelatihan.sudah_selesai:
            raise TransisiTidakSah(_("Sertifikat diterbitkan setelah pelatihan selesai."))
        hadir = list(
            pelatihan.peserta.select_for_update().filter(
                status=P.TERDAFTAR, hadir_pada__isnull=False, kode_sertifikat__isnull=True
            )
        )
        if not hadir and not pelatihan.peserta.filter(kode_sertifikat__isnull=False).exists():
            raise TransisiTidakSah(_("Belum ada peserta yang tercatat hadir."))
        for peserta in hadir:
            peserta.kode_sertifikat = sertifikat.kode_verifikasi()
            peserta.save(update_fields=["kode_sertifikat"])
            catat_peristiwa(
                peserta, oleh=oleh, ip=ip, aksi="terbitkan_sertifikat", data={"kode": peserta.kode_sertifikat}
            )
            _catat_riwayat_pegawai(peserta)
            kirim_surel(
                kepada=peserta.email,
                subjek=_("Sertifikat pelatihan %(judul)s") % {"judul": pelatihan.judul},
                template="layanan/email/pelatihan_sertifikat",
                konteks={"peserta": peserta, "pelatihan": pelatihan, "tautan": tautan.url_peserta(peserta)},
                kunci=f"layanan:sertifikat:{peserta.pk}",
            )
        pelatihan.sertifikat_terbit_pada = pelatihan.sertifikat_terbit_pada or timezone.now()
        pelatihan.save(update_fields=["sertifikat_terbit_pada"])
        catat_peristiwa(pelatihan, oleh=oleh, ip=ip, aksi="terbitkan_sertifikat", data={"jumlah": len(hadir)})
    return len(hadir)


def kirim_umpan_balik(
    *, peserta_id: int, nilai_materi: int, nilai_pelatih: int, saran: str = "", ip: str | None = None
) -> UmpanBalikPelatihan:
    """Feedback after the session, once per attendee."""
    with transaction.atomic():
        peserta = PesertaPelatihan.objects.select_for_update().select_related("pelatihan").get(pk=peserta_id)
        if not peserta.hadir_pada:
            raise TransisiTidakSah(_("Umpan balik diberikan oleh peserta yang hadir."))
        if UmpanBalikPelatihan.objects.filter(peserta=peserta).exists():
            raise TransisiTidakSah(_("Umpan balik Anda untuk pelatihan ini sudah diterima. Terima kasih."))
        for nilai in (nilai_materi, nilai_pelatih):
            if not 1 <= int(nilai) <= 5:
                raise TransisiTidakSah(_("Nilai harus 1 sampai 5."))
        umpan = UmpanBalikPelatihan.objects.create(
            peserta=peserta, nilai_materi=nilai_materi, nilai_pelatih=nilai_pelatih, saran=saran.strip()
        )
        catat_peristiwa(peserta, oleh=None, ip=ip, aksi="umpan_balik")
    return umpan
