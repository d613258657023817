from lpse_portal.jadwal import Jadwal

JADWAL = [
    Jadwal(
        nama="Periksa masa berlaku dokumen penyedia",
        task="registrasi.tasks.periksa_masa_berlaku",
        cron="0 6 * * *",
        deskripsi="Pengingat 60, 30 dan 15 hari sebelum dokumen habis masa berlakunya; menandai penyedia "
        "yang dokumennya kedaluwarsa (WITA).",
    ),
]
