from lpse_portal.jadwal import Jadwal

JADWAL = [
    Jadwal(
        nama="Periksa pelanggaran SLA tiket",
        task="layanan.tasks.periksa_pelanggaran_sla",
        cron="*/15 * * * *",
        deskripsi="Menandai tiket yang melewati tenggat respons/penyelesaian dan mengabari Koordinator Layanan.",
    ),
    Jadwal(
        nama="Kirim survei kepuasan tiket",
        task="layanan.tasks.kirim_survei_kepuasan",
        cron="*/30 * * * *",
        deskripsi="Mengirim tautan penilaian kepuasan untuk tiket yang selesai (sekali per tiket).",
    ),
    Jadwal(
        nama="Tutup tiket selesai",
        task="layanan.tasks.tutup_tiket_selesai_otomatis",
        cron="15 1 * * *",
        deskripsi="Menutup tiket yang sudah selesai lebih dari lima hari kerja.",
    ),
]
