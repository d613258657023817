"""Access table of the registrasi URLs (see lpse_portal/tests/akses.py)."""

from lpse_portal.tests.akses import PUBLIK, Akses, hanya

VERIF = ("verifikator", "koordinator")  # the koordinator in the cast leads the Unit Registrasi
LIHAT = (*VERIF, "kepala_lpse", "sekretaris")


def siapkan(cast: dict) -> dict:
    from conftest import KATA_SANDI
    from registrasi import services
    from registrasi.models import Dokumen, Penyedia
    from registrasi.tests import pabrik

    verifikator = cast["verifikator"]
    penyedia_a = Penyedia.objects.get(user=cast["penyedia"])
    perubahan = services.ajukan_perubahan(
        penyedia_id=penyedia_a.pk,
        data={"nama_baru": "CV Nama Baru"},
        dokumen=[],
        oleh=cast["penyedia"],
    )
    permohonan = services.ajukan_permohonan_pejabat(
        data=pabrik.data_permohonan_pejabat("pokja.akses", sub_peran="pokja_pemilihan"),
        berkas_sk=pabrik.berkas_pdf("sk.pdf"),
    )
    objek = {
        "reg_token": services.buat_token_konfirmasi("akses.baru@usaha.contoh.id"),
        "reg_pendaftaran_a": penyedia_a.pendaftaran,
        "reg_penyedia_a": penyedia_a,
        "reg_dokumen_a": Dokumen.objects.filter(penyedia=penyedia_a).first(),
        "reg_diajukan": pabrik.buat_penyedia(
            "diajukan.akses", kata_sandi=KATA_SANDI, verifikator=verifikator, status="diajukan"
        ),
        "reg_perubahan_a": perubahan,
        "reg_permohonan": permohonan,
    }
    objek.update(_sanksi(cast))
    return objek


def _sanksi(cast: dict) -> dict:
    """A sanction (then suspended by a court, so nobody in the cast is deactivated) and an open
    request, both filed by the cast's PPK against companies that are not registered here."""
    import datetime

    from django.utils import timezone

    from registrasi.models import JenisPelanggaran
    from registrasi.services import sanksi as layanan
    from registrasi.tests import pabrik

    def data(n):
        return {
            "nama_penyedia": f"CV Hitam {n}",
            "npwp": pabrik.npwp_uji(88000 + n),
            "nib": "",
            "jenis_pelanggaran": JenisPelanggaran.objects.get(kode="dokumen-palsu"),
            "nomor_sk": f"027/AKSES-{n}/2026",
            "tanggal_sk": timezone.localdate(),
            "pa_kpa": "Kepala Dinas",
            "kode_paket": "100",
        }

    ppk, verifikator = cast["pejabat_pengadaan"], cast["verifikator"]
    p = layanan.ajukan_penonaktifan(data=data(1), berkas_sk=pabrik.berkas_pdf(), oleh=ppk)
    sanksi = layanan.setujui_penonaktifan(permintaan_id=p.pk, oleh=verifikator)
    layanan.ubah_status_sanksi(
        sanksi_id=sanksi.pk,
        ke="penundaan",
        nomor_sk_baru="027/AKSES-TUNDA/2026",
        putusan={
            "nomor": "1/G/2026/PTUN.MTR",
            "tanggal": timezone.localdate() - datetime.timedelta(days=1),
            "pengadilan": "PTUN Mataram",
            "ringkasan": "Menunda.",
            "berkas": pabrik.berkas_pdf("putusan.pdf"),
        },
        oleh=verifikator,
    )
    return {
        "reg_sanksi": sanksi,
        "reg_putusan": sanksi.putusan.get(),
        "reg_dokumen_sanksi": sanksi.dokumen.get(),
        "reg_permintaan": layanan.ajukan_penonaktifan(data=data(2), berkas_sk=pabrik.berkas_pdf(), oleh=ppk),
    }


def _pk(nama):
    return lambda o: {"pk": o[nama].pk}


def _post(harapan, nama):
    return Akses(harapan, kwargs=_pk(nama), method="POST")


HANYA_VERIF = hanya(*VERIF)
POST_VERIF = hanya(*VERIF, status=302)

