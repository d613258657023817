"""Today's requirements, reasons and perangkat daerah, installed once after migrate
(lpse_portal.bawaan): the Unit edits them in admin afterwards and its edits stand."""

from lpse_portal.bawaan import pasang_sekali

# (kode, nama, perorangan)
BENTUK_USAHA = [
    ("pt", "Perseroan Terbatas (PT)", False),
    ("cv", "Persekutuan Komanditer (CV)", False),
    ("firma", "Firma", False),
    ("koperasi", "Koperasi", False),
    ("perorangan", "Usaha perorangan", True),
]
BADAN_USAHA = ("pt", "cv", "firma", "koperasi")
SEMUA = BADAN_USAHA + ("perorangan",)

# (kode, nama, keterangan, minta nomor, minta masa berlaku, maks MB, jenis berkas)
JENIS_DOKUMEN = [
    ("nib", "Nomor Induk Berusaha (NIB)", "Cetakan NIB dari OSS.", True, False, 5, "pdf"),
    ("npwp", "NPWP", "Kartu atau surat keterangan terdaftar NPWP badan usaha/pemilik.", True, False, 5, "pdf,jpeg,png"),
    (
        "ktp",
        "KTP direktur/pemilik",
        "KTP direktur utama, pimpinan, atau pemilik usaha.",
        False,
        False,
        5,
        "pdf,jpeg,png",
    ),
    ("akta-pendirian", "Akta pendirian", "Akta pendirian beserta pengesahannya.", True, False, 10, "pdf"),
    ("akta-perubahan", "Akta perubahan terakhir", "Bila ada: akta perubahan yang terakhir.", True, False, 10, "pdf"),
    (
        "surat-kuasa",
        "Surat kuasa",
        "Dari direktur/pemilik kepada pendaftar, bila pendaftar bukan direktur/pemilik.",
        False,
        True,
        5,
        "pdf",
    ),
    (
        "kswp",
        "Bukti Konfirmasi Status Wajib Pajak (KSWP)",
        "Hasil konfirmasi KSWP yang masih berlaku.",
        True,
        True,
        5,
        "pdf",
    ),
    ("pkp", "Surat pernyataan PKP/non-PKP", "Surat pengukuhan PKP atau pernyataan bukan PKP.", False, False, 5, "pdf"),
]

# (jenis, bentuk usaha, wajib, berlaku)
PERSYARATAN = (
    [("nib", b, True, "selalu") for b in SEMUA]
    + [("npwp", b, True, "selalu") for b in SEMUA]
    + [("ktp", b, True, "selalu") for b in SEMUA]
    + [("akta-pendirian", b, True, "selalu") for b in BADAN_USAHA]
    + [("akta-perubahan", b, False, "selalu") for b in BADAN_USAHA]
    + [("surat-kuasa", b, True, "bukan_pimpinan") for b in SEMUA]
    + [("kswp", b, True, "selalu") for b in SEMUA]
    + [("pkp", b, True, "selalu") for b in SEMUA]
)

ALASAN_TIDAK_VALID = [
    ("tidak-terbaca", "Pindaian tidak terbaca atau buram"),
    ("bukan-jenisnya", "Bukan dokumen yang diminta"),
    ("kedaluwarsa", "Dokumen sudah tidak berlaku"),
    ("data-berbeda", "Data pada dokumen berbeda dengan data isian (nama, NPWP, NIB)"),
    ("tidak-lengkap", "Halaman dokumen tidak lengkap"),
    ("tanpa-pengesahan", "Tanpa tanda tangan, cap, atau pengesahan yang diperlukan"),
    ("diragukan", "Keaslian dokumen diragukan; bawa dokumen asli saat verifikasi"),
    ("lainnya", "Lainnya (lihat catatan)"),
]

PERANGKAT_DAERAH = [
    ("setda", "Sekretariat Daerah Provinsi NTB", "Setda"),
    ("ukpbj", "Biro Pengadaan Barang dan Jasa (UKPBJ) Setda Provinsi NTB", "UKPBJ"),
    ("setwan", "Sekretariat DPRD Provinsi NTB", "Setwan"),
    ("inspektorat", "Inspektorat Provinsi NTB", "Inspektorat"),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah Provinsi NTB", "Bappeda"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi NTB", "BPKAD"),
    ("bapenda", "Badan Pendapatan Daerah Provinsi NTB", "Bapenda"),
    ("bkd", "Badan Kepegawaian Daerah Provinsi NTB", "BKD"),
    ("dikbud", "Dinas Pendidikan dan Kebudayaan Provinsi NTB", "Dikbud"),
    ("dikes", "Dinas Kesehatan Provinsi NTB", "Dikes"),
    ("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang Provinsi NTB", "PUPR"),
    ("perkim", "Dinas Perumahan dan Permukiman Provinsi NTB", "Perkim"),
    ("dishub", "Dinas Perhubungan Provinsi NTB", "Dishub"),
    ("diskominfotik", "Dinas Komunikasi, Informatika dan Statistik Provinsi NTB", "Diskominfotik"),
    ("distanbun", "Dinas Pertanian dan Perkebunan Provinsi NTB", "Distanbun"),
    ("dkp", "Dinas Kelautan dan Perikanan Provinsi NTB", "DKP"),
    ("dispar", "Dinas Pariwisata Provinsi NTB", "Dispar"),
    ("dinsos", "Dinas Sosial Provinsi NTB", "Dinsos"),
    ("dlhk", "Dinas Lingkungan Hidup dan Kehutanan Provinsi NTB", "DLHK"),
    ("esdm", "Dinas Energi dan Sumber Daya Mineral Provinsi NTB", "ESDM"),
    ("rsud", "Rumah Sakit Umum Daerah Provinsi NTB", "RSUD Provinsi"),
]

