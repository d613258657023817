"""Demo organisation: a person in every position of the Pergub, one login per role, and the
Sekretariat's programme of activities, letters with dispositions, allowance rates, and the
staff's periodic reports of the last three months."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.models import (
    DaftarTunjangan,
    DasarHukum,
    Jabatan,
    KlasifikasiSurat,
    Pegawai,
    PenomoranSurat,
    Penugasan,
    ProgramKegiatan,
    SuratMasuk,
    TarifTunjangan,
    Unit,
    User,
)

KATA_SANDI_DEMO = "Demo-LPSE-NTB-2026"

# username, nama, NIP (valid: birth date, appointment year-month, sex digit), jabatan, role shown
STAF = [
    ("pembina", "Dr. H. Lalu Demo Mustafa", "197003121995031002", "pembina", "pembina"),
    ("kepala", "Baiq Demo Rahmawati, S.Kom., M.T.", "197808152003122003", "kepala-lpse", "kepala_lpse"),
    ("sekretaris", "I Made Demo Suarjana, S.T.", "198201102006041004", "sekretaris", "sekretaris"),
    ("koord.sistem", "Muhammad Demo Hidayat, S.Kom.", "198505202009011005", "koordinator-adm-sistem", "koordinator"),
    ("admin.sistem", "Ahmad Demo Fauzi, A.Md.", "199002142015031006", "pelaksana-adm-sistem", "admin_sistem"),
    ("koord.registrasi", "Ni Luh Demo Ayu, S.E.", "198707072010122007", "koordinator-registrasi", "koordinator"),
    ("verifikator", "Lalu Demo Wiranata, S.H.", "199103252017081008", "pelaksana-registrasi", "verifikator"),
    ("koord.layanan", "Dewi Demo Lestari, S.Kom.", "198812012012032009", "koordinator-layanan", "koordinator"),
    ("layanan", "Rizki Demo Pratama, S.Kom.", "199406302019031010", "pelaksana-layanan", "layanan"),
]

# Accounts outside the organisation; their roles come from registration in production.
LUAR = [
    ("ppk", "Hj. Demo Nurhayati, S.E. (PPK Dinas PUPR)", "pejabat_pengadaan"),
    ("penyedia", "CV Demo Karya Mandiri", "penyedia"),
]


def _admin() -> User:
    user, dibuat = User.objects.get_or_create(
        username="admin",
        defaults={"nama": "Administrator Portal", "email": "admin@lpse.demo", "is_staff": True, "is_superuser": True},
    )
    if dibuat:
        user.set_password(KATA_SANDI_DEMO)
        user.save(update_fields=["password"])
    return user


def _user(username: str, nama: str) -> User:
    user, dibuat = User.objects.get_or_create(
        username=username, defaults={"nama": nama, "email": f"{username}@lpse.demo"}
    )
    if dibuat:
        user.set_password(KATA_SANDI_DEMO)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def seed(stdout=None):
    admin = _admin()
    login = [("admin", KATA_SANDI_DEMO, "superuser")]
    tmt = datetime.date(2025, 1, 2)
    for username, nama, nip, kode_jabatan, peran in STAF:
        user = _user(username, nama)
        pegawai, _ = Pegawai.objects.get_or_create(
            nip=nip,
            defaults={"nama": nama, "status_kepegawaian": Pegawai.Status.PNS, "email": user.email, "user": user},
        )
        jabatan = Jabatan.objects.get(kode=kode_jabatan)
        if not Penugasan.objects.filter(pegawai=pegawai, jabatan=jabatan).exists():
            nomor = f"800/{pegawai.pk:03d}/DEMO/2025"
            services.angkat_pegawai(
                pegawai_id=pegawai.pk,
                jabatan_id=jabatan.pk,
                nomor_sk=nomor,
                tanggal_sk=datetime.date(2024, 12, 20),
                penetap=jabatan.penetap_wajib,
                tmt_mulai=tmt,
                berkas_sk=ContentFile(buat_pdf("SK Penugasan (demo)", [nomor, nama, jabatan.nama]), name="sk.pdf"),
                oleh=admin,
            )
        login.append((username, KATA_SANDI_DEMO, peran))
    # A non-PNS pelaksana without account, so the staff list shows both kinds.
    Pegawai.objects.get_or_create(
        nik="5271014506950003",
        defaults={"nama": "Sri Demo Wahyuni", "status_kepegawaian": Pegawai.Status.NON_PNS},
    )
    for username, nama, peran in LUAR:
        user = _user(username, nama)
        user.groups.add(Group.objects.get(name=peran))
        login.append((username, KATA_SANDI_DEMO, peran))
    sekretariat(admin)
    if stdout:
        stdout.write("Organisasi demo siap (dengan program kegiatan, surat dan tunjangan).")
    return login


# --- the Sekretariat's administration: programme, letters, allowances ---------------------------


def _pdf(judul: str, *baris: str) -> ContentFile:
    return ContentFile(buat_pdf(judul, list(baris)), name="demo.pdf")


def sekretariat(admin: User) -> None:
    """Demo data of the Sekretariat, each piece created only when missing."""
    sekretaris = User.objects.get(username="sekretaris")
    kepala = User.objects.get(username="kepala")
    _program(sekretaris)
    _surat(sekretaris, kepala)
    _tunjangan(sekretaris, kepala)
    _laporan_berkala()


def _program(sekretaris: User) -> None:
    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    if ProgramKegiatan.objects.filter(tahun=tahun).exists():
        return
    program = services.simpan_program(
        data={"tahun": tahun, "nama": "Program Penyelenggaraan LPSE", "keterangan": "Contoh program kegiatan (demo)."},
        oleh=sekretaris,
    )
    unit = {u.kode: u for u in Unit.objects.all()}
    kegiatan = [
        (
            "1.1",
            "Registrasi dan verifikasi pengguna SPSE",
            "registrasi",
            45_000_000,
            [
                ("Penyedia terverifikasi", "penyedia", (40, 40, 40, 40), "registrasi.penyedia_diverifikasi"),
            ],
        ),
        (
            "1.2",
            "Pelatihan penggunaan SPSE",
            "layanan",
            120_000_000,
            [
                ("Pelatihan terselenggara", "kali", (1, 2, 2, 1), "layanan.pelatihan_terselenggara"),
                ("Tiket bantuan diselesaikan", "tiket", (150, 150, 150, 150), "layanan.tiket_selesai"),
            ],
        ),
        (
            "1.3",
            "Pemeliharaan infrastruktur SPSE",
            "adm-sistem",
            250_000_000,
            [
                ("Cadangan terverifikasi", "kali", (12, 13, 13, 13), "sistem.cadangan_terverifikasi"),
            ],
        ),
        (
            "1.4",
            "Evaluasi dan pelaporan kegiatan LPSE",
            "sekretariat",
            30_000_000,
            [
                ("Laporan triwulanan disampaikan", "laporan", (1, 1, 1, 1), ""),
            ],
        ),
    ]
    for urutan, (kode, nama, kode_unit, pagu, target_list) in enumerate(kegiatan, start=1):
        k = services.simpan_kegiatan(
            program_id=program.pk,
            data={
                "kode": kode,
                "nama": nama,
                "unit": unit[kode_unit],
                "pagu": Decimal(pagu),
                "jadwal_mulai": datetime.date(tahun, 1, 2),
                "jadwal_selesai": datetime.date(tahun, 12, 31),
                "urutan": urutan,
            },
            oleh=sekretaris,
        )
        for i, (indikator, satuan, nilai, sumber) in enumerate(target_list):
            t = services.simpan_target(
                kegiatan_id=k.pk,
                data={
                    "indikator": indikator,
                    "satuan": satuan,
                    **{f"target_tw{tw}": Decimal(n) for tw, n in enumerate(nilai, start=1)},
                    "sumber_otomatis": sumber,
                    "urutan": i,
                },
                oleh=sekretaris,
            )
            # Ended quarters get a realisation around the target, so the evaluation shows colours.
            for tw in range(1, 5):
                if not program.triwulan_berakhir(tw, hari_ini):
                    break
                faktor = Decimal(("1.05", "0.8", "0.6", "1")[(urutan + tw) % 4])
                services.isi_realisasi(
                    target_id=t.pk,
                    triwulan=tw,
                    nilai=(t.target_triwulan(tw) * faktor).quantize(Decimal(1)),
                    bukti=_pdf("Bukti realisasi (demo)", indikator, f"Triwulan {tw}"),
                    keterangan="Contoh (demo).",
                    oleh=sekretaris,
                )


KLASIFIKASI_DEMO = [
    ("000", "Umum"),
    ("005", "Undangan"),
    ("027", "Pengadaan"),
    ("800", "Kepegawaian"),
    ("900", "Keuangan"),
]


def _surat(sekretaris: User, kepala: User) -> None:
    hari_ini = timezone.localdate()
    klas = {}
    for kode, nama in KLASIFIKASI_DEMO:
        klas[kode], _dibuat = KlasifikasiSurat.objects.get_or_create(kode=kode, defaults={"nama": nama})
    PenomoranSurat.objects.get_or_create(
        tahun=hari_ini.year, klasifikasi=None, defaults={"pola": "{klasifikasi}/{nomor:03}/LPSE-NTB/{tahun}"}
    )
    PenomoranSurat.objects.get_or_create(
        tahun=hari_ini.year,
        klasifikasi=klas["027"],
        defaults={"pola": "{klasifikasi}/{nomor}/LPSE-NTB/{bulan_romawi}/{tahun}"},
    )
    if SuratMasuk.objects.filter(pengirim__startswith="Direktorat Pengembangan SPSE").exists():
        return
    unit = {u.kode: u for u in Unit.objects.all()}
    kemarin = hari_ini - datetime.timedelta(days=3)
    contoh = [
        # (pengirim, nomor, perihal, klasifikasi, kerahasiaan, disposisi ke unit, instruksi, tindak lanjut, tutup)
        (
            "Direktorat Pengembangan SPSE, LKPP",
            "12345/D.3.2/DEMO",
            "Pemberitahuan pembaruan SPSE versi 4.5 (demo)",
            "027",
            "biasa",
            "adm-sistem",
            "Jadwalkan pembaruan di luar jam kerja dan laporkan hasilnya.",
            "Pembaruan dijadwalkan Sabtu pukul 20.00 WITA; uji coba pasca-pembaruan disiapkan.",
            True,
        ),
        (
            "Biro Pengadaan Barang/Jasa Setda Provinsi NTB",
            "027/88/BPBJ/DEMO",
            "Permohonan pelatihan SPSE bagi Pokja Pemilihan (demo)",
            "005",
            "biasa",
            "layanan",
            "Siapkan jadwal dan materi pelatihan; koordinasikan dengan Biro.",
            "Draf jadwal pelatihan disusun untuk dua angkatan.",
            False,
        ),
        (
            "Inspektorat Provinsi NTB",
            "700/15/INSP/DEMO",
            "Permintaan data untuk audit kinerja (demo, rahasia)",
            "000",
            "rahasia",
            "sekretariat",
            "Siapkan data yang diminta; serahkan melalui Sekretaris.",
            "",
            False,
        ),
        (
            "Dinas PUPR Provinsi NTB",
            "600/210/PUPR/DEMO",
            "Undangan rapat koordinasi pengadaan (demo)",
            "005",
            "biasa",
            None,
            "",
            "",
            False,
        ),
    ]
    for pengirim, nomor, perihal, kode, rahasia, kode_unit, instruksi, tindak_lanjut, tutup in contoh:
        surat = services.catat_surat_masuk(
            data={
                "nomor_surat": nomor,
                "tanggal_surat": kemarin - datetime.timedelta(days=2),
                "tanggal_diterima": kemarin,
                "pengirim": pengirim,
                "perihal": perihal,
                "klasifikasi": klas[kode],
                "kerahasiaan": rahasia,
            },
            berkas=_pdf("Surat (demo)", pengirim, nomor, perihal),
            oleh=sekretaris,
        )
        if not kode_unit:
            continue
        (disposisi,) = services.buat_disposisi(
            surat_id=surat.pk,
            unit_ids=[unit[kode_unit].pk],
            instruksi=instruksi,
            batas_waktu=hari_ini + datetime.timedelta(days=7),
            oleh=kepala,
        )
        if tindak_lanjut:
            pelapor = User.objects.filter(
                pegawai__penugasan__in=Penugasan.objects.aktif().filter(jabatan__unit=unit[kode_unit])
            ).first()
            services.tindak_lanjuti_disposisi(disposisi_id=disposisi.pk, isi=tindak_lanjut, oleh=pelapor)
        if tutup:
            services.selesaikan_disposisi(disposisi_id=disposisi.pk, catatan="Selesai (demo).", oleh=kepala)
    lkpp = SuratMasuk.objects.get(nomor_surat="12345/D.3.2/DEMO")
    services.buat_surat_keluar(
        data={
            "tanggal_surat": hari_ini,
            "klasifikasi": klas["027"],
            "tujuan": "Direktur Pengembangan SPSE, LKPP",
            "perihal": "Laporan pelaksanaan pembaruan SPSE (demo)",
            "balasan_atas": lkpp,
        },
        berkas_ttd=_pdf("Surat keluar bertanda tangan (demo)"),
        oleh=sekretaris,
    )
    services.buat_surat_keluar(
        data={
            "tanggal_surat": hari_ini,
            "klasifikasi": klas["005"],
            "tujuan": "Para Kepala Biro dan Kepala Perangkat Daerah Provinsi NTB",
            "perihal": "Undangan sosialisasi SPSE versi 4.5 (demo)",
        },
        oleh=sekretaris,
    )


def _tunjangan(sekretaris: User, kepala: User) -> None:
    dasar, _dibuat = DasarHukum.objects.get_or_create(
        jenis=DasarHukum.Jenis.KEPGUB,
        nomor="DEMO-027/2026",
        defaults={
            "tanggal": datetime.date(2025, 12, 15),
            "tentang": "Honorarium Pengelola LPSE Provinsi NTB (contoh untuk demo, bukan keputusan sungguhan)",
        },
    )
    # Demo amounts only: real amounts come from the decree the finance office applies.
    besaran = {
        "pembina": 1_500_000,
        "kepala-lpse": 1_250_000,
        "sekretaris": 1_000_000,
        "koordinator-adm-sistem": 900_000,
        "koordinator-registrasi": 900_000,
        "koordinator-layanan": 900_000,
        "pelaksana-adm-sistem": 750_000,
        "pelaksana-registrasi": 750_000,
        "pelaksana-layanan": 750_000,
    }
    mulai = datetime.date(2025, 1, 1)
    for kode, jumlah in besaran.items():
        jabatan = Jabatan.objects.get(kode=kode)
        if not TarifTunjangan.objects.filter(jabatan=jabatan).exists():
            services.catat_tarif(
                jabatan_id=jabatan.pk,
                besaran=Decimal(jumlah),
                berlaku_mulai=mulai,
                dasar_hukum_id=dasar.pk,
                oleh=sekretaris,
            )
    hari_ini = timezone.localdate()
    bulan_lalu = hari_ini.replace(day=1) - datetime.timedelta(days=1)
    dua_bulan_lalu = bulan_lalu.replace(day=1) - datetime.timedelta(days=1)
    if not DaftarTunjangan.objects.filter(tahun=dua_bulan_lalu.year, bulan=dua_bulan_lalu.month).exists():
        daftar = services.susun_daftar_tunjangan(tahun=dua_bulan_lalu.year, bulan=dua_bulan_lalu.month, oleh=sekretaris)
        services.ajukan_daftar_tunjangan(daftar_id=daftar.pk, oleh=sekretaris)
        services.setujui_daftar_tunjangan(daftar_id=daftar.pk, oleh=kepala)
    if not DaftarTunjangan.objects.filter(tahun=bulan_lalu.year, bulan=bulan_lalu.month).exists():
        services.susun_daftar_tunjangan(tahun=bulan_lalu.year, bulan=bulan_lalu.month, oleh=sekretaris)


# --- staff periodic reports (Lampiran V.5–6) ---------------------------------------------------

ISI_LAPORAN = {
    "adm-sistem": (
        "Pemantauan server SPSE, pembaruan sistem operasi, pencadangan harian.",
        "Ketersediaan layanan 99,8%; semua cadangan terverifikasi.",
        "Satu gangguan jaringan 40 menit akibat pemadaman listrik.",
        "Uji pemulihan cadangan dan penggantian UPS.",
    ),
    "registrasi": (
        "Verifikasi dokumen pendaftaran penyedia dan aktivasi User ID.",
        "38 pendaftaran disetujui, 4 dikembalikan untuk perbaikan.",
        "Pindaian dokumen penyedia sering tidak terbaca.",
        "Menyusun panduan unggah dokumen bagi penyedia.",
    ),
    "layanan": (
        "Menjawab konsultasi helpdesk dan menyelenggarakan pelatihan SPSE.",
        "126 tiket selesai; satu pelatihan dengan 30 peserta.",
        "Tidak ada.",
        "Pelatihan bagi Pokja Pemilihan perangkat daerah.",
    ),
    "kepala": (
        "Memimpin operasional harian LPSE dan rapat koordinasi unit.",
        "Seluruh unit menjalankan programnya sesuai jadwal.",
        "Kebutuhan tambahan verifikator pada musim tender.",
        "Mengusulkan penambahan pelaksana Unit Registrasi.",
    ),
    "sekretariat": (
        "Ketatausahaan, agenda surat, dan pengendalian program kegiatan.",
        "Semua surat masuk didisposisi paling lama dua hari kerja.",
        "Tidak ada.",
        "Evaluasi triwulanan program kegiatan.",
    ),
}


def _laporan_berkala() -> None:
    """Reports of the last three months: most accepted; the verifikator's latest returned with
    a note; the Unit Administrasi Sistem coordinator's latest waiting for review; and the
    layanan pelaksana's report of two months ago never submitted, so it is overdue."""
    from organisasi.models import AturanLaporanBerkala, LaporanBerkala
    from organisasi.models.laporan_berkala import Periode

    hari_ini = timezone.localdate()
    aturan = AturanLaporanBerkala.berlaku()
    terakhir = aturan.periode(hari_ini).sebelumnya()
    periode = [terakhir.sebelumnya().sebelumnya(), terakhir.sebelumnya(), terakhir]
    # The demo starts its obligations three periods back (a fresh install starts today).
    if aturan.wajib_mulai > periode[0].mulai:
        AturanLaporanBerkala.objects.update_or_create(
            pk=1, defaults={"wajib_mulai": periode[0].mulai, "jenis_periode": aturan.jenis_periode}
        )
    pemegang = {
        p.jabatan_id: p.pegawai.user
        for p in Penugasan.objects.aktif().select_related("pegawai__user").filter(pegawai__user__isnull=False)
    }
    for username, _nama, _nip, kode_jabatan, _peran in STAF:
        user = User.objects.get(username=username)
        jabatan = Jabatan.objects.select_related("unit").get(kode=kode_jabatan)
        if jabatan.atasan_id is None:
            continue
        kegiatan, hasil, masalah, rencana = ISI_LAPORAN.get(jabatan.unit.kode, ISI_LAPORAN["sekretariat"])
        for p in periode:
            if LaporanBerkala.objects.filter(pegawai__user=user, jabatan=jabatan, periode_mulai=p.mulai).exists():
                continue
            if username == "layanan" and p == periode[1]:
                continue  # overdue
            laporan = services.simpan_draf(
                oleh=user,
                jabatan_id=jabatan.pk,
                periode=Periode.memuat(p.mulai, p.jenis).kode,
                kegiatan=kegiatan,
                hasil=hasil,
                masalah=masalah,
                rencana=rencana,
            )
            services.ajukan_laporan(laporan_id=laporan.pk, oleh=user)
            terbaru = p == terakhir
            if terbaru and username == "koord.sistem":
                continue  # waiting for the Kepala LPSE
            peninjau = pemegang[jabatan.atasan_id]
            if terbaru and username == "verifikator":
                services.kembalikan_laporan(
                    laporan_id=laporan.pk,
                    catatan="Sebutkan jumlah pendaftaran yang ditolak dan alasannya.",
                    oleh=peninjau,
                )
            else:
                services.terima_laporan(laporan_id=laporan.pk, oleh=peninjau)
