"""Every change to SOPs, split by topic. Import from here: `from sop import services`."""

from sop.services.pengingat import kirim_pengingat_harian, kirim_pengingat_persetujuan, kirim_pengingat_tinjauan
from sop.services.penyusunan import batalkan_draf, buat_sop, buat_versi_baru, ubah_draf, ubah_sop
from sop.services.persetujuan import (
    ajukan_tinjauan,
    berlakukan_versi_jatuh_tempo,
    catat_tinjauan,
    kembalikan_versi,
    setujui_versi,
    teruskan_ke_pembina,
)

__all__ = [
    "ajukan_tinjauan",
    "batalkan_draf",
    "berlakukan_versi_jatuh_tempo",
    "buat_sop",
    "buat_versi_baru",
    "catat_tinjauan",
    "kembalikan_versi",
    "kirim_pengingat_harian",
    "kirim_pengingat_persetujuan",
    "kirim_pengingat_tinjauan",
    "setujui_versi",
    "teruskan_ke_pembina",
    "ubah_draf",
    "ubah_sop",
]
