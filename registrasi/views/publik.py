"""Public pages: requirements, registration by e-mail link, resuming a draft, officials' requests."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.halaman_tersimpan import simpan_untuk_anonim
from lpse_portal.ratelimit import batasi_laju
from registrasi import pendaftar, services
from registrasi.forms import FormEmail, FormLanjutkan, FormPendaftaran, FormPermohonanPejabat
from registrasi.models import BentukUsaha, JenisDokumen, Pendaftaran, Penyedia, Persyaratan

User = get_user_model()


@login_not_required
@require_GET
@simpan_untuk_anonim(300, bergantung_pada=(BentukUsaha, Persyaratan, JenisDokumen))
def persyaratan(request):
    """Which documents each form of business submits (Lampiran II.5.b.2)."""
    bentuk_list = BentukUsaha.objects.filter(aktif=True).prefetch_related(
        Prefetch("persyaratan", queryset=Persyaratan.objects.select_related("jenis").order_by("jenis__urutan"))
    )
    return render(request, "registrasi/persyaratan.html", {"bentuk_list": bentuk_list})


@login_not_required
@require_http_methods(["GET", "POST"])
@simpan_untuk_anonim(300)
@batasi_laju("registrasi_daftar", "10/h")
def daftar(request):
    """Step 1: the company e-mail, confirmed by a signed link."""
    form = FormEmail(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.terisi_bot:
            # Say the same as to a person, send nothing.
            return render(request, "registrasi/daftar_terkirim.html", {"email": form.cleaned_data["email"]})
        try:
            services.minta_konfirmasi_email(email=form.cleaned_data["email"], ip=client_ip(request))
        except TransisiTidakSah as e:
            form.add_error("email", str(e))
        else:
            return render(request, "registrasi/daftar_terkirim.html", {"email": form.cleaned_data["email"]})
    return render(request, "registrasi/daftar.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
@batasi_laju("registrasi_form", "20/h")
def konfirmasi(request, token):
    """Step 2 from the e-mailed link: user ID, password, company and person in charge."""
    try:
        email = services.baca_token_konfirmasi(token)
    except TransisiTidakSah as e:
        return render(request, "registrasi/tautan_gagal.html", {"pesan": str(e)}, status=400)
    ada = Penyedia.objects.terdaftar().filter(email__iexact=email).select_related("pendaftaran", "user").first()
    if ada is not None:
        if ada.pendaftaran.status == Pendaftaran.Status.DRAF:
            # The link resumes the draft (also the second click of a double-clicked submit).
            pendaftar.masukkan(request, ada.pendaftaran)
            return redirect("registrasi:pendaftaran_dokumen", pk=ada.pendaftaran.pk)
        messages.info(request, _("E-mail ini sudah terdaftar. Lanjutkan dengan User ID dan kata sandi Anda."))
        return redirect("registrasi:lanjutkan")
    form = FormPendaftaran(request.POST or None, email=email)
    if request.method == "POST" and form.is_valid():
        try:
            p = services.buat_pendaftaran(
                email=email,
                user_id=form.cleaned_data["user_id"],
                kata_sandi=form.cleaned_data["kata_sandi"],
                data=form.data_penyedia(),
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            pendaftar.masukkan(request, p)
            messages.success(request, _("Data tersimpan sebagai draf. Unggah dokumen persyaratan."))
            return redirect("registrasi:pendaftaran_dokumen", pk=p.pk)
    return render(request, "registrasi/daftar_form.html", {"form": form, "email": email})


@login_not_required
@require_http_methods(["GET", "POST"])
@batasi_laju("registrasi_lanjutkan", "20/h")
def lanjutkan(request):
    """Resume a registration (draft, under verification, to be fixed) with user ID and password."""
    form = FormLanjutkan(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(username=form.cleaned_data["user_id"]).first()
        penyedia = Penyedia.objects.filter(user=user).select_related("pendaftaran").first() if user else None
        if penyedia is None or not user.check_password(form.cleaned_data["kata_sandi"]):
            form.add_error(None, _("User ID atau kata sandi salah."))
        elif user.is_active:
            messages.info(request, _("User ID Anda sudah aktif. Silakan masuk."))
            return redirect("login")
        else:
            pendaftar.masukkan(request, penyedia.pendaftaran)
            tujuan = request.POST.get("next") or request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
                return redirect(tujuan)
            return redirect("registrasi:pendaftaran_status", pk=penyedia.pendaftaran.pk)
    return render(request, "registrasi/lanjutkan.html", {"form": form, "next": request.GET.get("next", "")})


@login_not_required
@require_http_methods(["GET", "POST"])
@batasi_laju("registrasi_pejabat", "10/h")
def pejabat_daftar(request):
    """A perangkat daerah's request for an official's user ID, with the SK scan."""
    form = FormPermohonanPejabat(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.terisi_bot:
            return render(request, "registrasi/pejabat_terkirim.html", {"permohonan": None})
        try:
            permohonan = services.ajukan_permohonan_pejabat(
                data=form.data_permohonan(), berkas_sk=form.cleaned_data["berkas_sk"], ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            return render(request, "registrasi/pejabat_terkirim.html", {"permohonan": permohonan})
    return render(request, "registrasi/pejabat_daftar.html", {"form": form})
