"""The LPSE's structure as Pergub NTB 6/2017 Lampiran II lays it down, office hours, and the
2026 holidays (SKB 3 Menteri). Real data, not demo: production starts with it.

Installed once after migrate (lpse_portal.bawaan): later edits in admin stand.
"""

import datetime

from lpse_portal.bawaan import pasang_sekali

UNIT = [
    ("pembina", "Pembina LPSE", "", 1, "Pembinaan penyelenggaraan LPSE, menetapkan pelaksana dan SOP (Lampiran II.1)."),
    ("kepala", "Kepala LPSE", "", 2, "Memimpin operasional harian dan menyusun laporan kegiatan LPSE (Lampiran II.2)."),
    (
        "sekretariat",
        "Sekretariat",
        "",
        3,
        "Koordinasi, ketatausahaan, sarana dan sumber daya, pengendalian, evaluasi dan pelaporan (Lampiran II.3).",
    ),
    (
        "adm-sistem",
        "Unit Administrasi Sistem Elektronik",
        "admin_sistem",
        4,
        "Perangkat lunak, perangkat keras dan jaringan; penanganan masalah teknis; informasi dan instruksi teknis LKPP (Lampiran II.4).",
    ),
    (
        "registrasi",
        "Unit Registrasi dan Verifikasi",
        "verifikator",
        5,
        "Pendaftaran, verifikasi dokumen, arsip pengguna SPSE, persetujuan dan penonaktifan User ID (Lampiran II.5).",
    ),
    (
        "layanan",
        "Unit Layanan Dukungan",
        "layanan",
        6,
        "Konsultasi, informasi fitur SPSE, penanganan keluhan dan pelatihan (Lampiran II.6).",
    ),
]

# (kode, nama, jenis, unit, atasan)
JABATAN = [
    ("pembina", "Pembina LPSE", "pembina", "pembina", None),
    ("kepala-lpse", "Kepala LPSE", "kepala_lpse", "kepala", "pembina"),
    ("sekretaris", "Sekretaris LPSE", "sekretaris", "sekretariat", "kepala-lpse"),
    ("pelaksana-sekretariat", "Pelaksana Sekretariat", "pelaksana", "sekretariat", "sekretaris"),
    (
        "koordinator-adm-sistem",
        "Koordinator Unit Administrasi Sistem Elektronik",
        "koordinator",
        "adm-sistem",
        "kepala-lpse",
    ),
    (
        "pelaksana-adm-sistem",
        "Pelaksana Unit Administrasi Sistem Elektronik",
        "pelaksana",
        "adm-sistem",
        "koordinator-adm-sistem",
    ),
    (
        "koordinator-registrasi",
        "Koordinator Unit Registrasi dan Verifikasi",
        "koordinator",
        "registrasi",
        "kepala-lpse",
    ),
    (
        "pelaksana-registrasi",
        "Pelaksana Unit Registrasi dan Verifikasi",
        "pelaksana",
        "registrasi",
        "koordinator-registrasi",
    ),
    ("koordinator-layanan", "Koordinator Unit Layanan Dukungan", "koordinator", "layanan", "kepala-lpse"),
    ("pelaksana-layanan", "Pelaksana Unit Layanan Dukungan", "pelaksana", "layanan", "koordinator-layanan"),
]

# Senin–Kamis 07.30–16.00, Jumat 07.30–16.30 WITA (five-day week of the provincial government).
JAM_KERJA = [(h, datetime.time(7, 30), datetime.time(16, 0)) for h in range(4)] + [
    (4, datetime.time(7, 30), datetime.time(16, 30))
]

# SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang hari libur nasional
# dan cuti bersama tahun 2026. Check against the signed SKB and correct in admin if needed.
LIBUR_2026 = [
    ("2026-01-01", "Tahun Baru 2026 Masehi", "libur_nasional"),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", "libur_nasional"),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek", "cuti_bersama"),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", "libur_nasional"),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi", "cuti_bersama"),
    ("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", "libur_nasional"),
    ("2026-03-20", "Cuti bersama Idulfitri 1447 H", "cuti_bersama"),
    ("2026-03-21", "Hari Raya Idulfitri 1447 H", "libur_nasional"),
    ("2026-03-22", "Hari Raya Idulfitri 1447 H", "libur_nasional"),
    ("2026-03-23", "Cuti bersama Idulfitri 1447 H", "cuti_bersama"),
    ("2026-03-24", "Cuti bersama Idulfitri 1447 H", "cuti_bersama"),
    ("2026-04-03", "Wafat Yesus Kristus", "libur_nasional"),
    ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", "libur_nasional"),
    ("2026-05-01", "Hari Buruh Internasional", "libur_nasional"),
    ("2026-05-14", "Kenaikan Yesus Kristus", "libur_nasional"),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", "cuti_bersama"),
    ("2026-05-27", "Hari Raya Iduladha 1447 H", "libur_nasional"),
    ("2026-05-28", "Cuti bersama Iduladha 1447 H", "cuti_bersama"),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", "libur_nasional"),
    ("2026-06-01", "Hari Lahir Pancasila", "libur_nasional"),
    ("2026-06-16", "Tahun Baru Islam 1448 H", "libur_nasional"),
    ("2026-08-17", "Hari Kemerdekaan Republik Indonesia", "libur_nasional"),
    ("2026-08-25", "Maulid Nabi Muhammad SAW", "libur_nasional"),
    ("2026-12-24", "Cuti bersama Hari Raya Natal", "cuti_bersama"),
    ("2026-12-25", "Hari Raya Natal", "libur_nasional"),
]


def _struktur():
    from organisasi.models import Jabatan, Unit

    unit = {}
    for kode, nama, peran, urutan, tugas in UNIT:
        unit[kode], _ = Unit.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "peran": peran, "urutan": urutan, "tugas": tugas}
        )
    jabatan = {}
    for urutan, (kode, nama, jenis, kode_unit, atasan) in enumerate(JABATAN):
        jabatan[kode], _ = Jabatan.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "jenis": jenis,
                "unit": unit[kode_unit],
                "atasan": jabatan.get(atasan),
                "urutan": urutan,
            },
        )


def _jam_kerja():
    from organisasi.models import JamKerja

    for hari, mulai, selesai in JAM_KERJA:
        JamKerja.objects.get_or_create(hari=hari, defaults={"mulai": mulai, "selesai": selesai})


def _libur_2026():
    from organisasi.models import HariLibur

    for tanggal, nama, jenis in LIBUR_2026:
        HariLibur.objects.get_or_create(
            tanggal=datetime.date.fromisoformat(tanggal), defaults={"nama": nama, "jenis": jenis}
        )


def _aturan_laporan_berkala():
    from organisasi.services.laporan_berkala import pasang_aturan_bawaan

    pasang_aturan_bawaan()


def pasang_data_awal() -> None:
    pasang_sekali("organisasi.struktur_pergub", _struktur)
    pasang_sekali("organisasi.aturan_laporan_berkala", _aturan_laporan_berkala)
    pasang_sekali("organisasi.jam_kerja", _jam_kerja)
    pasang_sekali("organisasi.libur_2026", _libur_2026)
