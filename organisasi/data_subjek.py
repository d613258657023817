"""Personal data organisasi holds about a person (lpse_portal.data_subjek)."""

from django.db.models import Q

from organisasi.models import Pegawai, Penugasan, User


def kumpulkan(email: str) -> dict:
    akun = [
        {
            "nama_pengguna": u.username,
            "nama": u.nama,
            "email": u.email,
            "telepon": u.telepon,
            "aktif": u.is_active,
            "terdaftar": u.date_joined,
            "terakhir_masuk": u.last_login,
            "peran": sorted(u.groups.values_list("name", flat=True)),
        }
        for u in User.objects.filter(email__iexact=email)
    ]
    pegawai = list(Pegawai.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email)))
    return {
        "akun": akun,
        "pegawai": [
            {
                "nama": p.nama_lengkap,
                "status_kepegawaian": p.get_status_kepegawaian_display(),
                "nip": p.nip,
                "nik": p.nik,
                "pangkat_golongan": p.pangkat_golongan,
                "email": p.email,
                "telepon": p.telepon,
            }
            for p in pegawai
        ],
        "penugasan": [
            {
                "jabatan": str(t.jabatan),
                "nomor_sk": t.nomor_sk,
                "tmt_mulai": t.tmt_mulai,
                "tmt_selesai": t.tmt_selesai,
            }
            for t in Penugasan.objects.filter(pegawai__in=pegawai).select_related("jabatan").order_by("tmt_mulai")
        ],
    }
