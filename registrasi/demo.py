"""Demo vendors in every registration state, officials and their requests, with small PDFs.

Built through the services (the e-mails go to the console in `make run`); idempotent: an
existing user ID is left as it is.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi.demo import KATA_SANDI_DEMO
from organisasi.models import User
from registrasi import services
from registrasi.models import (
    BentukUsaha,
    Dokumen,
    JenisDokumen,
    PejabatPengadaan,
    Pendaftaran,
    Penyedia,
    PerangkatDaerah,
    PermohonanPejabat,
)
from registrasi.services.pendaftaran import persyaratan_untuk

# (user ID, company, form of business, state)
PENYEDIA = [
    ("cv.rinjani", "CV Rinjani Konstruksi", "cv", "draf"),
    ("pt.sasak", "PT Sasak Teknologi Nusantara", "pt", "diajukan"),
    ("koperasi.tambora", "Koperasi Tambora Sejahtera", "koperasi", "diverifikasi"),
    ("cv.gili", "CV Gili Mandiri", "cv", "perlu_perbaikan"),
    ("pt.senggigi", "PT Senggigi Abadi", "pt", "disetujui"),
    ("ud.sumbawa", "UD Sumbawa Jaya", "perorangan", "disetujui"),
    ("firma.bima", "Firma Bima Karya", "firma", "ditolak"),
    ("cv.dompu", "CV Dompu Perkasa", "cv", "disetujui"),  # blacklisted below: user ID deactivated
]


def _npwp(n: int) -> str:
    from stdnum import luhn

    awal = f"02{n:06d}"
    return "0" + awal + luhn.calc_check_digit(awal) + "915000"


def _data(i: int, nama: str, bentuk: BentukUsaha) -> dict:
    nik = f"5201014{(i % 9) + 1}0885{i:04d}"[:16]
    return {
        "nama": nama,
        "bentuk_usaha": bentuk,
        "npwp": nik if bentuk.perorangan else _npwp(100 + i),
        "nib": f"81200{i:08d}",
        "alamat": f"Jl. Langko No. {10 + i}",
        "provinsi": "Nusa Tenggara Barat",
        "kabupaten_kota": ["Kota Mataram", "Lombok Barat", "Sumbawa", "Kota Bima"][i % 4],
        "kode_pos": "83121",
        "telepon": f"0370-62{i:04d}",
        "pj_nama": f"Demo Direktur {i}",
        "pj_nik": nik,
        "pj_jabatan": "Direktur" if not bentuk.perorangan else "Pemilik",
        "pj_adalah_pimpinan": True,
    }


def _pdf(judul: str, nama: str) -> ContentFile:
    return ContentFile(buat_pdf(judul, [nama, "Dokumen contoh untuk demo Portal LPSE"]), name="dokumen.pdf")


def _unggah(p: Pendaftaran) -> None:
    sampai = timezone.localdate() + datetime.timedelta(days=40)  # one reminder due in the demo
    for s in persyaratan_untuk(p.penyedia).filter(wajib=True):
        services.unggah_dokumen(
            pendaftaran_id=p.pk,
            jenis_id=s.jenis_id,
            berkas=_pdf(s.jenis.nama, p.penyedia.nama),
            nomor=f"{s.jenis.kode.upper()}/{p.pk}/2026" if s.jenis.minta_nomor else "",
            berlaku_sampai=sampai if s.jenis.minta_masa_berlaku else None,
            oleh=p.penyedia.user,
        )


def _sampai(p: Pendaftaran, status: str, verifikator: User) -> None:
    if status == "draf":
        return
    _unggah(p)
    services.ajukan_pendaftaran(pendaftaran_id=p.pk, oleh=p.penyedia.user)
    if status == "diajukan":
        return
    services.ambil_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)
    dokumen = list(p.dokumen_terkini())
    if status == "diverifikasi":
        services.periksa_dokumen(dokumen_id=dokumen[0].pk, hasil="valid", oleh=verifikator)
        return
    if status == "ditolak":
        services.tolak_pendaftaran(pendaftaran_id=p.pk, alasan="NIB tidak terdaftar di OSS (demo).", oleh=verifikator)
        return
    from registrasi.models import AlasanTidakValid

    for i, d in enumerate(dokumen):
        if status == "perlu_perbaikan" and i == 0:
            alasan = AlasanTidakValid.objects.get(kode="tidak-terbaca").pk
            services.periksa_dokumen(
                dokumen_id=d.pk, hasil="tidak_valid", alasan_id=alasan, catatan="Pindai ulang.", oleh=verifikator
            )
        else:
            services.periksa_dokumen(dokumen_id=d.pk, hasil="valid", oleh=verifikator)
    if status == "perlu_perbaikan":
        services.kembalikan_pendaftaran(pendaftaran_id=p.pk, catatan="Satu dokumen buram.", oleh=verifikator)
    else:
        services.setujui_pendaftaran(pendaftaran_id=p.pk, oleh=verifikator)


def _lengkapi_login_penyedia() -> None:
    """The organisation's demo login "penyedia" gets its vendor record (approved, documents in force)."""
    user = User.objects.filter(username="penyedia").first()
    if user is None or Penyedia.objects.filter(user=user).exists():
        return
    bentuk = BentukUsaha.objects.get(kode="cv")
    penyedia = Penyedia.objects.create(
        user=user,
        email=user.email,
        status=Penyedia.Status.AKTIF,
        aktif_sejak=timezone.now(),
        **_data(90, user.nama or "CV Demo Karya Mandiri", bentuk),
    )
    p = Pendaftaran.objects.create(penyedia=penyedia, status=Pendaftaran.Status.DISETUJUI, diputuskan_at=timezone.now())
    for versi_jenis in persyaratan_untuk(penyedia).filter(wajib=True):
        jenis: JenisDokumen = versi_jenis.jenis
        dok = Dokumen(
            penyedia=penyedia,
            pendaftaran=p,
            jenis=jenis,
            versi=1,
            nama_berkas=f"{jenis.kode}.pdf",
            tipe="pdf",
            nomor=f"{jenis.kode.upper()}/DEMO" if jenis.minta_nomor else "",
            berlaku_sampai=timezone.localdate() + datetime.timedelta(days=300) if jenis.minta_masa_berlaku else None,
            keadaan=Dokumen.Keadaan.BERLAKU,
            hasil=Dokumen.Hasil.VALID,
            diunggah_oleh=user,
        )
        isi = _pdf(jenis.nama, penyedia.nama)
        dok.ukuran = isi.size
        dok.berkas.save("dokumen.pdf", isi, save=False)
        dok.save()


