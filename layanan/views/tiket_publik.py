"""The requester's side: the public ticket form, the token link, "my tickets", satisfaction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from layanan import services, tautan
from layanan.forms import FormBalasPelapor, FormKepuasan, FormTiketPublik
from layanan.models import JawabanKepuasan, KategoriTiket, LampiranTiket, Tiket
from layanan.views._umum import get_tiket_by_token
from lpse_portal.akses import client_ip
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.halaman_tersimpan import simpan_untuk_anonim
from lpse_portal.ratelimit import batasi_laju


@login_not_required
@batasi_laju("layanan-tiket", "10/h")
@require_http_methods(["GET", "POST"])
@simpan_untuk_anonim(300, bergantung_pada=(KategoriTiket,))
def tiket_create(request):
    form = FormTiketPublik(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            tiket = services.buat_tiket(
                data=form.cleaned_data, lampiran=form.cleaned_data["lampiran"], oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _(
                    "Tiket %(nomor)s diterima. Simpan alamat halaman ini: di sini Anda mengikuti dan membalas tiket "
                    "(tautannya juga dikirim ke e-mail Anda)."
                )
                % {"nomor": tiket.nomor},
            )
            return redirect("layanan:tiket_lacak", nomor=tiket.nomor, token=tautan.token_tiket(tiket))
    return render(request, "layanan/tiket_create.html", {"form": form})


@login_not_required
@batasi_laju("layanan-tiket-balas", "30/h")
@require_http_methods(["GET", "POST"])
def tiket_lacak(request, nomor, token):
    tiket = get_tiket_by_token(nomor, token)
    form = FormBalasPelapor(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.balas_pelapor(
                tiket_id=tiket.pk,
                isi=form.cleaned_data["isi"],
                lampiran=form.cleaned_data["lampiran"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Balasan Anda terkirim."))
            return redirect("layanan:tiket_lacak", nomor=nomor, token=token)
    return render(
        request,
        "layanan/tiket_lacak.html",
        {
            "tiket": tiket,
            "token": token,
            "balasan_list": tiket.balasan.filter(internal=False).select_related("oleh").prefetch_related("lampiran"),
            "lampiran_awal": tiket.lampiran.filter(balasan__isnull=True, internal=False),
            "artikel_list": tiket.artikel.filter(terbit=True),
            "form": form,
            "kepuasan": JawabanKepuasan.objects.filter(tiket=tiket).first(),
        },
    )


@login_not_required
def tiket_lampiran_token(request, nomor, token, pk):
    tiket = get_tiket_by_token(nomor, token)
    lampiran = get_object_or_404(LampiranTiket, pk=pk, tiket=tiket, internal=False)
    return kirim_berkas(request, lampiran.berkas, nama_unduhan=lampiran.nama_asli, objek=tiket)


@login_not_required
@batasi_laju("layanan-kepuasan", "20/h")
@require_http_methods(["GET", "POST"])
def tiket_kepuasan(request, nomor, token):
    tiket = get_tiket_by_token(nomor, token)
    form = FormKepuasan(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.jawab_kepuasan(
                tiket_id=tiket.pk,
                nilai=form.cleaned_data["nilai"],
                komentar=form.cleaned_data["komentar"],
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Terima kasih atas penilaian Anda."))
        return redirect("layanan:tiket_lacak", nomor=nomor, token=token)
    if tiket.status not in (Tiket.Status.SELESAI, Tiket.Status.DITUTUP):
        messages.info(request, _("Tiket ini belum diselesaikan; penilaian dapat diberikan setelah selesai."))
        return redirect("layanan:tiket_lacak", nomor=nomor, token=token)
    if JawabanKepuasan.objects.filter(tiket=tiket).exists():
        messages.info(request, _("Penilaian untuk tiket ini sudah diberikan. Terima kasih."))
        return redirect("layanan:tiket_lacak", nomor=nomor, token=token)
    return render(request, "layanan/tiket_kepuasan.html", {"tiket": tiket, "form": form, "token": token})


def tiket_saya(request):
    """A logged-in requester's own tickets (vendors, PPK, anyone with an account)."""
    qs = Tiket.objects.milik(request.user).select_related("kategori").order_by("-created_at", "-pk")
    page = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    for t in page:
        t.token_lacak = tautan.token_tiket(t)
    return render(request, "layanan/tiket_saya.html", {"page": page})
