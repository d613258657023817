"""Query budgets of every list and detail page: the same number of queries with 5 rows as with
50, and an absolute ceiling (issue 10).

The table is data, like the access table: every GET URL of the portal is either a page with a
budget here (ANGGARAN), a page whose budget an app's own test already holds (DIUJI, the test is
named and must exist), or something that is not a list or a detail page (BUKAN_DAFTAR, with the
kind: a form, a file, an export). A new GET URL in none of them fails the first test.

Rows are added by copying the samples the access table's `siapkan` builds (`salin`: bulk
copies with unique fields made unique), or through the services where a copy cannot stand in
(events). "5 rows" is the sample plus 4 copies; "50" adds 45 more.
"""

import copy
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection, models, transaction
from django.db.models.base import ModelState
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lpse_portal.tests.akses import FIXTURE_PERAN, SEMUA_PERAN, harapan, sebagai_akses
from lpse_portal.tests.test_access import AKSES, SIAPKAN, _app, _nama_portal

ROOT = Path(__file__).resolve().parent.parent.parent
_nomor = itertools.count(1)


# --- making rows -------------------------------------------------------------------------------


def _nyata(nilai):
    """Lazily built samples (organisasi's Malas) are built on first use."""
    return nilai.nyata if isinstance(getattr(type(nilai), "nyata", None), property) else nilai


def _unik(field, nilai):
    n = next(_nomor)
    if isinstance(field, models.EmailField):
        return f"s{n}.{nilai}"[: field.max_length]
    if isinstance(field, models.CharField):
        akhiran = f"-{n}"
        return f"{nilai}"[: (field.max_length or 200) - len(akhiran)] + akhiran
    raise TypeError(f"{field} unik: beri nilainya lewat `ubah`")


def salin(contoh, n: int, **ubah):
    """`n` copies of `contoh` in one bulk insert; unique columns get a suffix, `ubah` sets fields
    (a callable is called with the copy's index)."""
    contoh = _nyata(contoh)
    model = type(contoh)
    baru = []
    for i in range(n):
        o = copy.copy(contoh)
        o._state = ModelState()
        o.__dict__.pop("_prefetched_objects_cache", None)
        o.pk = None
        for f in model._meta.concrete_fields:
            if f.primary_key or f.name in ubah or not f.unique:
                continue
            nilai = getattr(o, f.attname)
            if nilai is None:
                continue
            if isinstance(f, models.OneToOneField):
                setattr(o, f.attname, None)
            else:
                setattr(o, f.attname, _unik(f, nilai))
        for k, v in ubah.items():
            setattr(o, k, v(i) if callable(v) else v)
        baru.append(o)
    return model.objects.bulk_create(baru)


def peristiwa(kunci: str, peran: str = "admin_sistem"):
    """Events on the sample's timeline, through catat_peristiwa (the chain must stay valid)."""
    from lpse_portal.peristiwa import catat_peristiwa

    def tambah(o, cast, n):
        objek = _nyata(o[kunci])
        for i in range(n):
            catat_peristiwa(objek, oleh=cast[peran], aksi="catatan", catatan=f"catatan uji {i}")

    return tambah


def salin_dari(kunci: str, **ubah):
    return lambda o, cast, n: salin(o[kunci], n, **ubah)


def anak(kunci: str, relasi: str, **ubah):
    """Copies of the first row of the sample's `relasi` (a reverse foreign key)."""

    def tambah(o, cast, n):
        contoh = getattr(_nyata(o[kunci]), relasi).order_by("pk").first()
        assert contoh is not None, f"{kunci}.{relasi} kosong: tidak ada contoh untuk disalin"
        salin(contoh, n, **ubah)

    return tambah


def semua(*langkah):
    def tambah(o, cast, n):
        for f in langkah:
            f(o, cast, n)

    return tambah