def _lengkapi_login_ppk() -> None:
    user = User.objects.filter(username="ppk").first()
    if user is None or PejabatPengadaan.objects.filter(user=user).exists():
        return
    PejabatPengadaan.objects.create(
        user=user,
        nama=user.nama or "PPK Demo",
        nip="197805152005012003",
        sub_peran=PejabatPengadaan.SubPeran.PPK,
        perangkat_daerah=PerangkatDaerah.objects.get(kode="pupr"),
        jabatan="Pejabat Pembuat Komitmen",
        email=user.email,
    )


def data_permohonan_pejabat(username: str, *, perangkat_daerah: str, sub_peran: str) -> dict:
    pd = PerangkatDaerah.objects.get(kode=perangkat_daerah)
    return {
        "perangkat_daerah": pd,
        "pengaju_nama": f"Petugas {pd.singkatan}",
        "pengaju_jabatan": "Kepala Subbagian Umum",
        "pengaju_email": f"umum.{perangkat_daerah}@ntbprov.demo",
        "pengaju_telepon": "0370-600000",
        "nama": username.replace(".", " ").title(),
        "nip": "198203172008011002",
        "sub_peran": sub_peran,
        "jabatan": "",
        "email": f"{username}@ntbprov.demo",
        "telepon": "",
        "user_id": username,
        "nomor_sk": f"800/{username}/2026",
        "tanggal_sk": datetime.date(2026, 1, 5),
    }


