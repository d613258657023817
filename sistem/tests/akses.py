"""Access table of the sistem URLs (see lpse_portal/tests/akses.py)."""

import datetime

from lpse_portal.tests.akses import Akses, hanya

PIMPINAN = ("admin_sistem", "pembina", "kepala_lpse", "sekretaris", "koordinator")
LIHAT = hanya(*PIMPINAN)
KELOLA = hanya("admin_sistem")
KELOLA_POST = hanya("admin_sistem", status=302)


def siapkan(cast: dict) -> dict:
    from django.utils import timezone

    from sistem import services
    from sistem.models import Cadangan

    oleh = cast["admin_sistem"]
    insiden = services.simpan_insiden(
        data={
            "judul": "Uji akses",
            "layanan": "spse",
            "tingkat": "rendah",
            "layanan_terhenti": False,
            "mulai": timezone.now() - datetime.timedelta(hours=1),
        },
        oleh=oleh,
    )
    aset = services.simpan_aset(
        data={"kode": "UJI-01", "nama": "Server uji", "jenis": "perangkat_keras", "pemilik": "Unit", "lokasi": "R1"},
        oleh=oleh,
    )
    instruksi = services.catat_instruksi(
        data={"nomor": "1/LKPP", "perihal": "Uji", "tanggal_diterima": timezone.localdate(), "isi": "Isi"}, oleh=oleh
    )
    # A Cadangan row stands in for a backup: the access check reads pages, it makes no backup.
    cadangan = Cadangan.objects.create(
        nama="lpse-uji-akses", dibuat_at=timezone.now(), manifest={"berkas": [], "lingkungan": "uji"}
    )
    return {"sis_insiden": insiden, "sis_aset": aset, "sis_instruksi": instruksi, "sis_cadangan": cadangan}


def _pk(kunci):
    return lambda o: {"pk": o[kunci].pk}


AKSES = {
    "sistem:cadangan_list": KELOLA,
    "sistem:cadangan_jalankan": Akses(KELOLA_POST, method="POST"),
    "sistem:cadangan_verifikasi": Akses(KELOLA_POST, method="POST"),
    "sistem:cadangan_detail": Akses(KELOLA, kwargs=_pk("sis_cadangan")),
    "sistem:cadangan_simpan": Akses(KELOLA_POST, kwargs=_pk("sis_cadangan"), method="POST", data={"simpan": "1"}),
    "sistem:kapasitas": KELOLA,
    "sistem:insiden_list": LIHAT,
    "sistem:insiden_create": KELOLA,
    "sistem:insiden_detail": Akses(LIHAT, kwargs=_pk("sis_insiden")),
    "sistem:insiden_update": Akses(KELOLA, kwargs=_pk("sis_insiden")),
    "sistem:insiden_selesaikan": Akses(KELOLA, kwargs=_pk("sis_insiden")),
    "sistem:insiden_lkpp": Akses(KELOLA, kwargs=_pk("sis_insiden")),
    "sistem:ketersediaan": LIHAT,
    "sistem:aset_list": LIHAT,
    "sistem:aset_create": KELOLA,
    "sistem:aset_detail": Akses(LIHAT, kwargs=_pk("sis_aset")),
    "sistem:aset_update": Akses(KELOLA, kwargs=_pk("sis_aset")),
    "sistem:pemeliharaan_create": Akses(KELOLA, kwargs=_pk("sis_aset")),
    "sistem:instruksi_list": LIHAT,
    "sistem:instruksi_create": KELOLA,
    "sistem:instruksi_detail": Akses(LIHAT, kwargs=_pk("sis_instruksi")),
    "sistem:instruksi_kerjakan": Akses(KELOLA_POST, kwargs=_pk("sis_instruksi"), method="POST"),
    "sistem:instruksi_selesaikan": Akses(KELOLA, kwargs=_pk("sis_instruksi")),
}
