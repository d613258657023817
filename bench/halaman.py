"""The pages bench/load.py measures: name, path, the role whose session requests it, kind and
the fixed arrival rate for the latency run.

Kinds (the targets of issue 10, docs/performance.md):
  publik  public page without database work: saturation >= 0.6 x the bare view
  daftar  staff or public list page: >= 0.05 x bare; p95 <= 150 ms at 50 req/s, all 2xx
  cari    a search on a list page: saturation within 0.8 x of its plain list page (`banding`)
  dalam   a deep page (offset paging): < 50 ms unloaded, or keyset paging in the UI
  dasbor  the dashboard: p95 <= 200 ms at 20 req/s
  form    a form (GET); `post` names a POST measured at a low rate with its CSRF token
  detail  one object's page

`{sampel}` placeholders in a path are filled by load.py from the dataset (a public SOP, a
vendor's name, a ticket, a category), so the table never hard-codes ids.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Halaman:
    nama: str
    path: str
    peran: str | None
    jenis: str
    laju: int = 50
    banding: str | None = None  # for "cari": the plain list page it is compared with
    post: dict | None = None  # for "form": fields of a valid POST, "{sampel}" filled in


TIKET_BARU = {
    "jenis": "permasalahan_teknis",
    "kategori": "{kategori_tiket}",
    "judul": "Tidak bisa masuk SPSE (bench)",
    "uraian": "Setelah ganti kata sandi, login SPSE selalu gagal.",
    "aplikasi": "spse",
    "nama_pelapor": "Pelapor Bench",
    "email_pelapor": "pelapor@bench.id",
    "telepon_pelapor": "081234567890",
    "peran_pelapor": "penyedia",
}

HALAMAN = [
    # Public.
    Halaman("beranda publik", "/", None, "publik"),
    Halaman("formulir masuk", "/accounts/login/", None, "publik"),
    Halaman("formulir pendaftaran penyedia", "/registrasi/daftar/", None, "publik"),
    Halaman("persyaratan pendaftaran", "/registrasi/persyaratan/", None, "daftar"),
    Halaman("formulir tiket (GET)", "/layanan/tiket/baru/", None, "form", post=TIKET_BARU),
    Halaman("daftar SOP publik", "/sop/", None, "daftar"),
    Halaman("halaman SOP publik", "/sop/{sop}/", None, "detail"),
    Halaman("daftar hitam publik", "/registrasi/daftar-hitam/", None, "daftar"),
    Halaman("cari daftar hitam", "/registrasi/daftar-hitam/?q=Hitam+123", None, "cari", banding="daftar hitam publik"),
    Halaman("jadwal pelatihan", "/layanan/pelatihan/", None, "daftar"),
    Halaman("pusat bantuan", "/layanan/bantuan/", None, "daftar"),
    # Registrasi (verifikator).
    Halaman("antrean verifikasi", "/registrasi/verifikasi/", "verifikator", "daftar"),
    Halaman("antrean verifikasi, saring PT", "/registrasi/verifikasi/?bentuk_usaha={pt}", "verifikator", "daftar"),
    Halaman("daftar penyedia", "/registrasi/penyedia/", "verifikator", "daftar"),
    Halaman("daftar penyedia, saring aktif", "/registrasi/penyedia/?status=aktif", "verifikator", "daftar"),
    Halaman(
        "cari penyedia (nama)",
        "/registrasi/penyedia/?q={cari_penyedia}",
        "verifikator",
        "cari",
        banding="daftar penyedia",
    ),
    Halaman("daftar penyedia, halaman 1000", "/registrasi/penyedia/?halaman=1000", "verifikator", "dalam"),
    Halaman("detail penyedia", "/registrasi/penyedia/{penyedia}/", "verifikator", "detail"),
    Halaman("daftar sanksi", "/registrasi/sanksi/", "verifikator", "daftar"),
    Halaman("permintaan penonaktifan", "/registrasi/penonaktifan/", "verifikator", "daftar"),
    Halaman("antrean perubahan data", "/registrasi/perubahan/", "verifikator", "daftar"),
    Halaman("antrean pejabat", "/registrasi/pejabat/", "verifikator", "daftar"),
    # Layanan.
    Halaman("antrean tiket", "/layanan/antrean/", "layanan", "daftar"),
    Halaman("antrean tiket, semua status", "/layanan/antrean/?status=semua", "layanan", "daftar"),
    Halaman(
        "cari tiket (nomor)", "/layanan/antrean/?status=semua&q={tiket}", "layanan", "cari", banding="antrean tiket"
    ),
    Halaman("antrean tiket, halaman 4000", "/layanan/antrean/?status=semua&halaman=4000", "layanan", "dalam"),
    Halaman("detail tiket", "/layanan/antrean/{tiket_pk}/", "layanan", "detail"),
    Halaman("kelola pelatihan", "/layanan/kelola/pelatihan/", "layanan", "daftar"),
    Halaman("peserta pelatihan", "/layanan/kelola/pelatihan/{pelatihan}/", "layanan", "detail"),
    Halaman("rekap kepuasan", "/layanan/kepuasan/", "layanan", "daftar"),
    Halaman("masukan", "/layanan/kelola/masukan/", "layanan", "daftar"),
    Halaman("artikel bantuan (staf)", "/layanan/artikel/", "layanan", "daftar"),
    # SOP, organisasi, sistem.
    Halaman("register SOP", "/sop/daftar/", "kepala_lpse", "daftar"),
    Halaman("cakupan SOP", "/sop/cakupan/", "kepala_lpse", "daftar"),
    Halaman("antrean SOP", "/sop/antrean/", "kepala_lpse", "daftar"),
    Halaman("bagan organisasi", "/organisasi/bagan/", "sekretaris", "daftar"),
    Halaman("daftar pegawai", "/organisasi/pegawai/", "sekretaris", "daftar"),
    Halaman("cari pegawai", "/organisasi/pegawai/?q=Demo", "sekretaris", "cari", banding="daftar pegawai"),
    Halaman("surat masuk", "/organisasi/surat-masuk/", "sekretaris", "daftar"),
    Halaman("surat keluar", "/organisasi/surat-keluar/", "sekretaris", "daftar"),
    Halaman("disposisi", "/organisasi/disposisi/", "sekretaris", "daftar"),
    Halaman("program kegiatan", "/organisasi/program/", "sekretaris", "daftar"),
    Halaman("daftar tunjangan", "/organisasi/tunjangan/", "sekretaris", "daftar"),
    Halaman("insiden", "/sistem/insiden/", "admin_sistem", "daftar"),
    Halaman("aset", "/sistem/aset/", "admin_sistem", "daftar"),
    Halaman("instruksi LKPP", "/sistem/instruksi/", "admin_sistem", "daftar"),
    Halaman("cadangan", "/sistem/cadangan/", "admin_sistem", "daftar"),
    Halaman("ketersediaan layanan", "/sistem/ketersediaan/", "admin_sistem", "daftar"),
    # Laporan: the dashboard is being built on another branch; until it is merged the page
    # answers 404 and load.py reports it as "belum ada".
    Halaman("dasbor", "/laporan/", "kepala_lpse", "dasbor", laju=20),
]
