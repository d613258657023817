"""Access table of the organisasi URLs (see lpse_portal/tests/akses.py)."""

from lpse_portal.tests.akses import HANYA_STAF, Akses, hanya

KELOLA = ("sekretaris", "pembina")
SEKRETARIAT = ("sekretaris", "kepala_lpse")
TUNJANGAN = ("sekretaris", "kepala_lpse", "pembina")
# A confidential letter: its handlers see it, every other staff role gets 404 as if it did not exist.
RAHASIA = {"anonim": 302, "sekretaris": 200, "kepala_lpse": 200, "penyedia": 403, "pejabat_pengadaan": 403, "*": 404}


class Malas:
    """A sample object built on first use (the access test builds them all once per app,
    before its savepoints; see lpse_portal/tests/test_access.py)."""

    def __init__(self, buat):
        self._buat = buat
        self._objek = None

    @property
    def nyata(self):
        if self._objek is None:
            self._objek = self._buat()
        return self._objek

    def __getattr__(self, nama):
        return getattr(self.nyata, nama)


def siapkan(cast: dict) -> dict:
    import datetime

    from django.utils import timezone

    from organisasi import services
    from organisasi.models import Jabatan, Pegawai, PenomoranSurat, Penugasan
    from organisasi.tests import sekretariat_data as s

    pegawai = Pegawai.objects.get(user=cast["layanan"])
    sekretaris, kepala = cast["sekretaris"], cast["kepala_lpse"]
    o: dict = {}

    def realisasi():
        return services.isi_realisasi(
            target_id=o["sek_target"].pk, triwulan=1, nilai=8, bukti=s.berkas(), oleh=sekretaris
        )

    def tindak_lanjut():
        return services.tindak_lanjuti_disposisi(
            disposisi_id=o["sek_disposisi"].pk, isi="Sudah ditangani.", berkas=s.berkas(), oleh=cast["koordinator"]
        )

    def laporan_berkala():
        # The verifikator's report of last month, submitted with an attachment: its author, the
        # coordinator of the Unit Registrasi and the roll-up roles see it; other staff get 404.
        from organisasi.tests import laporan_berkala_data as lb

        bulan_lalu = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
        lb.atur(wajib_mulai=datetime.date(bulan_lalu.year, 1, 1))
        laporan = services.simpan_draf(
            oleh=cast["verifikator"],
            jabatan_id=Jabatan.objects.get(kode="pelaksana-registrasi").pk,
            periode=f"{bulan_lalu:%Y-%m}",
            lampiran=lb.lampiran(),
            **lb.ISI,
        )
        return services.ajukan_laporan(laporan_id=laporan.pk, oleh=cast["verifikator"])

    def daftar():
        bulan_lalu = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
        return services.susun_daftar_tunjangan(tahun=bulan_lalu.year, bulan=bulan_lalu.month, oleh=sekretaris)

    o.update(
        {
            "org_pegawai": pegawai,
            "org_penugasan": Penugasan.objects.filter(pegawai=pegawai).first(),
            "org_pegawai_non_pns": Pegawai.objects.create(
                nama="Non PNS Uji", status_kepegawaian=Pegawai.Status.NON_PNS, nik="5271014506950003"
            ),
            "sek_program": Malas(lambda: s.program(sekretaris)),
            "sek_kegiatan": Malas(lambda: s.kegiatan(o["sek_program"].nyata, sekretaris)),
            "sek_target": Malas(lambda: s.target(o["sek_kegiatan"].nyata, sekretaris)),
            "sek_realisasi": Malas(realisasi),
            "sek_surat_masuk": Malas(lambda: s.surat_masuk(sekretaris)),
            "sek_surat_masuk_rahasia": Malas(lambda: s.surat_masuk(sekretaris, rahasia=True)),
            "sek_disposisi": Malas(lambda: s.disposisi_ke_unit(o["sek_surat_masuk"].nyata, kepala)),
            "sek_tindak_lanjut": Malas(tindak_lanjut),
            "sek_surat_keluar": Malas(lambda: s.surat_keluar(sekretaris)),
            "sek_surat_keluar_ttd": Malas(lambda: s.surat_keluar(sekretaris, bertanda_tangan=True)),
            "sek_surat_keluar_rahasia": Malas(lambda: s.surat_keluar(sekretaris, rahasia=True)),
            # An outgoing letter may already have opened 2026's general sequence.
            "sek_penomoran": Malas(
                lambda: (
                    PenomoranSurat.objects.filter(tahun=2026, klasifikasi=None).first()
                    or services.simpan_penomoran(tahun=2026, pola="{nomor}/{tahun}", oleh=sekretaris)
                )
            ),
            "sek_dasar_hukum": Malas(lambda: s.dasar_hukum(sekretaris, dengan_berkas=True)),
            "sek_tarif": Malas(lambda: s.tarif(sekretaris, "pelaksana-layanan", 750_000, datetime.date(2025, 1, 1))),
            "sek_daftar": Malas(daftar),
            "lb_laporan": Malas(laporan_berkala),
            "lb_jabatan": Jabatan.objects.get(kode="pelaksana-registrasi"),
        }
    )
    return o


