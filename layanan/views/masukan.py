"""Feedback on the LPSE's service (Pergub Lampiran IV.1.d): sent by anyone, answered by staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from layanan import services
from layanan.forms import FormJawabMasukan, FormMasukan
from layanan.models import Masukan
from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.ratelimit import batasi_laju


@login_not_required
@batasi_laju("layanan-masukan", "10/h")
@require_http_methods(["GET", "POST"])
def masukan_create(request):
    awal = {"nama": request.user.get_full_name(), "email": request.user.email} if request.user.is_authenticated else {}
    form = FormMasukan(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.kirim_masukan(data=form.cleaned_data, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Terima kasih. Masukan Anda kami terima dan akan dijawab melalui e-mail."))
            return redirect("layanan:masukan_create")
    return render(request, "layanan/masukan_create.html", {"form": form})


@permission_required("layanan.view_masukan", raise_exception=True)
def masukan_list(request):
    qs = Masukan.objects.order_by("status", "-created_at", "-pk")
    if request.GET.get("kategori") in Masukan.Kategori.values:
        qs = qs.filter(kategori=request.GET["kategori"])
    page = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    rekap = Masukan.objects.values("kategori").annotate(jumlah=Count("pk")).order_by("kategori")
    label = dict(Masukan.Kategori.choices)
    return render(
        request,
        "layanan/masukan_list.html",
        {"page": page, "rekap": [(label[r["kategori"]], r["kategori"], r["jumlah"]) for r in rekap]},
    )


@permission_required("layanan.view_masukan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def masukan_detail(request, pk):
    masukan = get_object_or_404(Masukan, pk=pk)
    boleh = request.user.has_perm("layanan.jawab_masukan")
    form = FormJawabMasukan(request.POST or None) if boleh else None
    if request.method == "POST":
        if not boleh:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        if form.is_valid():
            try:
                services.jawab_masukan(
                    masukan_id=masukan.pk,
                    jawaban=form.cleaned_data["jawaban"],
                    oleh=request.user,
                    ip=client_ip(request),
                )
            except TransisiTidakSah as e:
                messages.error(request, str(e))
            else:
                messages.success(request, _("Jawaban dikirim ke pengirim masukan."))
                return redirect("layanan:masukan_detail", pk=masukan.pk)
    return render(request, "layanan/masukan_detail.html", {"masukan": masukan, "form": form})