# --- the table ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anggaran:
    plafon: int  # at most this many queries with 50 rows
    tambah: Callable  # (objek, cast, n) -> None: n more rows the page shows
    peran: str | None = None  # who asks; default the first role the access table lets in
    query: str = ""
    # The page shows the added rows, so it must grow (a check that `tambah` reaches the page);
    # False for a single object's page measured against a bigger table, or a page of totals.
    tumbuh: bool = True
    kwargs: Callable | None = None  # another sample than the access table's: (objek) -> kwargs


@dataclass(frozen=True)
class Diuji:
    """Budgeted by an app's own test, named "path::test_function"."""

    uji: str


def _versi_lama(o, cast, n):
    """Superseded versions of the sample vendor's first document (the archive grows)."""
    from registrasi.models import Dokumen

    penyedia = _nyata(o["reg_diajukan"]).penyedia
    contoh = Dokumen.objects.filter(penyedia=penyedia).order_by("pk").first()
    awal = Dokumen.objects.filter(penyedia=penyedia, jenis=contoh.jenis).aggregate(m=models.Max("versi"))["m"]
    salin(contoh, n, versi=lambda i: awal + 1 + i, keadaan="diganti", perubahan=None)


def _versi_lama_a(o, cast, n):
    from registrasi.models import Dokumen

    penyedia = _nyata(o["reg_penyedia_a"])
    contoh = Dokumen.objects.filter(penyedia=penyedia).order_by("pk").first()
    awal = Dokumen.objects.filter(penyedia=penyedia, jenis=contoh.jenis).aggregate(m=models.Max("versi"))["m"]
    salin(contoh, n, versi=lambda i: awal + 1 + i, keadaan="diganti", perubahan=None)


def _pendaftaran_lain(o, cast, n):
    """More submitted files in the verifikator's queue (new vendor each)."""
    from organisasi.models import User
    from registrasi.models import Pendaftaran, Penyedia
    from registrasi.tests.pabrik import nib_uji, nik_uji, npwp_uji

    contoh = _nyata(o["reg_diajukan"])
    for _ in range(n):
        k = next(_nomor)
        user = User.objects.create(username=f"anggaran.{k}", is_active=False)
        (p,) = salin(
            Penyedia.objects.get(pk=contoh.penyedia_id),
            1,
            user=user,
            npwp=npwp_uji(60_000 + k),
            nib=nib_uji(60_000 + k),
            pj_nik=nik_uji(60_000 + k),
            email=f"anggaran{k}@usaha.contoh.id",
        )
        salin(Pendaftaran.objects.get(pk=contoh.pk), 1, penyedia=p)


def _perubahan_lain(o, cast, n):
    from registrasi.models import PermintaanPerubahan

    contoh = _nyata(o["reg_perubahan_a"])
    # One open request per vendor: the copies belong to other vendors.
    _pendaftaran_lain(o, cast, n)
    from registrasi.models import Penyedia

    lain = Penyedia.objects.filter(user__username__startswith="anggaran.").exclude(perubahan__isnull=False)[:n]
    for p in lain:
        salin(PermintaanPerubahan.objects.get(pk=contoh.pk), 1, penyedia=p)


def _tiket_milik(o, cast, n):
    salin(o["lay_tiket"], n, pelapor=cast["penyedia"], nomor=lambda i: f"TKT-A{next(_nomor):07d}")


def _jawaban_kepuasan(o, cast, n):
    from layanan.models import JawabanKepuasan, KategoriTiket

    kategori = list(KategoriTiket.objects.all())
    tiket = salin(o["lay_selesai"], n, nomor=lambda i: f"TKT-K{next(_nomor):07d}")
    JawabanKepuasan.objects.bulk_create(
        [
            JawabanKepuasan(tiket=t, nilai=1 + i % 5, petugas=cast["layanan"], kategori=kategori[i % len(kategori)])
            for i, t in enumerate(tiket)
        ]
    )


def _kualifikasi_dan_riwayat(o, cast, n):
    from organisasi.models import Kualifikasi, RiwayatPendidikan

    pegawai = _nyata(o["org_pegawai"])
    Kualifikasi.objects.bulk_create(
        Kualifikasi(pegawai=pegawai, jenis="sertifikat", nama=f"Sertifikat PBJ {i}") for i in range(n)
    )
    RiwayatPendidikan.objects.bulk_create(
        RiwayatPendidikan(pegawai=pegawai, jenis="informal", nama=f"Pelatihan {i}") for i in range(n)
    )


