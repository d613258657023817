from lpse_portal.jadwal import Jadwal

# Times in WITA. The first day of a period reports on the one just ended; the three entries
# are spread out so they never run at the same moment on 1 January.
JADWAL = [
    Jadwal(
        nama="Laporan periodik bulanan",
        task="laporan.tasks.laporan_bulanan",
        cron="10 1 1 * *",
        deskripsi="Tanggal 1 tiap bulan: laporan bulan lalu (PDF, XLSX, CSV) untuk Kepala LPSE dan Pembina.",
    ),
    Jadwal(
        nama="Laporan periodik triwulanan",
        task="laporan.tasks.laporan_triwulanan",
        cron="40 1 1 1,4,7,10 *",
        deskripsi="Awal triwulan: laporan triwulan sebelumnya.",
    ),
    Jadwal(
        nama="Laporan periodik tahunan",
        task="laporan.tasks.laporan_tahunan",
        cron="10 2 1 1 *",
        deskripsi="1 Januari: laporan tahun sebelumnya.",
    ),
]
