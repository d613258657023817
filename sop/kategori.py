"""The six subjects the LPSE's SOPs must cover at least (Pergub NTB 6/2017 Lampiran VI).

Installed once after migrate (lpse_portal.bawaan); later edits and additions in admin stand.
"""

# (kode, nama, butir)
KATEGORI_WAJIB = [
    ("registrasi-verifikasi", "Registrasi dan verifikasi pengguna SPSE", "Lampiran VI.a"),
    ("layanan-pengguna", "Layanan pengguna SPSE", "Lampiran VI.b"),
    ("penanganan-masalah", "Penanganan masalah (error handling)", "Lampiran VI.c"),
    ("infrastruktur", "Pemeliharaan dan pengamanan infrastruktur SPSE", "Lampiran VI.d"),
    ("kinerja-kapasitas", "Pemeliharaan kinerja dan kapasitas SPSE", "Lampiran VI.e"),
    ("pengarsipan", "Pengarsipan dokumen elektronik (file back up)", "Lampiran VI.f"),
]


def pasang_kategori_wajib() -> None:
    from sop.models import Kategori

    for urutan, (kode, nama, butir) in enumerate(KATEGORI_WAJIB, start=1):
        Kategori.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "butir": butir, "wajib": True, "urutan": urutan}
        )
