"""Demo SOPs: an approved SOP for each mandatory subject of Lampiran VI, one of them in a second
version (so the comparison has something to show), and a new version waiting for the Pembina."""

from django.db import transaction
from django.utils import timezone

from organisasi.models import Unit, User
from sop import services
from sop.models import SOP, Kategori

DASAR = "- Peraturan Gubernur NTB Nomor 6 Tahun 2017 tentang LPSE\n- Perpres 16/2018 jo. Perpres 12/2021"

# kode, kategori, unit, penyusun, judul, tujuan, ruang lingkup, formulir,
# langkah: (uraian, pelaksana, masukan, keluaran, waktu)
SOP_DEMO = [
    (
        "SOP-LPSE/RV-01",
        "registrasi-verifikasi",
        "registrasi",
        "koord.registrasi",
        "Registrasi dan verifikasi penyedia",
        "Memastikan setiap penyedia yang memakai SPSE **terverifikasi** dokumennya sebelum User ID diaktifkan.",
        "Pendaftaran penyedia badan usaha dan perorangan pada SPSE LPSE Provinsi NTB.",
        "- Formulir pendaftaran penyedia\n- Formulir keikutsertaan\n- Berita acara verifikasi",
        [
            (
                "Menerima pendaftaran daring dan jadwal verifikasi",
                "Verifikator",
                "Data pendaftaran",
                "Jadwal verifikasi",
                "1 hari kerja",
            ),
            (
                "Memeriksa dokumen asli terhadap unggahan",
                "Verifikator",
                "Dokumen asli",
                "Hasil pemeriksaan",
                "30 menit",
            ),
            (
                "Menyetujui atau menolak pendaftaran",
                "Koordinator Unit Registrasi dan Verifikasi",
                "Hasil pemeriksaan",
                "User ID aktif / penolakan",
                "15 menit",
            ),
            ("Mengarsipkan dokumen pendaftaran", "Verifikator", "Dokumen", "Arsip pengguna", "15 menit"),
        ],
    ),
    (
        "SOP-LPSE/LY-01",
        "layanan-pengguna",
        "layanan",
        "koord.layanan",
        "Layanan konsultasi dan pengaduan pengguna SPSE",
        "Menjawab pertanyaan dan menangani keluhan pengguna SPSE dengan cepat dan tercatat.",
        "Konsultasi, informasi fitur SPSE dan pengaduan dari penyedia dan pejabat pengadaan.",
        "- Tiket bantuan\n- Buku tamu layanan",
        [
            (
                "Menerima pertanyaan atau pengaduan dan membuat tiket",
                "Petugas Unit Layanan Dukungan",
                "Pertanyaan/pengaduan",
                "Tiket",
                "15 menit",
            ),
            (
                "Menjawab atau meneruskan ke unit terkait",
                "Petugas Unit Layanan Dukungan",
                "Tiket",
                "Jawaban",
                "1 hari kerja",
            ),
            (
                "Menutup tiket setelah pengguna menerima jawaban",
                "Petugas Unit Layanan Dukungan",
                "Konfirmasi pengguna",
                "Tiket selesai",
                "10 menit",
            ),
        ],
    ),
    (
        "SOP-LPSE/AS-01",
        "penanganan-masalah",
        "adm-sistem",
        "koord.sistem",
        "Penanganan masalah (error handling) SPSE",
        "Memulihkan layanan SPSE secepatnya ketika terjadi gangguan dan mencegah terulangnya.",
        "Gangguan aplikasi SPSE, server, jaringan dan integrasi dengan LKPP.",
        "- Catatan insiden\n- Laporan ke LKPP",
        [
            (
                "Mencatat laporan gangguan sebagai insiden",
                "Admin Sistem",
                "Laporan gangguan",
                "Catatan insiden",
                "15 menit",
            ),
            ("Mendiagnosis dan memulihkan layanan", "Admin Sistem", "Catatan insiden", "Layanan pulih", "4 jam kerja"),
            (
                "Mengeskalasi ke LKPP bila perlu",
                "Koordinator Unit Administrasi Sistem Elektronik",
                "Hasil diagnosis",
                "Tiket LKPP",
                "1 jam",
            ),
        ],
    ),
    (
        "SOP-LPSE/AS-02",
        "infrastruktur",
        "adm-sistem",
        "koord.sistem",
        "Pemeliharaan dan pengamanan infrastruktur SPSE",
        "Menjaga perangkat keras, perangkat lunak dan jaringan SPSE tetap aman dan mutakhir.",
        "Server, perangkat jaringan, sistem operasi dan aplikasi pendukung SPSE.",
        "- Jadwal pemeliharaan\n- Log perubahan",
        [
            ("Memasang pembaruan keamanan terjadwal", "Admin Sistem", "Buletin keamanan", "Sistem mutakhir", "2 jam"),
            ("Meninjau hak akses dan log keamanan", "Admin Sistem", "Log", "Laporan tinjauan", "1 hari kerja"),
        ],
    ),
    (
        "SOP-LPSE/AS-03",
        "kinerja-kapasitas",
        "adm-sistem",
        "koord.sistem",
        "Pemeliharaan kinerja dan kapasitas SPSE",
        "Memastikan SPSE mampu melayani beban puncak tender tanpa penurunan kinerja.",
        "Pemantauan prosesor, memori, penyimpanan dan bandwidth server SPSE.",
        "- Laporan kapasitas bulanan",
        [
            (
                "Memantau pemakaian sumber daya harian",
                "Admin Sistem",
                "Grafik pemantauan",
                "Catatan kapasitas",
                "30 menit",
            ),
            (
                "Mengusulkan penambahan kapasitas bila ambang terlampaui",
                "Koordinator Unit Administrasi Sistem Elektronik",
                "Catatan kapasitas",
                "Usulan",
                "3 hari kerja",
            ),
        ],
    ),
    (
        "SOP-LPSE/AS-04",
        "pengarsipan",
        "adm-sistem",
        "koord.sistem",
        "Pengarsipan dokumen elektronik (file back up)",
        "Menjamin data dan dokumen SPSE dapat dipulihkan bila terjadi kehilangan atau kerusakan.",
        "Basis data SPSE, dokumen unggahan dan konfigurasi server.",
        "- Catatan cadangan\n- Berita acara uji pemulihan",
        [
            ("Menjalankan pencadangan harian", "Admin Sistem", "Jadwal", "Berkas cadangan", "1 jam"),
            ("Menyimpan salinan di lokasi terpisah", "Admin Sistem", "Berkas cadangan", "Salinan luar lokasi", "1 jam"),
            ("Menguji pemulihan setiap bulan", "Admin Sistem", "Berkas cadangan", "Berita acara uji", "4 jam"),
        ],
    ),
]

