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
]
