from lpse_portal.jadwal import Jadwal

JADWAL = [
    Jadwal(
        nama="Terapkan penugasan harian",
        task="organisasi.tasks.terapkan_penugasan_harian",
        cron="5 0 * * *",
        deskripsi="Memberi dan mencabut peran sesuai TMT mulai dan TMT selesai penugasan (WITA).",
    ),
    Jadwal(
        nama="Pengingat batas waktu disposisi",
        task="organisasi.tasks.ingatkan_disposisi",
        cron="0 7 * * *",
        deskripsi="Mengingatkan penerima disposisi yang jatuh tempo besok, hari ini, atau sudah lewat (WITA).",
    ),
    Jadwal(
        nama="Pengingat laporan berkala terlambat",
        task="organisasi.tasks.ingatkan_laporan_berkala",
        cron="30 7 * * *",
        deskripsi=(
            "Mengingatkan pegawai yang laporan berkalanya terlambat (sekali sehari per laporan, hanya pada hari "
            "kerja) dan mengirim daftar laporan terlambat kepada atasannya (WITA)."
        ),
    ),
]
