"""Demo data of the helpdesk: tickets in every state, help-centre articles, past and coming
trainings with participants and certificates, feedback. Idempotent (keyed by titles)."""

import datetime

from django.db import transaction
from django.utils import timezone

from layanan import services
from layanan.models import Artikel, KategoriTiket, Masukan, Pelatihan, PesertaPelatihan, Tiket
from organisasi.models import User

ARTIKEL = [
    (
        "Lupa kata sandi akun SPSE",
        "panduan",
        "login",
        "Buka halaman masuk SPSE, pilih **Lupa kata sandi**, lalu masukkan User ID dan e-mail yang terdaftar.\n\n"
        "- Tautan pembuatan kata sandi baru dikirim ke e-mail Anda.\n- Periksa folder spam bila tidak masuk.\n\n"
        "Bila e-mail Anda sudah tidak aktif, buat tiket *permintaan layanan* untuk penggantian e-mail.",
    ),
    (
        "Mengisi data kualifikasi di SIKaP",
        "panduan",
        "sikap",
        "Data kualifikasi (izin usaha, akta, pengurus, tenaga ahli, pengalaman) diisi di SIKaP dan dipakai ulang "
        "pada setiap tender. Pastikan masa berlaku izin usaha masih aktif.",
    ),
    (
        "Mengapa dokumen penawaran gagal diunggah?",
        "tanya_jawab",
        "apendo",
        "Penyebab tersering: ukuran berkas melebihi batas, koneksi terputus, atau batas waktu pemasukan penawaran "
        "sudah lewat. Unggah ulang sebelum batas waktu dan simpan bukti unggah.",
    ),
    (
        "Verifikasi penyedia baru di LPSE",
        "tanya_jawab",
        "registrasi",
        "Setelah mendaftar daring, bawa dokumen asli ke LPSE untuk diverifikasi. User ID aktif setelah verifikasi.",
    ),
]

# (judul, jenis, tingkat, kategori, langkah) — langkah: the services each ticket goes through.
TIKET = [
    ("[Demo] Tidak menerima e-mail aktivasi", "permintaan_layanan", "", "login", []),
    ("[Demo] Jadwal tender tidak muncul", "permasalahan_teknis", "", "tender", ["ambil"]),
    ("[Demo] Cara menambah tenaga ahli di SIKaP", "konsultasi", "", "sikap", ["tunggu"]),
    ("[Demo] Galat saat unggah penawaran", "permasalahan_teknis", "", "apendo", ["ambil", "eskalasi"]),
    ("[Demo] Petugas loket lambat melayani", "pengaduan", "ringan", "lainnya", ["balas", "selesai"]),
    ("[Demo] Perubahan e-mail akun penyedia", "permintaan_layanan", "", "login", ["balas", "selesai", "tutup"]),
    ("[Demo] Usul fitur notifikasi WhatsApp", "usulan", "", "lainnya", []),
]


def _petugas() -> User:
    return User.objects.get(username="layanan")


def _artikel(petugas):
    for judul, jenis, kategori, isi in ARTIKEL:
        if not Artikel.objects.filter(judul=judul).exists():
            services.simpan_artikel(
                data={
                    "judul": judul,
                    "jenis": jenis,
                    "kategori": KategoriTiket.objects.get(kode=kategori),
                    "isi": isi,
                    "terbit": True,
                },
                oleh=petugas,
            )


def _tiket(petugas, penyedia):
    for judul, jenis, tingkat, kategori, langkah in TIKET:
        if Tiket.objects.filter(judul=judul).exists():
            continue
        tiket = services.buat_tiket(
            data={
                "jenis": jenis,
                "tingkat": tingkat,
                "kategori": KategoriTiket.objects.get(kode=kategori),
                "judul": judul,
                "uraian": f"{judul}. Mohon bantuan LPSE.",
                "aplikasi": "spse",
                "nama_pelapor": penyedia.nama,
                "email_pelapor": penyedia.email,
                "instansi_pelapor": "CV Demo Karya Mandiri",
                "peran_pelapor": "penyedia",
            },
            oleh=penyedia,
        )
        for aksi in langkah:
            if aksi == "ambil":
                services.ambil_tiket(tiket_id=tiket.pk, oleh=petugas)
            elif aksi == "tunggu":
                services.balas_tiket(
                    tiket_id=tiket.pk, isi="Mohon kirim tangkapan layar SIKaP Anda.", tunggu_pengguna=True, oleh=petugas
                )
            elif aksi == "balas":
                services.balas_tiket(tiket_id=tiket.pk, isi="Sudah kami tindak lanjuti.", oleh=petugas)
            elif aksi == "eskalasi":
                services.eskalasi_ke_lkpp(
                    tiket_id=tiket.pk,
                    tujuan="helpdesk_eproc",
                    nomor_tiket_lkpp="EPROC-DEMO-0001",
                    dikirim_pada=timezone.now(),
                    uraian="Galat unggah penawaran pada SPSE 4.5.",
                    oleh=petugas,
                )
            elif aksi == "selesai":
                services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas, catatan="Masalah teratasi.")
            elif aksi == "tutup":
                services.tutup_tiket(tiket_id=tiket.pk, oleh=petugas)


