from sop.views.baca import publik_list, sop_detail, versi_banding, versi_berkas, versi_detail, versi_pdf
from sop.views.dasbor import antrean, cakupan, sop_list, tinjauan_list
from sop.views.susun import (
    sop_create,
    sop_tinjau,
    sop_update,
    versi_ajukan,
    versi_batalkan,
    versi_create,
    versi_kembalikan,
    versi_setujui,
    versi_teruskan,
    versi_update,
)

__all__ = [
    "antrean",
    "cakupan",
    "publik_list",
    "sop_create",
    "sop_detail",
    "sop_list",
    "sop_tinjau",
    "sop_update",
    "tinjauan_list",
    "versi_ajukan",
    "versi_banding",
    "versi_batalkan",
    "versi_berkas",
    "versi_create",
    "versi_detail",
    "versi_kembalikan",
    "versi_pdf",
    "versi_setujui",
    "versi_teruskan",
    "versi_update",
]
