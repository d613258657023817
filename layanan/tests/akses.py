"""Access table of the layanan URLs (see lpse_portal/tests/akses.py)."""

import datetime

from lpse_portal.tests.akses import PUBLIK, Akses, hanya

PETUGAS = ("layanan",)
PEMANTAU = ("layanan", "kepala_lpse", "sekretaris")
REKAP = (*PEMANTAU, "pembina")


def siapkan(cast: dict) -> dict:
    from django.utils import timezone

    from layanan import services, tautan
    from layanan.models import KategoriTiket, Pelatihan, Tiket
    from layanan.tests.conftest import data_tiket, peserta_data
    from lpse_portal.tests import berkas_uji as b

    petugas = cast["layanan"]
    tiket = services.buat_tiket(data=data_tiket(), lampiran=[b.unggahan("bukti.pdf", b.pdf_sah())])
    balasan = services.balas_tiket(tiket_id=tiket.pk, isi="Silakan reset kata sandi.", oleh=petugas)
    selesai = services.buat_tiket(data=data_tiket(judul="Sudah selesai"))
    services.balas_tiket(tiket_id=selesai.pk, isi="Sudah kami bantu.", oleh=petugas)
    services.selesaikan_tiket(tiket_id=selesai.pk, oleh=petugas)
    eskalasi_tiket = services.buat_tiket(data=data_tiket(judul="Perlu LKPP"))
    eskalasi = services.eskalasi_ke_lkpp(
        tiket_id=eskalasi_tiket.pk,
        tujuan="helpdesk_eproc",
        nomor_tiket_lkpp="LKPP-1",
        dikirim_pada=timezone.now(),
        uraian="?",
        oleh=petugas,
    )
    artikel = services.simpan_artikel(
        data={
            "judul": "Lupa kata sandi SPSE",
            "jenis": "tanya_jawab",
            "isi": "Gunakan menu lupa kata sandi.",
            "terbit": True,
        },
        oleh=petugas,
    )
    mulai = timezone.now() + datetime.timedelta(days=3)
    pelatihan = services.simpan_pelatihan(
        data={
            "judul": "SPSE untuk Penyedia",
            "sasaran": Pelatihan.Sasaran.PENYEDIA,
            "mulai": mulai,
            "selesai": mulai + datetime.timedelta(hours=3),
            "moda": "luring",
            "tempat": "LPSE",
            "kapasitas": 10,
            "pelatih": "Rizki",
            "terbit": True,
        },
        oleh=petugas,
    )
    peserta = services.daftar_pelatihan(pelatihan_id=pelatihan.pk, data=peserta_data())
    masukan = services.kirim_masukan(
        data={"kategori": "pelayanan", "pengirim": "publik", "nama": "Ani", "email": "ani@contoh.id", "isi": "Bagus."}
    )
    assert KategoriTiket.objects.exists() and Tiket.objects.count() == 3
    return {
        "lay_tiket": tiket,
        "lay_token": tautan.token_tiket(tiket),
        "lay_balasan": balasan,
        "lay_lampiran": tiket.lampiran.first(),
        "lay_selesai": selesai,
        "lay_token_selesai": tautan.token_tiket(selesai),
        "lay_eskalasi": eskalasi,
        "lay_artikel": artikel,
        "lay_pelatihan": pelatihan,
        "lay_peserta": peserta,
        "lay_token_peserta": tautan.token_peserta(peserta),
        "lay_masukan": masukan,
    }


def _tiket(o):
    return {"pk": o["lay_tiket"].pk}


def _lacak(o):
    return {"nomor": o["lay_tiket"].nomor, "token": o["lay_token"]}


def _peserta(o):
    return {"token": o["lay_token_peserta"]}


def _post(peran, kwargs, data=None):
    return Akses(hanya(*peran, status=302), kwargs=kwargs, method="POST", data=data or {})