# Staff periodic reports: outsiders have no staff record (403); a report outside one's own or
# one's subordinates' does not exist (404).
LB_STAF = {"anonim": 302, "penyedia": 403, "pejabat_pengadaan": 403}
LB_LIHAT = {
    **LB_STAF,
    **dict.fromkeys(("verifikator", "koordinator", "pembina", "kepala_lpse", "sekretaris"), 200),
    "*": 404,
}
LB_AKSI = {
    **LB_STAF,
    **dict.fromkeys(("verifikator", "koordinator", "pembina", "kepala_lpse", "sekretaris"), 302),
    "*": 404,
}
ROLLUP = ("pembina", "kepala_lpse", "sekretaris")


def _periode_berjalan(o):
    from django.utils import timezone

    return {"jabatan_pk": o["lb_jabatan"].pk, "periode": f"{timezone.localdate():%Y-%m}"}


def _pegawai(o):
    return {"pk": o["org_pegawai"].pk}


def _pk(kunci):
    return lambda o: {"pk": o[kunci].pk}


def _post(harapan, kunci):
    return Akses(harapan, kwargs=_pk(kunci), method="POST")


AKSES = {
    "organisasi:bagan": HANYA_STAF,
    "organisasi:pegawai_list": HANYA_STAF,
    "organisasi:pegawai_detail": Akses(HANYA_STAF, kwargs=_pegawai),
    "organisasi:pegawai_create": hanya(*KELOLA),
    "organisasi:pegawai_update": Akses(hanya(*KELOLA), kwargs=_pegawai),
    "organisasi:pegawai_nik": Akses(hanya(*KELOLA), kwargs=lambda o: {"pk": o["org_pegawai_non_pns"].pk}),
    "organisasi:pegawai_akun": Akses(hanya(*KELOLA), kwargs=lambda o: {"pk": o["org_pegawai_non_pns"].pk}),
    "organisasi:kualifikasi_create": Akses(hanya(*KELOLA), kwargs=_pegawai),
    "organisasi:riwayat_create": Akses(hanya(*KELOLA), kwargs=_pegawai),
    "organisasi:penugasan_create": hanya(*KELOLA),
    "organisasi:penugasan_akhiri": Akses(hanya(*KELOLA), kwargs=lambda o: {"pk": o["org_penugasan"].pk}),
    "organisasi:penugasan_berkas": Akses(HANYA_STAF, kwargs=lambda o: {"pk": o["org_penugasan"].pk, "jenis": "sk"}),
    # Programme of activities.
    "organisasi:program_list": HANYA_STAF,
    "organisasi:program_create": hanya(*SEKRETARIAT),
    "organisasi:program_detail": Akses(HANYA_STAF, kwargs=_pk("sek_program")),
    "organisasi:program_update": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_program")),
    "organisasi:program_evaluasi": Akses(HANYA_STAF, kwargs=_pk("sek_program")),
    "organisasi:program_ekspor": Akses(HANYA_STAF, kwargs=lambda o: {"pk": o["sek_program"].pk, "format": "xlsx"}),
    "organisasi:kegiatan_create": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_program")),
    "organisasi:kegiatan_update": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_kegiatan")),
    "organisasi:target_create": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_kegiatan")),
    "organisasi:target_update": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_target")),
    # The activity belongs to the Unit Registrasi: its coordinator enters the realisation.
    "organisasi:realisasi_create": Akses(
        hanya(*SEKRETARIAT, "koordinator"), kwargs=lambda o: {"pk": o["sek_target"].pk, "triwulan": 1}
    ),
    "organisasi:realisasi_bukti": Akses(HANYA_STAF, kwargs=_pk("sek_realisasi")),
    # Correspondence.
    "organisasi:surat_masuk_list": HANYA_STAF,
    "organisasi:surat_masuk_create": hanya(*SEKRETARIAT),
    "organisasi:surat_masuk_detail": Akses(RAHASIA, kwargs=_pk("sek_surat_masuk_rahasia")),
    "organisasi:surat_masuk_berkas": Akses(RAHASIA, kwargs=_pk("sek_surat_masuk_rahasia")),
    "organisasi:surat_masuk_arsipkan": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_surat_masuk_rahasia")),
    "organisasi:disposisi_create": Akses(hanya("kepala_lpse"), kwargs=_pk("sek_surat_masuk")),
    "organisasi:disposisi_list": HANYA_STAF,
    # Disposed to the Unit Registrasi: its coordinator and pelaksana report; nobody else.
    "organisasi:disposisi_tindaklanjut": Akses(
        {"anonim": 302, "koordinator": 200, "verifikator": 200, "penyedia": 403, "pejabat_pengadaan": 403, "*": 404},
        kwargs=_pk("sek_disposisi"),
    ),
    "organisasi:disposisi_selesai": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_disposisi")),
    "organisasi:tindaklanjut_berkas": Akses(HANYA_STAF, kwargs=_pk("sek_tindak_lanjut")),
    "organisasi:surat_keluar_list": HANYA_STAF,
    "organisasi:surat_keluar_create": hanya(*SEKRETARIAT),
    "organisasi:surat_keluar_detail": Akses(RAHASIA, kwargs=_pk("sek_surat_keluar_rahasia")),
    "organisasi:surat_keluar_berkas": Akses(HANYA_STAF, kwargs=_pk("sek_surat_keluar_ttd")),
    "organisasi:surat_keluar_unggah": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_surat_keluar")),
    "organisasi:surat_keluar_batal": Akses(hanya(*SEKRETARIAT), kwargs=_pk("sek_surat_keluar")),
    "organisasi:tautan_create": Akses(
        hanya(*SEKRETARIAT), kwargs=lambda o: {"arah": "masuk", "pk": o["sek_surat_masuk"].pk}
    ),
    # A link that does not exist: whoever passes the permission gate gets 404, the rest 403.
    "organisasi:tautan_delete": Akses(hanya(*SEKRETARIAT, status=404), kwargs=lambda o: {"pk": 999999}, method="POST"),
    "organisasi:penomoran_list": hanya("sekretaris"),
    "organisasi:penomoran_create": hanya("sekretaris"),
    "organisasi:penomoran_update": Akses(hanya("sekretaris"), kwargs=_pk("sek_penomoran")),
    "organisasi:klasifikasi_create": hanya("sekretaris"),
    # Allowances.
    "organisasi:daftar_list": hanya(*TUNJANGAN),
    "organisasi:daftar_create": hanya("sekretaris"),
    "organisasi:daftar_detail": Akses(hanya(*TUNJANGAN), kwargs=_pk("sek_daftar")),
    "organisasi:daftar_hitung": _post(hanya("sekretaris", status=302), "sek_daftar"),
    "organisasi:daftar_ajukan": _post(hanya("sekretaris", status=302), "sek_daftar"),
    "organisasi:daftar_setujui": _post(hanya("kepala_lpse", status=302), "sek_daftar"),
    "organisasi:daftar_kembalikan": _post(hanya("kepala_lpse", status=302), "sek_daftar"),
    "organisasi:daftar_ekspor": Akses(hanya(*TUNJANGAN), kwargs=lambda o: {"pk": o["sek_daftar"].pk, "format": "xlsx"}),
    "organisasi:tarif_list": hanya(*TUNJANGAN),
    "organisasi:tarif_create": hanya("sekretaris"),
    "organisasi:tarif_akhiri": Akses(hanya("sekretaris"), kwargs=_pk("sek_tarif")),
    "organisasi:dasarhukum_create": hanya("sekretaris"),
    "organisasi:dasarhukum_berkas": Akses(hanya(*TUNJANGAN), kwargs=_pk("sek_dasar_hukum")),
    # Staff periodic reports.
    "organisasi:laporan_berkala_saya": HANYA_STAF,
    "organisasi:laporan_berkala_tinjau": HANYA_STAF,
    # Only the verifikator holds the Unit Registrasi's pelaksana position.
    "organisasi:laporan_berkala_isi": Akses({**LB_STAF, "verifikator": 200, "*": 404}, kwargs=_periode_berjalan),
    "organisasi:laporan_berkala_detail": Akses(LB_LIHAT, kwargs=_pk("lb_laporan")),
    "organisasi:laporan_berkala_lampiran": Akses(LB_LIHAT, kwargs=_pk("lb_laporan")),
    # Whoever sees the report may try; the service answers the ones it refuses with a message.
    "organisasi:laporan_berkala_ajukan": _post(LB_AKSI, "lb_laporan"),
    "organisasi:laporan_berkala_terima": _post(LB_AKSI, "lb_laporan"),
    "organisasi:laporan_berkala_kembalikan": Akses(
        LB_AKSI, kwargs=_pk("lb_laporan"), method="POST", data={"catatan": "Lengkapi angkanya."}
    ),
    "organisasi:laporan_berkala_rekap": hanya(*ROLLUP),
    "organisasi:laporan_berkala_rekap_ekspor": Akses(hanya(*ROLLUP), kwargs=lambda o: {"format": "csv"}),
}
