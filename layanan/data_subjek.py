"""Personal data layanan holds about a person (lpse_portal.data_subjek): tickets they opened
and trainings they registered for."""

from django.db.models import Q

from layanan.models import PesertaPelatihan, Tiket


def kumpulkan(email: str) -> dict:
    return {
        "tiket": [
            {
                "nomor": t.nomor,
                "judul": t.judul,
                "status": t.get_status_display(),
                "nama_pelapor": t.nama_pelapor,
                "email_pelapor": t.email_pelapor,
                "telepon_pelapor": t.telepon_pelapor,
                "instansi_pelapor": t.instansi_pelapor,
                "dibuat": t.created_at,
            }
            for t in Tiket.objects.filter(Q(email_pelapor__iexact=email) | Q(pelapor__email__iexact=email)).order_by(
                "created_at", "pk"
            )
        ],
        "pelatihan": [
            {
                "pelatihan": str(p.pelatihan),
                "nama": p.nama,
                "email": p.email,
                "telepon": p.telepon,
                "instansi": p.instansi,
                "status": p.get_status_display(),
            }
            for p in PesertaPelatihan.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email))
            .select_related("pelatihan")
            .order_by("pk")
        ],
    }
