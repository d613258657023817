"""Open data (issue 7.5): aggregate figures of the LPSE for the public home page and for
download as CSV and JSON. Counts only, never a name, NIK, NPWP or e-mail.

The year figures reuse the functions the Sekretariat's programme reads (registrasi.angka,
layanan.angka), so the portal gives one number for one question.

JSON shape (`/laporan/data-terbuka/statistik.json`), documented on the open-data page:

    {
      "judul": str, "penerbit": str, "tahun": int,
      "dihitung_pada": ISO 8601 with offset (WITA),
      "kolom": ["kode", "label", "nilai", "periode"],
      "statistik": [{"kode": str, "label": str, "nilai": int, "periode": str}, ...]
    }

CSV: UTF-8, comma-separated, a header row `kode,label,nilai,periode`, then one row per figure
in the fixed order of `STATISTIK` (the same order as the JSON list).
"""

import csv
import datetime
import io
import json

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from laporan import cache_dasbor

KOLOM = ["kode", "label", "nilai", "periode"]

# (code, label, period kind) in the published order; the code is the stable column key.
STATISTIK = [
    ("penyedia_aktif", gettext_lazy("Penyedia dengan User ID aktif"), "kini"),
    ("pendaftaran_disetujui_tahun_ini", gettext_lazy("Pendaftaran penyedia terverifikasi dan disetujui"), "tahun"),
    ("tiket_diselesaikan_tahun_ini", gettext_lazy("Tiket layanan yang diselesaikan"), "tahun"),
    ("pelatihan_terselenggara_tahun_ini", gettext_lazy("Pelatihan yang terselenggara"), "tahun"),
    ("sop_terbit", gettext_lazy("SOP berlaku yang diterbitkan untuk publik"), "kini"),
    ("daftar_hitam_aktif", gettext_lazy("Sanksi daftar hitam yang berlaku"), "kini"),
]


def hitung(hari_ini: datetime.date) -> dict:
    from layanan.angka import pelatihan_terselenggara, tiket_selesai
    from registrasi.angka import penyedia_diverifikasi
    from registrasi.models import Penyedia, SanksiDaftarHitam
    from sop.models import SOP

    awal_tahun = datetime.date(hari_ini.year, 1, 1)
    besok = hari_ini + datetime.timedelta(days=1)
    nilai = {
        "penyedia_aktif": Penyedia.objects.filter(status=Penyedia.Status.AKTIF).count(),
        "pendaftaran_disetujui_tahun_ini": penyedia_diverifikasi(awal_tahun, besok),
        "tiket_diselesaikan_tahun_ini": tiket_selesai(awal_tahun, besok),
        "pelatihan_terselenggara_tahun_ini": pelatihan_terselenggara(awal_tahun, besok),
        "sop_terbit": SOP.objects.publik().count(),
        "daftar_hitam_aktif": SanksiDaftarHitam.objects.berlaku_pada(hari_ini).count(),
    }
    periode = {"kini": _("per %(tanggal)s") % {"tanggal": hari_ini.isoformat()}, "tahun": str(hari_ini.year)}
    return {
        "tahun": hari_ini.year,
        "tanggal": hari_ini.isoformat(),
        "dihitung_pada": timezone.localtime().replace(microsecond=0).isoformat(),
        "statistik": [
            {"kode": kode, "label": str(label), "nilai": nilai[kode], "periode": periode[jenis]}
            for kode, label, jenis in STATISTIK
        ],
    }


def statistik(hari_ini: datetime.date | None = None) -> dict:
    """The figures, from the cache when fresh (laporan.cache_dasbor)."""
    return cache_dasbor.ambil({"data_terbuka": hitung}, hari_ini)["data_terbuka"]


def statistik_beranda() -> dict:
    """For the home page block (lpse_portal.views.beranda)."""
    return statistik()


def sebagai_json(data: dict) -> str:
    isi = {
        "judul": _("Statistik terbuka LPSE"),
        "penerbit": settings.SITE_NAME,
        "tahun": data["tahun"],
        "dihitung_pada": data["dihitung_pada"],
        "kolom": KOLOM,
        "statistik": data["statistik"],
    }
    return json.dumps(isi, ensure_ascii=False, indent=2)


def sebagai_csv(data: dict) -> str:
    """Byte-stable for the same figures: no timestamp, fixed row and column order."""
    keluar = io.StringIO()
    tulis = csv.writer(keluar, lineterminator="\r\n")
    tulis.writerow(KOLOM)
    for baris in data["statistik"]:
        tulis.writerow([baris[k] for k in KOLOM])
    return keluar.getvalue()
