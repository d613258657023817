"""Access table of the sop URLs (see lpse_portal/tests/akses.py)."""

from lpse_portal.tests.akses import HANYA_STAF, PUBLIK, Akses, hanya

PENYUSUN = ("kepala_lpse", "sekretaris", "koordinator")


def siapkan(cast: dict) -> dict:
    from sop.tests import alur

    kepala, pembina = cast["kepala_lpse"], cast["pembina"]
    # SOP A (public, Unit Registrasi): v1.0 superseded, v1.1 current with a signed scan, v1.2 a draft.
    v10 = alur.disetujui(alur.draf(kepala, kode="AKSES-A"), kepala, pembina)
    v11 = alur.versi_baru(v10, kepala)
    from sop import services

    services.ubah_draf(
        versi_id=v11.pk,
        data={"alasan_perubahan": "Perubahan uji"},
        langkah=alur.LANGKAH,
        berkas_ttd=alur.pindaian(),
        oleh=kepala,
    )
    v11 = alur.disetujui(v11, kepala, pembina)
    v12 = alur.versi_baru(v11, kepala)
    return {
        "sop_a": v10.sop,
        "sop_a_berlaku": v11,
        "sop_a_draf": v12,
        "sop_b_ditinjau": alur.ditinjau(alur.draf(kepala, kode="AKSES-B"), kepala),
        "sop_c_diajukan": alur.diajukan(alur.draf(kepala, kode="AKSES-C"), kepala),
    }


def _sop(o):
    return {"pk": o["sop_a"].pk}


def _versi(nama):
    return lambda o: {"pk": o[nama].pk}


# POSTs answer 302 for allowed roles whether the step succeeds or the rule refuses it (message).
AKSES = {
    "sop:publik_list": PUBLIK,
    "sop:sop_detail": Akses(PUBLIK, kwargs=_sop),
    "sop:versi_banding": Akses(PUBLIK, kwargs=_sop),
    "sop:versi_detail": Akses(PUBLIK, kwargs=_versi("sop_a_berlaku")),
    "sop:versi_pdf": Akses(PUBLIK, kwargs=_versi("sop_a_berlaku")),
    "sop:versi_berkas": Akses(HANYA_STAF, kwargs=_versi("sop_a_berlaku")),
    "sop:sop_list": HANYA_STAF,
    "sop:cakupan": HANYA_STAF,
    "sop:tinjauan_list": HANYA_STAF,
    "sop:antrean": hanya(*PENYUSUN, "pembina"),
    "sop:sop_create": hanya(*PENYUSUN),
    "sop:sop_update": Akses(hanya(*PENYUSUN), kwargs=_sop),
    "sop:sop_tinjau": Akses(hanya("kepala_lpse"), kwargs=_sop),
    "sop:versi_create": Akses(hanya(*PENYUSUN), kwargs=_sop),
    "sop:versi_update": Akses(hanya(*PENYUSUN), kwargs=_versi("sop_a_draf")),
    "sop:versi_ajukan": Akses(hanya(*PENYUSUN, status=302), kwargs=_versi("sop_a_draf"), method="POST"),
    "sop:versi_teruskan": Akses(hanya("kepala_lpse", status=302), kwargs=_versi("sop_b_ditinjau"), method="POST"),
    "sop:versi_kembalikan": Akses(hanya("kepala_lpse", "pembina"), kwargs=_versi("sop_c_diajukan")),
    "sop:versi_setujui": Akses(hanya("pembina"), kwargs=_versi("sop_c_diajukan")),
    "sop:versi_batalkan": Akses(hanya(*PENYUSUN), kwargs=_versi("sop_a_draf")),
}
