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
    return {
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
}