AKSES = {
    "registrasi:daftar": PUBLIK,
    "registrasi:konfirmasi": Akses(PUBLIK, kwargs=lambda o: {"token": o["reg_token"]}),
    "registrasi:persyaratan": PUBLIK,
    "registrasi:lanjutkan": PUBLIK,
    "registrasi:pejabat_daftar": PUBLIK,
    # the applicant's own registration only; others 404, strangers to "lanjutkan pendaftaran"
    "registrasi:pendaftaran_status": Akses({"anonim": 302, "penyedia": 200, "*": 404}, kwargs=_pk("reg_pendaftaran_a")),
    "registrasi:pendaftaran_dokumen": Akses({"anonim": 302, "*": 404}, kwargs=_pk("reg_diajukan")),
    "registrasi:pendaftaran_tinjau": Akses({"anonim": 302, "penyedia": 302, "*": 404}, kwargs=_pk("reg_pendaftaran_a")),
    "registrasi:dokumen_berkas": Akses(
        {"anonim": 302, **dict.fromkeys((*LIHAT, "penyedia"), 200), "*": 404}, kwargs=_pk("reg_dokumen_a")
    ),
    # the verifikator
    "registrasi:antrean": HANYA_VERIF,
    "registrasi:pendaftaran_detail": Akses(HANYA_VERIF, kwargs=_pk("reg_diajukan")),
    "registrasi:pendaftaran_ambil": _post(POST_VERIF, "reg_diajukan"),
    "registrasi:pendaftaran_lepas": _post(POST_VERIF, "reg_diajukan"),
    "registrasi:pendaftaran_jadwal": _post(POST_VERIF, "reg_diajukan"),
    "registrasi:pendaftaran_kembalikan": _post(POST_VERIF, "reg_diajukan"),
    "registrasi:pendaftaran_setujui": _post(POST_VERIF, "reg_diajukan"),
    "registrasi:pendaftaran_tolak": _post(POST_VERIF, "reg_diajukan"),
    "registrasi:dokumen_periksa": _post(POST_VERIF, "reg_dokumen_a"),
    # vendors
    "registrasi:penyedia_list": hanya(*LIHAT),
    "registrasi:penyedia_ekspor": hanya(*LIHAT),
    "registrasi:penyedia_detail": Akses(hanya(*LIHAT), kwargs=_pk("reg_penyedia_a")),
    "registrasi:penyedia_identitas": Akses(HANYA_VERIF, kwargs=_pk("reg_penyedia_a")),
    "registrasi:penyedia_arsip": Akses(HANYA_VERIF, kwargs=_pk("reg_penyedia_a")),
    "registrasi:profil": hanya("penyedia"),
    "registrasi:profil_kontak": hanya("penyedia"),
    "registrasi:perubahan_create": hanya("penyedia"),
    "registrasi:perubahan_antrean": HANYA_VERIF,
    "registrasi:perubahan_detail": Akses(
        {"anonim": 302, **dict.fromkeys((*LIHAT, "penyedia"), 200), "*": 404}, kwargs=_pk("reg_perubahan_a")
    ),
    "registrasi:perubahan_setujui": _post(POST_VERIF, "reg_perubahan_a"),
    "registrasi:perubahan_tolak": _post(POST_VERIF, "reg_perubahan_a"),
    # officials' requests
    "registrasi:pejabat_antrean": HANYA_VERIF,
    "registrasi:pejabat_detail": Akses(HANYA_VERIF, kwargs=_pk("reg_permohonan")),
    "registrasi:pejabat_berkas": Akses(HANYA_VERIF, kwargs=_pk("reg_permohonan")),
    "registrasi:pejabat_proses": _post(POST_VERIF, "reg_permohonan"),
    "registrasi:pejabat_setujui": _post(POST_VERIF, "reg_permohonan"),
    "registrasi:pejabat_tolak": _post(POST_VERIF, "reg_permohonan"),
    # blacklist: public list; sanctions for the Unit; requests for their officials and the Unit
    "registrasi:daftar_hitam": PUBLIK,
    "registrasi:daftar_hitam_csv": PUBLIK,
    "registrasi:sanksi_list": hanya(*LIHAT),
    "registrasi:sanksi_detail": Akses(hanya(*LIHAT), kwargs=_pk("reg_sanksi")),
    "registrasi:sanksi_status": _post(POST_VERIF, "reg_sanksi"),
    "registrasi:sanksi_akhir": _post(POST_VERIF, "reg_sanksi"),
    "registrasi:sanksi_dokumen": Akses(
        {"anonim": 302, **dict.fromkeys((*LIHAT, "pejabat_pengadaan"), 200), "*": 404},
        kwargs=_pk("reg_dokumen_sanksi"),
    ),
    "registrasi:putusan_berkas": Akses(hanya(*LIHAT), kwargs=_pk("reg_putusan")),
    "registrasi:penonaktifan_list": hanya(*VERIF, "pejabat_pengadaan"),
    "registrasi:penonaktifan_create": hanya("pejabat_pengadaan"),
    "registrasi:penonaktifan_detail": Akses(
        {"anonim": 302, **dict.fromkeys((*VERIF, "pejabat_pengadaan"), 200), "*": 404},
        kwargs=_pk("reg_permintaan"),
    ),
    "registrasi:penonaktifan_proses": _post(POST_VERIF, "reg_permintaan"),
    "registrasi:penonaktifan_setujui": _post(POST_VERIF, "reg_permintaan"),
    "registrasi:penonaktifan_tolak": _post(POST_VERIF, "reg_permintaan"),
}