def seed(stdout=None):
    verifikator = User.objects.get(username="verifikator")
    login = []
    for i, (username, nama, kode_bentuk, status) in enumerate(PENYEDIA, start=1):
        if User.objects.filter(username=username).exists():
            continue
        p = services.buat_pendaftaran(
            email=f"{username.replace('.', '-')}@usaha.demo",
            user_id=username,
            kata_sandi=KATA_SANDI_DEMO,
            data=_data(i, nama, BentukUsaha.objects.get(kode=kode_bentuk)),
        )
        _sampai(p, status, verifikator)
    login += [(u, KATA_SANDI_DEMO, "penyedia") for u, _, _, s in PENYEDIA if s == "disetujui" and u != "cv.dompu"]
    _lengkapi_login_penyedia()
    _lengkapi_login_ppk()
    if not PermohonanPejabat.objects.filter(user_id__in=["pokja.dikes", "auditor.inspektorat"]).exists():
        services.ajukan_permohonan_pejabat(
            data=data_permohonan_pejabat("pokja.dikes", perangkat_daerah="dikes", sub_peran="pokja_pemilihan"),
            berkas_sk=_pdf("SK Pokja Pemilihan", "Dinas Kesehatan"),
        )
        disetujui = services.ajukan_permohonan_pejabat(
            data=data_permohonan_pejabat("auditor.inspektorat", perangkat_daerah="inspektorat", sub_peran="auditor"),
            berkas_sk=_pdf("Surat Tugas Auditor", "Inspektorat"),
        )
        services.setujui_permohonan_pejabat(permohonan_id=disetujui.pk, oleh=verifikator)
    _sanksi(verifikator)
    if stdout:
        stdout.write("Registrasi demo siap: penyedia di setiap status, permohonan pejabat.")
    return login


def _sanksi(verifikator: User) -> None:
    """A sanction in force against a registered vendor (its user ID deactivated), one against a
    company not registered here, and a request waiting for the Unit; filed by the demo PPK."""
    from registrasi.models import JenisPelanggaran, SanksiDaftarHitam
    from registrasi.services import sanksi as layanan

    ppk = User.objects.filter(username="ppk").first()
    if ppk is None or SanksiDaftarHitam.objects.filter(nomor_sk__startswith="600/DEMO-").exists():
        return
    hari_ini = timezone.localdate()
    dompu = Penyedia.objects.get(user__username="cv.dompu")

    def data(n, nama, npwp, kode, nib=""):
        return {
            "nama_penyedia": nama,
            "npwp": npwp,
            "nib": nib,
            "jenis_pelanggaran": JenisPelanggaran.objects.get(kode=kode),
            "nomor_sk": f"600/DEMO-{n}/PUPR/2026",
            "tanggal_sk": hari_ini,
            "pa_kpa": "Kepala Dinas PUPR Provinsi NTB",
            "kode_paket": f"1001{n:04d}000",
        }

    permintaan = [
        layanan.ajukan_penonaktifan(
            data=data(1, dompu.nama, dompu.npwp, "tidak-melaksanakan-kontrak", dompu.nib),
            berkas_sk=_pdf("SK Penetapan Sanksi Daftar Hitam", dompu.nama),
            oleh=ppk,
        ),
        layanan.ajukan_penonaktifan(
            data=data(2, "PT Demo Tanpa Akun", _npwp(900), "dokumen-palsu"),
            berkas_sk=_pdf("SK Penetapan Sanksi Daftar Hitam", "PT Demo Tanpa Akun"),
            oleh=ppk,
        ),
    ]
    for p in permintaan:
        layanan.setujui_penonaktifan(permintaan_id=p.pk, oleh=verifikator)
    layanan.ajukan_penonaktifan(
        data=data(3, "CV Demo Menunggu", _npwp(901), "pemenang-mundur"),
        berkas_sk=_pdf("SK Penetapan Sanksi Daftar Hitam", "CV Demo Menunggu"),
        oleh=ppk,
    )
