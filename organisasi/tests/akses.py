"""Access table of the organisasi URLs (see lpse_portal/tests/akses.py)."""

from lpse_portal.tests.akses import HANYA_STAF, Akses, hanya

KELOLA = ("sekretaris", "pembina")


def siapkan(cast: dict) -> dict:
    from organisasi.models import Pegawai, Penugasan

    pegawai = Pegawai.objects.get(user=cast["layanan"])
    return {
        "org_pegawai": pegawai,
        "org_penugasan": Penugasan.objects.filter(pegawai=pegawai).first(),
        "org_pegawai_non_pns": Pegawai.objects.create(
            nama="Non PNS Uji", status_kepegawaian=Pegawai.Status.NON_PNS, nik="5271014506950003"
        ),
    }


def _pegawai(o):
    return {"pk": o["org_pegawai"].pk}


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
}