def _dokumen_perubahan(o, cast, n):
    from registrasi.models import Dokumen

    perubahan = _nyata(o["reg_perubahan_a"])
    contoh = Dokumen.objects.filter(penyedia=perubahan.penyedia).order_by("pk").first()
    awal = Dokumen.objects.filter(penyedia=perubahan.penyedia, jenis=contoh.jenis).aggregate(m=models.Max("versi"))["m"]
    salin(contoh, n, versi=lambda i: awal + 1 + i, keadaan="ditolak", perubahan=perubahan)


def _pemeliharaan(o, cast, n):
    import datetime

    from sistem.models import Pemeliharaan

    Pemeliharaan.objects.bulk_create(
        Pemeliharaan(
            aset=o["sis_aset"],
            tanggal=datetime.date(2026, 1, 1 + i % 28),
            jenis="preventif",
            uraian=f"Pemeriksaan {i}",
            pelaksana="Admin",
            dicatat_oleh=cast["admin_sistem"],
        )
        for i in range(n)
    )


def _versi_diganti(o, cast, n):
    """Superseded versions in the SOP's history (many, unlike the one current and one pending)."""
    from sop.models import VersiSOP

    contoh = VersiSOP.objects.filter(sop=o["sop_a"], status="diganti").first()
    salin(contoh, n, mayor=0, minor=lambda i: 100 + next(_nomor))


def _langkah(kunci):
    def tambah(o, cast, n):
        from sop.models import LangkahSOP

        versi = _nyata(o[kunci])
        awal = versi.langkah.aggregate(m=models.Max("urutan"))["m"] or 0
        contoh = versi.langkah.order_by("urutan").first()
        salin(contoh, n, urutan=lambda i: awal + 1 + i)
        assert LangkahSOP.objects.filter(versi=versi).count() >= n

    return tambah


def _penomoran(o, cast, n):
    from organisasi.models import KlasifikasiSurat, PenomoranSurat

    contoh = _nyata(o["sek_penomoran"])
    for _ in range(n):
        k = KlasifikasiSurat.objects.create(kode=f"9{next(_nomor):03d}", nama="Klasifikasi uji")
        salin(PenomoranSurat.objects.get(pk=contoh.pk), 1, klasifikasi=k)


