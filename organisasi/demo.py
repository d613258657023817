"""Demo organisation: a person in every position of the Pergub, one login per role."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.models import Jabatan, Pegawai, Penugasan, User

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
    if stdout:
        stdout.write("Organisasi demo siap.")
    return login
