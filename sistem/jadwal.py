from lpse_portal.jadwal import Jadwal

JADWAL = [
    Jadwal(
        nama="Cadangan harian",
        task="sistem.tasks.cadangan_harian",
        cron="30 1 * * *",
        deskripsi=(
            "Mencadangkan basis data dan dokumen (01.30 WITA), lalu menerapkan retensi. Jam dapat diubah di sini."
        ),
    ),
    Jadwal(
        nama="Verifikasi cadangan mingguan",
        task="sistem.tasks.verifikasi_cadangan",
        cron="30 3 * * 0",
        deskripsi=(
            "Memulihkan cadangan terbaru ke basis data sementara dan mencocokkannya dengan manifest "
            "(Minggu 03.30 WITA)."
        ),
    ),
]
