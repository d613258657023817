from lpse_portal.jadwal import Jadwal

JADWAL = [
    Jadwal(
        nama="Berlakukan SOP pada tanggal berlakunya",
        task="sop.tasks.berlakukan_sop_harian",
        cron="1 0 * * *",
        deskripsi="Versi SOP yang disetujui menjadi berlaku pada tanggal berlakunya; versi sebelumnya diganti.",
    ),
    Jadwal(
        nama="Pengingat SOP (tinjauan dan persetujuan)",
        task="sop.tasks.kirim_pengingat_sop",
        cron="0 7 * * 1-5",
        deskripsi="Mengingatkan tinjauan SOP yang jatuh tempo/terlambat dan pengajuan yang lama menunggu Pembina.",
    ),
]