def _pelatihan(petugas):
    sekarang = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    jadwal = [
        ("Pelatihan SPSE untuk Penyedia Pemula", "penyedia", sekarang + datetime.timedelta(days=10), 30),
        ("Penyusunan Dokumen Pemilihan bagi Pokja", "pokja", sekarang + datetime.timedelta(days=24), 20),
        ("E-purchasing dan Katalog Elektronik untuk PPK", "ppk", sekarang - datetime.timedelta(days=14), 25),
    ]
    for judul, sasaran, mulai, kapasitas in jadwal:
        if Pelatihan.objects.filter(judul=judul).exists():
            continue
        mulai = mulai.replace(hour=9)
        pelatihan = services.simpan_pelatihan(
            data={
                "judul": judul,
                "deskripsi": "Materi, praktik langsung di SPSE latihan, dan tanya jawab.",
                "sasaran": sasaran,
                "mulai": mulai,
                "selesai": mulai + datetime.timedelta(hours=6),
                "moda": "luring",
                "tempat": "Ruang Pelatihan LPSE, Kantor Diskominfotik NTB, Mataram",
                "tautan": "",
                "kapasitas": kapasitas,
                "pelatih": "Rizki Demo Pratama, S.Kom.",
                "terbit": True,
            },
            oleh=petugas,
        )
        if mulai > timezone.now():
            for n in range(1, 4):
                services.daftar_pelatihan(
                    pelatihan_id=pelatihan.pk,
                    data={"nama": f"Peserta Demo {n}", "email": f"peserta{n}@demo.lpse", "instansi": "CV Demo"},
                )
        else:
            # A past session: its participants were checked in on the day (demo data).
            for n in range(1, 6):
                PesertaPelatihan.objects.create(
                    pelatihan=pelatihan,
                    nama=f"PPK Demo {n}",
                    email=f"ppk{n}@demo.lpse",
                    instansi="Dinas PUPR Provinsi NTB",
                    status=PesertaPelatihan.Status.TERDAFTAR,
                    hadir_pada=mulai + datetime.timedelta(minutes=5 * n) if n <= 4 else None,
                )
            services.terbitkan_sertifikat(pelatihan_id=pelatihan.pk, oleh=petugas)


def _masukan(petugas):
    if Masukan.objects.filter(email="masukan@demo.lpse").exists():
        return
    m = services.kirim_masukan(
        data={
            "kategori": "pelatihan",
            "pengirim": "publik",
            "nama": "Warga Demo",
            "email": "masukan@demo.lpse",
            "isi": "Mohon jadwal pelatihan penyedia diadakan juga di Pulau Sumbawa.",
        }
    )
    services.jawab_masukan(masukan_id=m.pk, jawaban="Terima kasih, kami jadwalkan pada triwulan berikut.", oleh=petugas)
    services.kirim_masukan(
        data={
            "kategori": "spse",
            "pengirim": "pejabat",
            "nama": "PPK Demo",
            "email": "ppk@demo.lpse",
            "isi": "Notifikasi perubahan jadwal tender sebaiknya dikirim juga ke PPK.",
        }
    )


@transaction.atomic
def seed(stdout=None):
    petugas = _petugas()
    penyedia = User.objects.get(username="penyedia")
    _artikel(petugas)
    _tiket(petugas, penyedia)
    _pelatihan(petugas)
    _masukan(petugas)
    if stdout:
        stdout.write("Layanan demo siap: tiket di setiap status, artikel, pelatihan, masukan.")
    return []