KOLOM = ("uraian", "pelaksana", "masukan", "keluaran", "waktu")


def _buat(baris, kepala, pembina):
    kode, kategori, unit, penyusun, judul, tujuan, lingkup, formulir, langkah = baris
    oleh = User.objects.get(username=penyusun)
    versi = services.buat_sop(
        kode=kode,
        judul=judul,
        kategori_id=Kategori.objects.get(kode=kategori).pk,
        unit_id=Unit.objects.get(kode=unit).pk,
        publik=True,
        oleh=oleh,
    )
    isi = {
        "judul": judul,
        "tujuan": tujuan,
        "ruang_lingkup": lingkup,
        "dasar_hukum": DASAR,
        "formulir_catatan": formulir,
    }
    services.ubah_draf(
        versi_id=versi.pk, data=isi, langkah=[dict(zip(KOLOM, s, strict=True)) for s in langkah], oleh=oleh
    )
    _sampai_berlaku(versi.pk, oleh, kepala, pembina)
    return oleh


def _sampai_diajukan(versi_id, oleh, kepala):
    services.ajukan_tinjauan(versi_id=versi_id, oleh=oleh)
    services.teruskan_ke_pembina(versi_id=versi_id, oleh=kepala, catatan="Sudah ditinjau.")


def _sampai_berlaku(versi_id, oleh, kepala, pembina):
    _sampai_diajukan(versi_id, oleh, kepala)
    services.setujui_versi(versi_id=versi_id, tanggal_berlaku=timezone.localdate(), oleh=pembina)


def _versi_baru(kode, oleh, alasan, ubah_langkah):
    sop = SOP.objects.get(kode=kode)
    versi = services.buat_versi_baru(sop_id=sop.pk, jenis="minor", alasan_perubahan=alasan, oleh=oleh)
    langkah = [{k: getattr(s, k) for k in KOLOM} for s in versi.langkah.all()]
    ubah_langkah(langkah)
    data = {k: getattr(versi, k) for k in ("judul", "tujuan", "ruang_lingkup", "dasar_hukum", "formulir_catatan")}
    services.ubah_draf(versi_id=versi.pk, data=data, langkah=langkah, oleh=oleh)
    return versi


@transaction.atomic
def seed(stdout=None):
    kepala = User.objects.get(username="kepala")
    pembina = User.objects.get(username="pembina")
    dibuat = 0
    for baris in SOP_DEMO:
        if SOP.objects.filter(kode=baris[0]).exists():
            continue
        oleh = _buat(baris, kepala, pembina)
        dibuat += 1
        if baris[0] == "SOP-LPSE/RV-01":
            # Version 1.1 in force: verification within two working days (the diff shows it).
            v = _versi_baru(
                baris[0],
                oleh,
                "Batas waktu verifikasi dipersingkat sesuai standar pelayanan.",
                lambda langkah: langkah[0].update(waktu="2 jam kerja"),
            )
            _sampai_berlaku(v.pk, oleh, kepala, pembina)
        if baris[0] == "SOP-LPSE/AS-04":
            # Version 1.1 waiting for the Pembina: the demo of approval in the portal or in admin.
            v = _versi_baru(
                baris[0],
                oleh,
                "Menambahkan enkripsi salinan cadangan.",
                lambda langkah: langkah.insert(
                    2,
                    dict(
                        zip(
                            KOLOM,
                            (
                                "Mengenkripsi salinan cadangan",
                                "Admin Sistem",
                                "Berkas cadangan",
                                "Salinan terenkripsi",
                                "30 menit",
                            ),
                            strict=True,
                        )
                    ),
                ),
            )
            _sampai_diajukan(v.pk, oleh, kepala)
    if stdout:
        stdout.write(f"SOP demo siap ({dibuat} SOP baru).")
    return []
