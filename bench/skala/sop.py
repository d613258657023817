"""SOP at provincial scale: 300 SOP versions (150 SOPs, each with version 1.0 in force and 1.1
approved for tomorrow), built through the services by bench/sop.py's loader."""

VERSI = 300
LANGKAH = 20


def versi(ktx) -> str:
    from bench.sop import _isi
    from sop.models import VersiSOP

    _isi(VERSI // 2, LANGKAH)
    return f"{VersiSOP.objects.count()} versi SOP"
