from django.http import Http404
from django.shortcuts import get_object_or_404

from layanan import tautan
from layanan.models import PesertaPelatihan, Tiket


def get_tiket_for_user(user, pk) -> Tiket:
    """A ticket the user may see (staff: all; a requester: their own), else 404."""
    return get_object_or_404(Tiket.objects.visible_to(user).select_related("kategori", "ditangani_oleh"), pk=pk)


def get_tiket_by_token(nomor: str, token: str) -> Tiket:
    """The requester's ticket through its signed link. A token of another ticket is a 404."""
    tiket = Tiket.objects.select_related("kategori", "gabung_ke").filter(nomor=nomor).first()
    if tiket is None or not tautan.token_tiket_cocok(tiket, token):
        raise Http404
    return tiket


def get_peserta_by_token(token: str) -> PesertaPelatihan:
    pk = tautan.pk_dari_token_peserta(token)
    peserta = PesertaPelatihan.objects.select_related("pelatihan").filter(pk=pk).first() if pk else None
    if peserta is None or not tautan.token_peserta_cocok(peserta, token):
        raise Http404
    return peserta