# Perpres 16/2018 as amended by Perpres 12/2021, Pasal 78: (kode, pelanggaran, dasar hukum, bulan)
JENIS_PELANGGARAN = [
    (
        "dokumen-palsu",
        "Menyampaikan dokumen atau keterangan palsu/tidak benar untuk memenuhi persyaratan",
        "Perpres 16/2018 jo. Perpres 12/2021 Pasal 78 ayat (1) huruf a",
        24,
    ),
    (
        "persekongkolan",
        "Terindikasi bersekongkol dengan peserta lain untuk mengatur harga penawaran",
        "Perpres 16/2018 jo. Perpres 12/2021 Pasal 78 ayat (1) huruf b",
        24,
    ),
    (
        "kkn",
        "Terindikasi melakukan korupsi, kolusi dan/atau nepotisme dalam pemilihan penyedia",
        "Perpres 16/2018 jo. Perpres 12/2021 Pasal 78 ayat (1) huruf c",
        24,
    ),
    (
        "mundur-tanpa-alasan",
        "Mengundurkan diri dengan alasan yang tidak dapat diterima",
        "Perpres 16/2018 jo. Perpres 12/2021 Pasal 78 ayat (1) huruf d",
        12,
    ),
    (
        "pemenang-mundur",
        "Pemenang mengundurkan diri sebelum penandatanganan kontrak",
        "Perpres 16/2018 jo. Perpres 12/2021 Pasal 78 ayat (2)",
        12,
    ),
    (
        "tidak-melaksanakan-kontrak",
        "Tidak melaksanakan kontrak, tidak menyelesaikan pekerjaan, atau tidak melaksanakan kewajiban "
        "dalam masa pemeliharaan",
        "Perpres 16/2018 jo. Perpres 12/2021 Pasal 78 ayat (3) huruf a",
        12,
    ),
]


def _jenis_pelanggaran():
    from registrasi.models.sanksi import JenisPelanggaran

    for urutan, (kode, nama, dasar, bulan) in enumerate(JENIS_PELANGGARAN):
        JenisPelanggaran.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "dasar_hukum": dasar, "durasi_bulan": bulan, "urutan": urutan}
        )


def _persyaratan():
    from registrasi.models import BentukUsaha, JenisDokumen, Persyaratan

    bentuk = {}
    for urutan, (kode, nama, perorangan) in enumerate(BENTUK_USAHA):
        bentuk[kode], _ = BentukUsaha.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "perorangan": perorangan, "urutan": urutan}
        )
    jenis = {}
    for urutan, (kode, nama, ket, nomor, masa, mb, berkas) in enumerate(JENIS_DOKUMEN):
        jenis[kode], _ = JenisDokumen.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "keterangan": ket,
                "minta_nomor": nomor,
                "minta_masa_berlaku": masa,
                "maks_mb": mb,
                "jenis_berkas": berkas,
                "urutan": urutan,
            },
        )
    for kode_jenis, kode_bentuk, wajib, berlaku in PERSYARATAN:
        Persyaratan.objects.get_or_create(
            bentuk_usaha=bentuk[kode_bentuk], jenis=jenis[kode_jenis], defaults={"wajib": wajib, "berlaku": berlaku}
        )


def _alasan():
    from registrasi.models import AlasanTidakValid

    for urutan, (kode, nama) in enumerate(ALASAN_TIDAK_VALID):
        AlasanTidakValid.objects.get_or_create(kode=kode, defaults={"nama": nama, "urutan": urutan})


def _perangkat_daerah():
    from registrasi.models import PerangkatDaerah

    for kode, nama, singkatan in PERANGKAT_DAERAH:
        PerangkatDaerah.objects.get_or_create(kode=kode, defaults={"nama": nama, "singkatan": singkatan})


def pasang_data_awal() -> None:
    pasang_sekali("registrasi.persyaratan", _persyaratan)
    pasang_sekali("registrasi.alasan_tidak_valid", _alasan)
    pasang_sekali("registrasi.perangkat_daerah", _perangkat_daerah)
    pasang_sekali("registrasi.jenis_pelanggaran", _jenis_pelanggaran)
