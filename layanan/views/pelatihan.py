"""Trainings: the public schedule and registration, the participant's link, certificates and
their public verification, and the staff's check-in list."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.db.models import Avg, Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from layanan import sertifikat, services, tautan
from layanan.forms import FormDaftarPelatihan, FormPelatihan, FormUmpanBalik
from layanan.models import Pelatihan, PesertaPelatihan, UmpanBalikPelatihan
from layanan.views._umum import get_peserta_by_token
from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.halaman_tersimpan import simpan_untuk_anonim
from lpse_portal.paginasi import PaginatorTerbatas
from lpse_portal.ratelimit import batasi_laju

KELOLA = "layanan.kelola_pelatihan"
LIHAT = "layanan.view_pelatihan"


def _url_verifikasi(kode: str) -> str:
    return settings.SITE_URL + reverse("layanan:sertifikat_verifikasi") + f"?kode={kode}"


@login_not_required
# As anonymous visitors see it, kept rendered: a session or a registration shows on the next
# request (their saves bump the key); 60 s lets sessions move from upcoming to past on time.
@simpan_untuk_anonim(60, bergantung_pada=(Pelatihan, PesertaPelatihan))
def pelatihan_list(request):
    return render(
        request,
        "layanan/pelatihan_list.html",
        {
            # A busy year schedules a hundred sessions ahead: a page of them at a time.
            "akan_datang": PaginatorTerbatas(Pelatihan.objects.akan_datang().dengan_jumlah(), 12).get_page(
                request.GET.get("halaman")
            ),
            "lampau": Pelatihan.objects.lampau().dengan_jumlah()[:10],
        },
    )


def _get_pelatihan_publik(user, pk) -> Pelatihan:
    pelatihan = get_object_or_404(Pelatihan.objects.dengan_jumlah(), pk=pk)
    if not (pelatihan.terbit or user.has_perm(LIHAT)):
        raise Http404
    return pelatihan


@login_not_required
@batasi_laju("layanan-pelatihan", "20/h")
@require_http_methods(["GET", "POST"])
def pelatihan_detail(request, pk):
    pelatihan = _get_pelatihan_publik(request.user, pk)
    awal = {"nama": request.user.get_full_name(), "email": request.user.email} if request.user.is_authenticated else {}
    form = FormDaftarPelatihan(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            peserta = services.daftar_pelatihan(
                pelatihan_id=pelatihan.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            if peserta.status == PesertaPelatihan.Status.TERDAFTAR:
                messages.success(
                    request, _("Pendaftaran Anda terkonfirmasi. Kode QR kehadiran dikirim ke e-mail Anda.")
                )
            else:
                messages.warning(request, _("Kuota penuh: Anda masuk daftar tunggu dan akan dikabari bila ada kursi."))
            return redirect("layanan:peserta_detail", token=tautan.token_peserta(peserta))
    return render(request, "layanan/pelatihan_detail.html", {"pelatihan": pelatihan, "form": form})


@login_not_required
def peserta_detail(request, token):
    peserta = get_peserta_by_token(token)
    qr = None
    if peserta.status == PesertaPelatihan.Status.TERDAFTAR and not peserta.hadir_pada:
        url = settings.SITE_URL + reverse("layanan:peserta_hadir_qr", kwargs={"kode": peserta.kode_hadir})
        qr = mark_safe(sertifikat.qr_svg(url))  # noqa: S308 - SVG made here  # nosec B308, B703
    return render(
        request,
        "layanan/peserta_detail.html",
        {
            "peserta": peserta,
            "pelatihan": peserta.pelatihan,
            "token": token,
            "qr": qr,
            "sudah_umpan_balik": UmpanBalikPelatihan.objects.filter(peserta=peserta).exists(),
        },
    )


@login_not_required
@require_POST
def peserta_batal(request, token):
    peserta = get_peserta_by_token(token)
    try:
        services.batalkan_pendaftaran(peserta_id=peserta.pk, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Pendaftaran dibatalkan."))
    return redirect("layanan:peserta_detail", token=token)


@login_not_required
@require_http_methods(["GET", "POST"])
def peserta_umpan_balik(request, token):
    peserta = get_peserta_by_token(token)
    form = FormUmpanBalik(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kirim_umpan_balik(peserta_id=peserta.pk, ip=client_ip(request), **form.cleaned_data)
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Terima kasih atas umpan balik Anda."))
        return redirect("layanan:peserta_detail", token=token)
    return render(request, "layanan/peserta_umpan_balik.html", {"peserta": peserta, "form": form, "token": token})


@login_not_required
def sertifikat_unduh(request, token):
    peserta = get_peserta_by_token(token)
    if not peserta.kode_sertifikat:
        raise Http404
    pdf = sertifikat.pdf_sertifikat(peserta, _url_verifikasi(peserta.kode_sertifikat))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{peserta.kode_sertifikat}.pdf"'
    response["Cache-Control"] = "no-store, private"
    return response


@login_not_required
def sertifikat_verifikasi(request):
    """Public: anyone holding a certificate's code sees whether it is genuine, and for whom."""
    kode = (request.GET.get("kode") or "").strip().upper()
    peserta = None
    if kode:
        peserta = (
            PesertaPelatihan.objects.select_related("pelatihan").filter(kode_sertifikat=kode).first()
            if len(kode) <= 20
            else None
        )
    return render(request, "layanan/sertifikat_verifikasi.html", {"kode": kode, "peserta": peserta})