AKSES = {
    # Public pages (DESIGN.md) and the token links.
    "layanan:tiket_create": PUBLIK,
    "layanan:tiket_saya": {"anonim": 302, "*": 200},
    "layanan:tiket_lacak": Akses(PUBLIK, kwargs=_lacak),
    "layanan:tiket_kepuasan": Akses(
        PUBLIK, kwargs=lambda o: {"nomor": o["lay_selesai"].nomor, "token": o["lay_token_selesai"]}
    ),
    "layanan:tiket_lampiran_token": Akses(PUBLIK, kwargs=lambda o: {**_lacak(o), "pk": o["lay_lampiran"].pk}),
    "layanan:bantuan": PUBLIK,
    "layanan:artikel_detail": Akses(PUBLIK, kwargs=lambda o: {"slug": o["lay_artikel"].slug}),
    "layanan:pelatihan_list": PUBLIK,
    "layanan:pelatihan_detail": Akses(PUBLIK, kwargs=lambda o: {"pk": o["lay_pelatihan"].pk}),
    "layanan:peserta_detail": Akses(PUBLIK, kwargs=_peserta),
    "layanan:peserta_batal": Akses({"*": 302}, kwargs=_peserta, method="POST"),
    "layanan:peserta_umpan_balik": Akses(PUBLIK, kwargs=_peserta),
    # No certificate yet for the sample participant: the download is a 404 for everyone.
    "layanan:sertifikat_unduh": Akses({"*": 404}, kwargs=_peserta),
    "layanan:sertifikat_verifikasi": Akses(PUBLIK, query="?kode=ABCDE-FGHJK"),
    "layanan:masukan_create": PUBLIK,
    # Staff.
    "layanan:tiket_list": hanya(*PEMANTAU),
    "layanan:tiket_detail": Akses(hanya(*PEMANTAU), kwargs=_tiket),
    "layanan:tiket_catat": hanya(*PETUGAS),
    "layanan:tiket_balas": _post(PETUGAS, _tiket),
    "layanan:tiket_ambil": _post(PETUGAS, _tiket),
    "layanan:tiket_tugaskan": _post(PETUGAS, _tiket),
    "layanan:tiket_selesai": _post(PETUGAS, _tiket),
    "layanan:tiket_buka": _post(PETUGAS, _tiket),
    "layanan:tiket_tutup": _post(PETUGAS, _tiket),
    "layanan:tiket_eskalasi": Akses(hanya(*PETUGAS), kwargs=_tiket),
    "layanan:tiket_gabung": _post(PETUGAS, _tiket),
    "layanan:tiket_tautkan": _post(PETUGAS, _tiket),
    "layanan:tiket_tautkan_artikel": _post(PETUGAS, _tiket),
    "layanan:tiket_jadikan_artikel": _post(
        PETUGAS, lambda o: {"pk": o["lay_tiket"].pk, "balasan_pk": o["lay_balasan"].pk}
    ),
    "layanan:eskalasi_jawab": _post(PETUGAS, lambda o: {"pk": o["lay_eskalasi"].pk}),
    "layanan:lampiran_unduh": Akses(hanya(*PEMANTAU), kwargs=lambda o: {"pk": o["lay_lampiran"].pk}),
    "layanan:kepuasan_rekap": hanya(*REKAP),
    "layanan:artikel_list": hanya(*PETUGAS),
    "layanan:artikel_create": hanya(*PETUGAS),
    "layanan:artikel_update": Akses(hanya(*PETUGAS), kwargs=lambda o: {"pk": o["lay_artikel"].pk}),
    "layanan:pelatihan_kelola": hanya(*PEMANTAU),
    "layanan:pelatihan_create": hanya(*PETUGAS),
    "layanan:pelatihan_update": Akses(hanya(*PETUGAS), kwargs=lambda o: {"pk": o["lay_pelatihan"].pk}),
    "layanan:pelatihan_peserta": Akses(hanya(*PEMANTAU), kwargs=lambda o: {"pk": o["lay_pelatihan"].pk}),
    "layanan:pelatihan_sertifikat": _post(PETUGAS, lambda o: {"pk": o["lay_pelatihan"].pk}),
    "layanan:peserta_hadir": _post(PETUGAS, lambda o: {"pk": o["lay_peserta"].pk}),
    "layanan:peserta_hadir_qr": Akses(hanya(*PETUGAS), kwargs=lambda o: {"kode": o["lay_peserta"].kode_hadir}),
    "layanan:masukan_list": hanya(*REKAP),
    "layanan:masukan_detail": Akses(hanya(*REKAP), kwargs=lambda o: {"pk": o["lay_masukan"].pk}),
}
