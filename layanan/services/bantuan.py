"""Knowledge-base articles (Lampiran II.6.b.2) and feedback on the LPSE's service (IV.1.d)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from layanan.models import Artikel, Masukan
from layanan.services._umum import pengguna, wajib_izin
from layanan.services.tiket import _slug_unik
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import catat_peristiwa
from lpse_portal.surel import kirim_surel

_KOLOM_ARTIKEL = ("judul", "jenis", "kategori", "isi", "terbit")


def simpan_artikel(*, data: dict, oleh, artikel_id: int | None = None, ip: str | None = None) -> Artikel:
    """Write or edit an article of the public help centre."""
    wajib_izin(oleh, "layanan.kelola_artikel")
    if not (data.get("judul") or "").strip() or not (data.get("isi") or "").strip():
        raise TransisiTidakSah(_("Judul dan isi artikel wajib diisi."))
    with transaction.atomic():
        if artikel_id:
            artikel = Artikel.objects.select_for_update().get(pk=artikel_id)
            aksi = "ubah"
        else:
            artikel = Artikel(penulis=oleh, slug=_slug_unik(data["judul"]))
            aksi = "buat"
        dari = "terbit" if artikel.terbit else "draf"
        for kolom in _KOLOM_ARTIKEL:
            if kolom in data:
                setattr(artikel, kolom, data[kolom])
        artikel.save()
        catat_peristiwa(artikel, oleh=oleh, ip=ip, aksi=aksi, dari=dari, ke="terbit" if artikel.terbit else "draf")
    return artikel


def kirim_masukan(*, data: dict, oleh=None, ip: str | None = None) -> Masukan:
    """Feedback to improve the service, from the public or officials (Pergub Lampiran IV.1.d)."""
    if not (data.get("isi") or "").strip():
        raise TransisiTidakSah(_("Isi masukan wajib diisi."))
    with transaction.atomic():
        masukan = Masukan.objects.create(
            kategori=data["kategori"],
            pengirim=data["pengirim"],
            nama=data["nama"].strip(),
            email=data["email"],
            instansi=(data.get("instansi") or "").strip(),
            isi=data["isi"].strip(),
            user=pengguna(oleh),
        )
        catat_peristiwa(masukan, oleh=pengguna(oleh), ip=ip, aksi="kirim", ke=Masukan.Status.BARU)
    return masukan


def jawab_masukan(*, masukan_id: int, jawaban: str, oleh, ip: str | None = None) -> Masukan:
    """Answer a piece of feedback; the sender gets the answer by e-mail."""
    wajib_izin(oleh, "layanan.jawab_masukan")
    if not jawaban.strip():
        raise TransisiTidakSah(_("Jawaban wajib diisi."))
    with transaction.atomic():
        masukan = Masukan.objects.select_for_update().get(pk=masukan_id)
        if masukan.status == Masukan.Status.DIJAWAB:
            raise TransisiTidakSah(_("Masukan ini sudah dijawab."))
        masukan.jawaban = jawaban.strip()
        masukan.status = Masukan.Status.DIJAWAB
        masukan.dijawab_oleh = oleh
        masukan.dijawab_pada = timezone.now()
        masukan.save()
        catat_peristiwa(masukan, oleh=oleh, ip=ip, aksi="jawab", dari=Masukan.Status.BARU, ke=Masukan.Status.DIJAWAB)
        kirim_surel(
            kepada=masukan.email,
            subjek=_("Jawaban atas masukan Anda"),
            template="layanan/email/masukan_jawaban",
            konteks={"masukan": masukan},
        )
    return masukan
