"""The blacklist as the registration checks see it: active sanctions for an NPWP or NIB.

Until the sanctions of the blacklist issue exist this reads an empty list; registration,
change requests and the pre-checks call only this function.
"""


def sanksi_aktif(*, npwp: str = "", nib: str = "") -> list:
    """Sanctions in force (`tayang`, started, not ended) for this NPWP or NIB."""
    return []
