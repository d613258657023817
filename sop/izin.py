"""Which role holds which permission of the sop app.

The workflow itself checks roles (sop/aturan.py); these permissions open Django admin: the
Pembina approves SOP versions there too (Lampiran VI), and the Kepala LPSE and the Sekretaris
keep the list of categories.
"""

_LIHAT = ["sop.view_kategori", "sop.view_sop", "sop.view_versisop", "sop.view_langkahsop"]
_KATEGORI = ["sop.add_kategori", "sop.change_kategori"]

IZIN = {
    "pembina": [*_LIHAT, "sop.setujui_versisop"],
    "kepala_lpse": _LIHAT + _KATEGORI,
    "sekretaris": _LIHAT + _KATEGORI,
}
