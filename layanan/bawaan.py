"""Reference data of the helpdesk, installed once after migrate (lpse_portal.bawaan): ticket
categories, SLA targets and canned replies. Operators edit them in admin; edits stand."""

from lpse_portal.bawaan import pasang_sekali

KATEGORI = [
    ("login", "Login dan akun SPSE", 1),
    ("sikap", "SIKaP", 2),
    ("registrasi", "Registrasi dan verifikasi", 3),
    ("tender", "Tender dan seleksi", 4),
    ("non-tender", "Non-tender dan pengadaan langsung", 5),
    ("e-purchasing", "E-purchasing / e-Katalog", 6),
    ("apendo", "Dokumen penawaran dan enkripsi", 7),
    ("kontrak", "Kontrak dan pembayaran", 8),
    ("lainnya", "Lainnya", 99),
]

# (jenis, tingkat, respons (jumlah, satuan), penyelesaian (jumlah, satuan), dasar)
STANDAR_PENGADUAN = "Standar pelayanan penanganan pengaduan"
TARGET = [
    ("konsultasi", "", (4, "jam"), (2, "hari"), "Standar pelayanan LPSE"),
    ("permasalahan_teknis", "", (4, "jam"), (3, "hari"), "Standar pelayanan LPSE"),
    ("permintaan_layanan", "", (4, "jam"), (1, "hari"), "Standar pelayanan LPSE"),
    ("pengaduan", "", (3, "jam"), (5, "hari"), STANDAR_PENGADUAN + ": pengaduan normatif"),
    ("pengaduan", "ringan", (1, "jam"), (3, "jam"), STANDAR_PENGADUAN + ": pengaduan ringan"),
    ("pengaduan", "normatif", (3, "jam"), (5, "hari"), STANDAR_PENGADUAN + ": pengaduan normatif"),
    ("pengaduan", "tanpa_pengawasan", (3, "jam"), (14, "hari"), STANDAR_PENGADUAN + ": tanpa pengawasan"),
    ("pengaduan", "dengan_pengawasan", (3, "jam"), (60, "hari"), STANDAR_PENGADUAN + ": dengan pengawasan"),
    # Proposals (usulan) have no SLA: they are collected for LKPP (Lampiran IV.2.b).
]

BALASAN_SIAP = [
    (
        "Reset kata sandi SPSE",
        "Permintaan reset kata sandi sudah kami proses. Silakan periksa e-mail Anda yang terdaftar di SPSE "
        "dan ikuti tautan untuk membuat kata sandi baru. Bila e-mail tidak masuk, periksa folder spam.",
    ),
    (
        "Mohon lengkapi data",
        "Terima kasih atas laporan Anda. Untuk menindaklanjuti, mohon kirimkan tangkapan layar pesan galat, "
        "kode tender/paket, dan waktu kejadian.",
    ),
    (
        "Diteruskan ke LKPP",
        "Permasalahan ini memerlukan penanganan LKPP. Kami telah meneruskannya ke Helpdesk LKPP dan akan "
        "mengabarkan perkembangannya kepada Anda.",
    ),
]


def _kategori():
    from layanan.models import KategoriTiket

    for kode, nama, urutan in KATEGORI:
        KategoriTiket.objects.get_or_create(kode=kode, defaults={"nama": nama, "urutan": urutan})


def _target():
    from layanan.models import TargetSLA

    for jenis, tingkat, (rj, rs), (sj, ss), dasar in TARGET:
        TargetSLA.objects.get_or_create(
            jenis=jenis,
            kategori=None,
            tingkat=tingkat,
            defaults={
                "respons_jumlah": rj,
                "respons_satuan": rs,
                "selesai_jumlah": sj,
                "selesai_satuan": ss,
                "dasar": dasar,
            },
        )


def _balasan_siap():
    from layanan.models import BalasanSiap

    for judul, isi in BALASAN_SIAP:
        BalasanSiap.objects.get_or_create(judul=judul, defaults={"isi": isi})


def pasang_data_awal():
    pasang_sekali("layanan.kategori", _kategori)
    pasang_sekali("layanan.target_sla", _target)
    pasang_sekali("layanan.balasan_siap", _balasan_siap)
