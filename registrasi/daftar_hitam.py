"""The blacklist as the registration checks see it: sanctions in force for an NPWP or NIB.

Registration, its pre-checks, approval and the vendor's change of NPWP or NIB call only this.
"""


def sanksi_aktif(*, npwp: str = "", nib: str = "") -> list:
    """Sanctions in force today (`tayang`, started, not ended) for this NPWP or NIB."""
    from registrasi.models.sanksi import SanksiDaftarHitam

    if not npwp and not nib:
        return []
    return list(
        SanksiDaftarHitam.objects.berlaku()
        .untuk_identitas(npwp=npwp, nib=nib)
        .select_related("jenis_pelanggaran")
        .order_by("-selesai")
    )
