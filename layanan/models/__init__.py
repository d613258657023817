"""The Unit Layanan Dukungan's records (Pergub NTB 6/2017 Lampiran II.6 and IV.1): tickets with
their SLA, escalations to LKPP, the knowledge base, trainings and feedback."""

from layanan.models.bantuan import Artikel, Masukan
from layanan.models.pelatihan import Pelatihan, PesertaPelatihan, UmpanBalikPelatihan
from layanan.models.tiket import (
    BalasanSiap,
    BalasanTiket,
    EskalasiLKPP,
    JawabanKepuasan,
    KategoriTiket,
    LampiranTiket,
    TargetSLA,
    Tiket,
)

__all__ = [
    "Artikel",
    "BalasanSiap",
    "BalasanTiket",
    "EskalasiLKPP",
    "JawabanKepuasan",
    "KategoriTiket",
    "LampiranTiket",
    "Masukan",
    "Pelatihan",
    "PesertaPelatihan",
    "TargetSLA",
    "Tiket",
    "UmpanBalikPelatihan",
]
