from lpse_portal.jadwal import Jadwal

JADWAL = [
    Jadwal(
        nama="Terapkan sanksi daftar hitam",
        task="registrasi.tasks.terapkan_sanksi",
        cron="1 0 * * *",
        deskripsi="Menonaktifkan User ID penyedia yang sanksinya mulai berlaku dan mengaktifkan kembali yang "
        "sanksinya berakhir, ditunda atau dibatalkan (WITA).",
    ),
    Jadwal(
        nama="Periksa masa berlaku dokumen penyedia",
        task="registrasi.tasks.periksa_masa_berlaku",
        cron="0 6 * * *",
        deskripsi="Pengingat 60, 30 dan 15 hari sebelum dokumen habis masa berlakunya; menandai penyedia "
        "yang dokumennya kedaluwarsa (WITA).",
    ),
]