# --- staff ---------------------------------------------------------------------------------------


@permission_required(LIHAT, raise_exception=True)
def pelatihan_kelola(request):
    qs = Pelatihan.objects.dengan_jumlah().order_by("-mulai", "-pk")
    page = PaginatorTerbatas(qs, 25).get_page(request.GET.get("halaman"))
    return render(request, "layanan/pelatihan_kelola.html", {"page": page})


@permission_required(KELOLA, raise_exception=True)
@require_http_methods(["GET", "POST"])
def pelatihan_create(request):
    return _form_pelatihan(request, None)


@permission_required(KELOLA, raise_exception=True)
@require_http_methods(["GET", "POST"])
def pelatihan_update(request, pk):
    return _form_pelatihan(request, get_object_or_404(Pelatihan, pk=pk))


def _form_pelatihan(request, pelatihan):
    form = FormPelatihan(request.POST or None, instance=pelatihan)
    if request.method == "POST" and form.is_valid():
        try:
            pelatihan = services.simpan_pelatihan(
                data=form.cleaned_data,
                pelatihan_id=pelatihan.pk if pelatihan else None,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Pelatihan disimpan."))
            return redirect("layanan:pelatihan_peserta", pk=pelatihan.pk)
    return render(request, "layanan/pelatihan_form.html", {"form": form, "pelatihan": pelatihan})


@permission_required(LIHAT, raise_exception=True)
def pelatihan_peserta(request, pk):
    """The check-in list, the waiting list, and the feedback of one session."""
    pelatihan = get_object_or_404(Pelatihan.objects.dengan_jumlah(), pk=pk)
    peserta = pelatihan.peserta.select_related("umpan_balik").order_by("status", "created_at", "pk")
    umpan = UmpanBalikPelatihan.objects.filter(peserta__pelatihan=pelatihan).aggregate(
        materi=Avg("nilai_materi"), pelatih=Avg("nilai_pelatih"), jumlah=Count("pk")
    )
    return render(
        request,
        "layanan/pelatihan_peserta.html",
        {
            "pelatihan": pelatihan,
            "peserta_list": peserta,
            "umpan": umpan,
            "hadir": sum(1 for p in peserta if p.hadir_pada),
        },
    )


@permission_required(KELOLA, raise_exception=True)
@require_POST
def peserta_hadir(request, pk):
    peserta = get_object_or_404(PesertaPelatihan, pk=pk)
    try:
        services.catat_kehadiran(peserta_id=peserta.pk, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("%(nama)s tercatat hadir.") % {"nama": peserta.nama})
    return redirect("layanan:pelatihan_peserta", pk=peserta.pelatihan_id)


@permission_required(KELOLA, raise_exception=True)
@require_http_methods(["GET", "POST"])
def peserta_hadir_qr(request, kode):
    """Where the QR of a confirmation leads: staff confirm the check-in with one button."""
    peserta = get_object_or_404(PesertaPelatihan.objects.select_related("pelatihan"), kode_hadir=kode)
    if request.method == "POST":
        try:
            services.catat_kehadiran(peserta_id=peserta.pk, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("%(nama)s tercatat hadir.") % {"nama": peserta.nama})
        return redirect("layanan:pelatihan_peserta", pk=peserta.pelatihan_id)
    return render(request, "layanan/peserta_hadir_qr.html", {"peserta": peserta})


@permission_required(KELOLA, raise_exception=True)
@require_POST
def pelatihan_sertifikat(request, pk):
    pelatihan = get_object_or_404(Pelatihan, pk=pk)
    try:
        n = services.terbitkan_sertifikat(pelatihan_id=pelatihan.pk, oleh=request.user, ip=client_ip(request))
    except TransisiTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("%(n)d sertifikat diterbitkan dan dikirim ke peserta.") % {"n": n})
    return redirect("layanan:pelatihan_peserta", pk=pelatihan.pk)