ANGGARAN: dict[str, Anggaran | Diuji] = {
    # lpse_portal
    "beranda": Anggaran(8, lambda o, cast, n: None, tumbuh=False),
    # organisasi
    "organisasi:bagan": Diuji(
        "organisasi/tests/test_views.py::test_it_draws_the_org_chart_with_a_fixed_number_of_queries"
    ),
    "organisasi:pegawai_list": Diuji(
        "organisasi/tests/test_views.py::test_it_lists_staff_with_a_fixed_number_of_queries"
    ),
    "organisasi:pegawai_detail": Anggaran(
        16,
        semua(_kualifikasi_dan_riwayat, peristiwa("org_pegawai")),
        peran="sekretaris",
    ),
    "organisasi:program_list": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_evaluates_a_programme_with_a_fixed_number_of_queries"
    ),
    "organisasi:program_detail": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_evaluates_a_programme_with_a_fixed_number_of_queries"
    ),
    "organisasi:program_evaluasi": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_evaluates_a_programme_with_a_fixed_number_of_queries"
    ),
    "organisasi:surat_masuk_list": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_lists_letters_and_dispositions_with_a_fixed_number_of_queries"
    ),
    "organisasi:surat_keluar_list": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_lists_letters_and_dispositions_with_a_fixed_number_of_queries"
    ),
    "organisasi:disposisi_list": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_lists_letters_and_dispositions_with_a_fixed_number_of_queries"
    ),
    "organisasi:surat_masuk_detail": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_shows_a_letter_with_many_dispositions_with_a_fixed_number_of_queries"
    ),
    "organisasi:surat_keluar_detail": Anggaran(14, peristiwa("sek_surat_keluar_rahasia"), peran="sekretaris"),
    "organisasi:penomoran_list": Anggaran(8, _penomoran),
    "organisasi:daftar_list": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_shows_allowances_with_a_fixed_number_of_queries"
    ),
    "organisasi:daftar_detail": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_shows_allowances_with_a_fixed_number_of_queries"
    ),
    "organisasi:tarif_list": Diuji(
        "organisasi/tests/test_sekretariat_views.py::test_it_shows_allowances_with_a_fixed_number_of_queries"
    ),
    "organisasi:laporan_berkala_saya": Diuji(
        "organisasi/tests/test_laporan_berkala_views.py::test_it_lists_and_rolls_up_reports_with_a_fixed_number_of_queries"
    ),
    "organisasi:laporan_berkala_tinjau": Diuji(
        "organisasi/tests/test_laporan_berkala_views.py::test_it_lists_and_rolls_up_reports_with_a_fixed_number_of_queries"
    ),
    "organisasi:laporan_berkala_rekap": Diuji(
        "organisasi/tests/test_laporan_berkala_views.py::test_it_lists_and_rolls_up_reports_with_a_fixed_number_of_queries"
    ),
    "organisasi:laporan_berkala_detail": Anggaran(16, peristiwa("lb_laporan", "koordinator"), peran="koordinator"),
    # laporan
    "laporan:dasbor": Diuji("laporan/tests/test_dasbor.py::test_it_runs_a_fixed_number_of_queries_whatever_the_rows"),
    "laporan:data_terbuka": Diuji(
        "laporan/tests/test_data_terbuka.py::test_it_reads_the_home_page_figures_from_the_cache"
    ),
    "laporan:laporan_list": Diuji("laporan/tests/test_views.py::test_it_lists_runs_in_a_fixed_number_of_queries"),
    "laporan:laporan_detail": Anggaran(14, peristiwa("run", "kepala_lpse"), peran="kepala_lpse"),
    "laporan:ereporting_detail": Anggaran(16, lambda o, cast, n: None, tumbuh=False),
    # registrasi
    "registrasi:persyaratan": Anggaran(6, lambda o, cast, n: None, tumbuh=False),
    "registrasi:antrean": Diuji("registrasi/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "registrasi:penyedia_list": Diuji("registrasi/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "registrasi:pendaftaran_detail": Anggaran(
        16, semua(_versi_lama, peristiwa("reg_pendaftaran_a", "verifikator")), peran="verifikator"
    ),
    "registrasi:penyedia_detail": Anggaran(14, semua(_versi_lama_a, peristiwa("reg_penyedia_a", "verifikator"))),
    "registrasi:penyedia_identitas": Anggaran(10, _versi_lama_a, peran="verifikator", tumbuh=False),
    "registrasi:pendaftaran_status": Anggaran(12, semua(_versi_lama_a, peristiwa("reg_pendaftaran_a", "verifikator"))),
    "registrasi:profil": Anggaran(12, salin_dari("reg_perubahan_a", status="ditolak")),
    "registrasi:perubahan_antrean": Anggaran(10, _perubahan_lain, peran="verifikator"),
    "registrasi:perubahan_detail": Anggaran(12, _dokumen_perubahan, peran="verifikator"),
    "registrasi:pejabat_antrean": Anggaran(10, salin_dari("reg_permohonan"), peran="verifikator"),
    "registrasi:pejabat_detail": Anggaran(10, salin_dari("reg_permohonan"), peran="verifikator", tumbuh=False),
    "registrasi:daftar_hitam": Anggaran(8, salin_dari("reg_sanksi", status="tayang")),
    "registrasi:sanksi_list": Anggaran(10, salin_dari("reg_sanksi")),
    "registrasi:sanksi_detail": Anggaran(
        16, semua(anak("reg_sanksi", "dokumen"), anak("reg_sanksi", "putusan"), peristiwa("reg_sanksi", "verifikator"))
    ),
    "registrasi:penonaktifan_list": Anggaran(10, salin_dari("reg_permintaan"), peran="verifikator"),
    "registrasi:penonaktifan_detail": Anggaran(12, anak("reg_permintaan", "dokumen"), peran="verifikator"),
    # layanan
    "layanan:tiket_list": Diuji(
        "layanan/tests/test_views.py::test_it_runs_the_staff_queue_in_a_fixed_number_of_queries"
    ),
    "layanan:tiket_detail": Anggaran(
        24, semua(anak("lay_tiket", "balasan"), peristiwa("lay_tiket", "layanan")), peran="layanan"
    ),
    "layanan:tiket_lacak": Anggaran(12, anak("lay_tiket", "balasan")),
    "layanan:tiket_saya": Anggaran(10, _tiket_milik, peran="penyedia"),
    "layanan:bantuan": Anggaran(6, salin_dari("lay_artikel")),
    "layanan:artikel_detail": Anggaran(6, salin_dari("lay_artikel"), tumbuh=False),
    "layanan:artikel_list": Anggaran(10, salin_dari("lay_artikel")),
    "layanan:pelatihan_list": Anggaran(8, salin_dari("lay_pelatihan")),
    "layanan:pelatihan_detail": Anggaran(
        8, anak("lay_pelatihan", "peserta", email=lambda i: f"p{next(_nomor)}@contoh.id")
    ),
    "layanan:pelatihan_kelola": Anggaran(10, salin_dari("lay_pelatihan")),
    "layanan:pelatihan_peserta": Anggaran(
        12, anak("lay_pelatihan", "peserta", email=lambda i: f"p{next(_nomor)}@contoh.id")
    ),
    "layanan:peserta_detail": Anggaran(
        8, anak("lay_pelatihan", "peserta", email=lambda i: f"p{next(_nomor)}@contoh.id"), tumbuh=False
    ),
    "layanan:masukan_list": Anggaran(10, salin_dari("lay_masukan")),
    "layanan:masukan_detail": Anggaran(8, salin_dari("lay_masukan"), tumbuh=False),
    "layanan:kepuasan_rekap": Anggaran(10, _jawaban_kepuasan),
    # sistem
    "sistem:insiden_list": Diuji(
        "sistem/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries_for_5_and_50_rows"
    ),
    "sistem:aset_list": Diuji(
        "sistem/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries_for_5_and_50_rows"
    ),
    "sistem:instruksi_list": Diuji(
        "sistem/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries_for_5_and_50_rows"
    ),
    "sistem:cadangan_list": Diuji(
        "sistem/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries_for_5_and_50_rows"
    ),
    "sistem:ketersediaan": Diuji(
        "sistem/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries_for_5_and_50_rows"
    ),
    "sistem:kapasitas": Anggaran(12, salin_dari("sis_cadangan"), tumbuh=False),
    "sistem:cadangan_detail": Anggaran(12, peristiwa("sis_cadangan")),
    "sistem:insiden_detail": Anggaran(12, peristiwa("sis_insiden")),
    "sistem:aset_detail": Anggaran(12, semua(_pemeliharaan, peristiwa("sis_aset"))),
    "sistem:instruksi_detail": Anggaran(12, peristiwa("sis_instruksi")),
    # sop
    "sop:publik_list": Diuji("sop/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "sop:sop_list": Diuji("sop/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "sop:cakupan": Diuji("sop/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "sop:tinjauan_list": Diuji("sop/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "sop:antrean": Diuji("sop/tests/test_views.py::test_it_lists_with_a_fixed_number_of_queries"),
    "sop:sop_detail": Anggaran(10, _versi_diganti, peran="kepala_lpse"),
    "sop:versi_detail": Anggaran(
        12,
        semua(_langkah("sop_a_draf"), peristiwa("sop_a_draf", "kepala_lpse")),
        peran="kepala_lpse",
        kwargs=lambda o: {"pk": o["sop_a_draf"].pk},
    ),
    "sop:versi_banding": Anggaran(10, _langkah("sop_a_draf"), peran="kepala_lpse"),
}

# GET URLs that are not list or detail pages: forms, files, exports, token links, tools.
BUKAN_DAFTAR = {
    "formulir": {
        "login", "password_change", "password_change_done", "password_reset", "password_reset_done",
        "password_reset_confirm", "password_reset_complete", "dua_faktor", "dua_faktor_pasang",
        "organisasi:pegawai_create", "organisasi:pegawai_update", "organisasi:pegawai_akun",
        "organisasi:kualifikasi_create", "organisasi:riwayat_create", "organisasi:penugasan_create",
        "organisasi:penugasan_akhiri", "organisasi:program_create", "organisasi:program_update",
        "organisasi:kegiatan_create", "organisasi:kegiatan_update", "organisasi:target_create",
        "organisasi:target_update", "organisasi:realisasi_create", "organisasi:surat_masuk_create",
        "organisasi:surat_masuk_arsipkan", "organisasi:disposisi_create", "organisasi:disposisi_tindaklanjut",
        "organisasi:disposisi_selesai", "organisasi:surat_keluar_create", "organisasi:surat_keluar_unggah",
        "organisasi:surat_keluar_batal", "organisasi:tautan_create", "organisasi:penomoran_create",
        "organisasi:penomoran_update", "organisasi:klasifikasi_create", "organisasi:daftar_create",
        "organisasi:tarif_create", "organisasi:tarif_akhiri", "organisasi:dasarhukum_create",
        "registrasi:daftar", "registrasi:konfirmasi", "registrasi:lanjutkan", "registrasi:pejabat_daftar",
        "registrasi:pendaftaran_dokumen", "registrasi:pendaftaran_tinjau", "registrasi:profil_kontak",
        "registrasi:perubahan_create", "registrasi:penonaktifan_create",
        "layanan:tiket_create", "layanan:tiket_kepuasan", "layanan:peserta_umpan_balik",
        "layanan:sertifikat_verifikasi", "layanan:masukan_create", "layanan:tiket_catat", "layanan:tiket_eskalasi",
        "layanan:artikel_create", "layanan:artikel_update", "layanan:pelatihan_create", "layanan:pelatihan_update",
        "layanan:peserta_hadir_qr",
        "sistem:insiden_create", "sistem:insiden_update", "sistem:insiden_selesaikan", "sistem:insiden_lkpp",
        "sistem:aset_create", "sistem:aset_update", "sistem:pemeliharaan_create", "sistem:instruksi_create",
        "sistem:instruksi_selesaikan",
        "sop:sop_create", "sop:sop_update", "sop:sop_tinjau", "sop:versi_create", "sop:versi_update",
        "sop:versi_kembalikan", "sop:versi_setujui", "sop:versi_batalkan",
        "organisasi:laporan_berkala_isi",
    },
    "berkas atau ekspor": {
        "healthz", "organisasi:pegawai_nik", "organisasi:penugasan_berkas", "organisasi:program_ekspor",
        "organisasi:realisasi_bukti", "organisasi:surat_masuk_berkas", "organisasi:tindaklanjut_berkas",
        "organisasi:surat_keluar_berkas", "organisasi:daftar_ekspor", "organisasi:dasarhukum_berkas",
        "registrasi:dokumen_berkas", "registrasi:penyedia_arsip", "registrasi:penyedia_ekspor",
        "registrasi:pejabat_berkas",
        "registrasi:daftar_hitam_csv", "registrasi:sanksi_dokumen", "registrasi:putusan_berkas",
        "layanan:tiket_lampiran_token", "layanan:sertifikat_unduh", "layanan:lampiran_unduh",
        "sop:versi_pdf", "sop:versi_berkas",
        "organisasi:laporan_berkala_lampiran", "organisasi:laporan_berkala_rekap_ekspor",
        "laporan:berkas_unduh", "laporan:data_terbuka_csv", "laporan:data_terbuka_json", "laporan:ereporting_csv",
    },
}  # fmt: skip


def _get_urls():
    return {n for n in _nama_portal() if sebagai_akses(AKSES[n]).method == "GET"}


def test_it_has_a_budget_or_a_kind_for_every_get_url():
    bukan = set().union(*BUKAN_DAFTAR.values())
    tanpa = sorted(_get_urls() - set(ANGGARAN) - bukan)
    assert not tanpa, f"URL GET tanpa anggaran kueri (daftar/detail) atau jenis lain: {tanpa}"
    assert not set(ANGGARAN) & bukan, set(ANGGARAN) & bukan
    usang = sorted((set(ANGGARAN) | bukan) - _nama_portal())
    assert not usang, f"entri untuk URL yang tidak ada: {usang}"


def test_it_names_an_existing_test_for_each_budget_held_elsewhere():
    hilang = []
    for nama, a in ANGGARAN.items():
        if isinstance(a, Diuji):
            berkas, fungsi = a.uji.split("::")
            isi = (ROOT / berkas).read_text() if (ROOT / berkas).exists() else ""
            if f"def {fungsi}(" not in isi:
                hilang.append(f"{nama}: {a.uji}")
    assert not hilang, hilang


@pytest.fixture
def cast(request, db):
    return {peran: request.getfixturevalue(fixture) for peran, fixture in FIXTURE_PERAN.items()}


def _jumlah(client, url):
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
    assert r.status_code == 200, f"{url}: {r.status_code}"
    return len(ctx.captured_queries), len(r.content)


APPS = sorted({_app(n) for n, a in ANGGARAN.items() if isinstance(a, Anggaran)})


@pytest.mark.parametrize("app", APPS)
def test_it_runs_the_same_queries_for_5_and_50_rows_within_the_ceiling(app, cast, client, settings):
    # The budget of a page whose count is not in the cache yet (lpse_portal/paginasi.py); the
    # rows are added in bulk, which a kept count would not notice.
    settings.PAGINASI_SIMPAN_HITUNGAN = False
    objek = SIAPKAN[app](cast) or {}
    for nilai in objek.values():
        _nyata(nilai)
    salah = []
    for nama in sorted(n for n, a in ANGGARAN.items() if isinstance(a, Anggaran) and _app(n) == app):
        a = ANGGARAN[nama]
        akses = sebagai_akses(AKSES[nama])
        peran = a.peran or next(p for p in SEMUA_PERAN if harapan(akses, p) == 200)
        kwargs = (a.kwargs or akses.kwargs)(objek) if (a.kwargs or akses.kwargs) else None
        url = reverse(nama, kwargs=kwargs) + (a.query or akses.query)
        sid = transaction.savepoint()
        try:
            client.logout()
            if peran != "anonim":
                client.force_login(cast[peran])
            else:
                # Any cookie besides the CSRF one bypasses the rendered-page cache
                # (lpse_portal.halaman_tersimpan): the budget is that of a real render.
                client.cookies["uji_anggaran"] = "1"
            a.tambah(objek, cast, 4)
            client.get(url)  # warm-up: the session's first request writes its activity stamp
            sedikit, ukuran_sedikit = _jumlah(client, url)
            a.tambah(objek, cast, 45)
            banyak, ukuran_banyak = _jumlah(client, url)
            if a.tumbuh and ukuran_banyak <= ukuran_sedikit:
                salah.append(f"{nama}: halaman tidak bertambah; `tambah` tidak sampai ke halaman")
            elif banyak != sedikit:
                salah.append(f"{nama} ({peran}): {sedikit} kueri dengan 5 baris, {banyak} dengan 50")
            elif banyak > a.plafon:
                salah.append(f"{nama} ({peran}): {banyak} kueri, plafon {a.plafon}")
        except Exception as e:  # noqa: BLE001 - one page's failure is reported with the others
            salah.append(f"{nama}: {type(e).__name__}: {e}")
        finally:
            transaction.savepoint_rollback(sid)
    assert not salah, "\n".join(salah)
