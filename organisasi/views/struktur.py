"""Org chart, staff records and appointments. Thin: permission, form, service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lpse_portal.akses import client_ip, peran_diperlukan
from lpse_portal.audit import catat_akses
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat_gabungan
from organisasi import services
from organisasi.forms.struktur import (
    FilterPegawai,
    FormAkhiriPenugasan,
    FormAkunPegawai,
    FormKualifikasi,
    FormPegawai,
    FormPenugasan,
    FormRiwayatPendidikan,
)
from organisasi.models import Jabatan, Pegawai, Penugasan, Unit
from organisasi.peran import PERAN_STAF

PER_HALAMAN = 25


def _get_pegawai_for_user(user, pk) -> Pegawai:
    return get_object_or_404(Pegawai.objects.visible_to(user), pk=pk)


def _get_penugasan_for_user(user, pk) -> Penugasan:
    penugasan = get_object_or_404(Penugasan.objects.select_related("pegawai", "jabatan__unit"), pk=pk)
    if not Pegawai.objects.visible_to(user).filter(pk=penugasan.pegawai_id).exists():
        raise Http404
    return penugasan


@peran_diperlukan(*PERAN_STAF)
def bagan(request):
    """Org chart: every position with its current holders."""
    hari_ini = timezone.localdate()
    aktif = Penugasan.objects.aktif_pada(hari_ini).select_related("pegawai").order_by("pegawai__nama")
    unit_list = Unit.objects.prefetch_related(
        Prefetch(
            "jabatan",
            queryset=Jabatan.objects.select_related("atasan").prefetch_related(
                Prefetch("penugasan", queryset=aktif, to_attr="pemegang")
            ),
        )
    )
    return render(request, "organisasi/bagan.html", {"unit_list": unit_list, "hari_ini": hari_ini})


@peran_diperlukan(*PERAN_STAF)
def pegawai_list(request):
    hari_ini = timezone.localdate()
    filter_form = FilterPegawai(request.GET or None)
    qs = Pegawai.objects.visible_to(request.user).prefetch_related(
        Prefetch(
            "penugasan",
            queryset=Penugasan.objects.aktif_pada(hari_ini).select_related("jabatan__unit"),
            to_attr="penugasan_aktif",
        )
    )
    if filter_form.is_valid():
        f = filter_form.cleaned_data
        if f["q"]:
            qs = qs.filter(Q(nama__icontains=f["q"]) | Q(nip__startswith=f["q"].replace(" ", "")))
        aktif = Penugasan.objects.aktif_pada(hari_ini)
        if f["unit"]:
            qs = qs.filter(penugasan__in=aktif.filter(jabatan__unit=f["unit"]))
        if f["jenis"]:
            qs = qs.filter(penugasan__in=aktif.filter(jabatan__jenis=f["jenis"]))
        if f["status"]:
            qs = qs.filter(status_kepegawaian=f["status"])
        if f["aktif"] == "ya":
            qs = qs.filter(penugasan__in=aktif)
        elif f["aktif"] == "tidak":
            qs = qs.exclude(penugasan__in=aktif)
        qs = qs.distinct()
    page = Paginator(qs.order_by("nama", "pk"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "organisasi/pegawai_list.html", {"page": page, "filter_form": filter_form})


@peran_diperlukan(*PERAN_STAF)
def pegawai_detail(request, pk):
    pegawai = _get_pegawai_for_user(request.user, pk)
    penugasan = pegawai.penugasan.select_related("jabatan__unit", "jabatan__atasan").order_by("-tmt_mulai")
    return render(
        request,
        "organisasi/pegawai_detail.html",
        {
            "pegawai": pegawai,
            "penugasan_list": penugasan,
            "kualifikasi_list": pegawai.kualifikasi.all(),
            "riwayat_list": pegawai.riwayat_pendidikan.all(),
            "peristiwa_list": riwayat_gabungan(pegawai, penugasan),
            "hari_ini": timezone.localdate(),
        },
    )


@permission_required("organisasi.lihat_nik_pegawai", raise_exception=True)
def pegawai_nik(request, pk):
    """The full NIK, shown on request and recorded (UU 27/2022)."""
    pegawai = _get_pegawai_for_user(request.user, pk)
    catat_akses(request, jenis="lihat", objek=pegawai, label=f"NIK pegawai {pegawai.pk}")
    return render(request, "organisasi/pegawai_nik.html", {"pegawai": pegawai})


@permission_required("organisasi.add_pegawai", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pegawai_create(request):
    form = FormPegawai(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pegawai = services.simpan_pegawai(data=form.cleaned_data, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Data pegawai disimpan."))
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    return render(request, "organisasi/pegawai_form.html", {"form": form})


@permission_required("organisasi.change_pegawai", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pegawai_update(request, pk):
    pegawai = _get_pegawai_for_user(request.user, pk)
    form = FormPegawai(request.POST or None, instance=pegawai)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_pegawai(
                data={k: form.cleaned_data[k] for k in form.changed_data},
                pegawai_id=pegawai.pk,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Data pegawai diperbarui."))
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    return render(request, "organisasi/pegawai_form.html", {"form": form, "pegawai": pegawai})


@permission_required("organisasi.add_pegawai", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pegawai_akun(request, pk):
    pegawai = _get_pegawai_for_user(request.user, pk)
    form = FormAkunPegawai(request.POST or None, initial={"email": pegawai.email})
    if request.method == "POST" and form.is_valid():
        try:
            services.buat_akun_pegawai(
                pegawai_id=pegawai.pk, oleh=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Akun dibuat; tautan pembuatan kata sandi dikirim ke e-mail pegawai."))
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    return render(request, "organisasi/pegawai_akun.html", {"form": form, "pegawai": pegawai})


@permission_required("organisasi.add_kualifikasi", raise_exception=True)
@require_http_methods(["GET", "POST"])
def kualifikasi_create(request, pk):
    pegawai = _get_pegawai_for_user(request.user, pk)
    form = FormKualifikasi(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.tambah_kualifikasi(
                pegawai_id=pegawai.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Kualifikasi ditambahkan."))
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    judul = _("Tambah kualifikasi")
    return render(request, "organisasi/pegawai_subform.html", {"form": form, "pegawai": pegawai, "judul": judul})


@permission_required("organisasi.add_riwayatpendidikan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def riwayat_create(request, pk):
    pegawai = _get_pegawai_for_user(request.user, pk)
    form = FormRiwayatPendidikan(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.tambah_riwayat_pendidikan(
                pegawai_id=pegawai.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Riwayat pendidikan/pelatihan ditambahkan."))
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    judul = _("Tambah riwayat pendidikan/pelatihan")
    return render(request, "organisasi/pegawai_subform.html", {"form": form, "pegawai": pegawai, "judul": judul})


@permission_required("organisasi.kelola_penugasan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def penugasan_create(request):
    initial = {}
    if request.GET.get("pegawai", "").isdigit():
        initial["pegawai"] = request.GET["pegawai"]
    form = FormPenugasan(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            penugasan = services.angkat_pegawai(
                pegawai_id=f["pegawai"].pk,
                jabatan_id=f["jabatan"].pk,
                nomor_sk=f["nomor_sk"],
                tanggal_sk=f["tanggal_sk"],
                penetap=f["penetap"],
                nama_penetap=f["nama_penetap"],
                tmt_mulai=f["tmt_mulai"],
                tmt_selesai=f["tmt_selesai"],
                berkas_sk=f["berkas_sk"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _("%(nama)s diangkat sebagai %(jabatan)s.")
                % {"nama": penugasan.pegawai.nama_lengkap, "jabatan": penugasan.jabatan.nama},
            )
            return redirect("organisasi:pegawai_detail", pk=penugasan.pegawai_id)
    return render(request, "organisasi/penugasan_form.html", {"form": form})


@permission_required("organisasi.kelola_penugasan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def penugasan_akhiri(request, pk):
    penugasan = _get_penugasan_for_user(request.user, pk)
    form = FormAkhiriPenugasan(
        request.POST or None, request.FILES or None, penugasan=penugasan, initial={"tmt_selesai": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            services.akhiri_penugasan(
                penugasan_id=penugasan.pk,
                tmt_selesai=f["tmt_selesai"],
                alasan=f["alasan"],
                nomor_sk=f["nomor_sk"],
                tanggal_sk=f["tanggal_sk"],
                berkas_sk=f["berkas_sk"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Penugasan diakhiri."))
            return redirect("organisasi:pegawai_detail", pk=penugasan.pegawai_id)
    return render(request, "organisasi/penugasan_akhiri.html", {"form": form, "penugasan": penugasan})


@permission_required("organisasi.view_penugasan", raise_exception=True)
def penugasan_berkas(request, pk, jenis):
    penugasan = _get_penugasan_for_user(request.user, pk)
    berkas = {"sk": penugasan.berkas_sk, "sk-selesai": penugasan.berkas_sk_selesai}.get(jenis)
    if not berkas:
        raise Http404
    nama = f"SK-{penugasan.pegawai.nama}-{jenis}.pdf".replace(" ", "_")
    return kirim_berkas(
        request, berkas, nama_unduhan=nama, objek=penugasan, label=f"SK penugasan {penugasan.pk} ({jenis})"
    )
