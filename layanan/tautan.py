"""Signed, unguessable links for people without a login: requesters follow their ticket,
participants open their registration. A link names one object; it never opens another."""

import hmac

from django.conf import settings
from django.core import signing

GARAM_TIKET = "layanan.tiket"
GARAM_PESERTA = "layanan.peserta"


def _buat(garam: str, pk: int, rahasia: str) -> str:
    return signing.dumps([pk, rahasia], salt=garam, compress=False)


def _cocok(garam: str, token: str, pk: int, rahasia: str) -> bool:
    try:
        nilai = signing.loads(token, salt=garam)
    except signing.BadSignature:
        return False
    if not (isinstance(nilai, list) and len(nilai) == 2):
        return False
    return nilai[0] == pk and hmac.compare_digest(str(nilai[1]), rahasia)


def token_tiket(tiket) -> str:
    return _buat(GARAM_TIKET, tiket.pk, tiket.token)


def token_tiket_cocok(tiket, token: str) -> bool:
    return _cocok(GARAM_TIKET, token, tiket.pk, tiket.token)


def token_peserta(peserta) -> str:
    return _buat(GARAM_PESERTA, peserta.pk, peserta.kode_hadir)


def pk_dari_token_peserta(token: str) -> int | None:
    try:
        nilai = signing.loads(token, salt=GARAM_PESERTA)
    except signing.BadSignature:
        return None
    return nilai[0] if isinstance(nilai, list) and len(nilai) == 2 and isinstance(nilai[0], int) else None


def token_peserta_cocok(peserta, token: str) -> bool:
    return _cocok(GARAM_PESERTA, token, peserta.pk, peserta.kode_hadir)


def url_tiket(tiket) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse(
        "layanan:tiket_lacak", kwargs={"nomor": tiket.nomor, "token": token_tiket(tiket)}
    )


def url_kepuasan(tiket) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse(
        "layanan:tiket_kepuasan", kwargs={"nomor": tiket.nomor, "token": token_tiket(tiket)}
    )


def url_peserta(peserta) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse("layanan:peserta_detail", kwargs={"token": token_peserta(peserta)})
