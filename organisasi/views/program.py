"""The programme of activities: drawing it up, realisation per quarter, evaluation, exports."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lpse_portal.akses import client_ip, peran_diperlukan
from lpse_portal.berkas import kirim_berkas
from lpse_portal.exceptions import TransisiTidakSah
from organisasi import ekspor, services
from organisasi.evaluasi import angka_triwulan, evaluasi_program, ringkasan
from organisasi.forms.program import FormKegiatan, FormProgram, FormRealisasi, FormTarget
from organisasi.models import Kegiatan, ProgramKegiatan, Realisasi, Target, awal_triwulan
from organisasi.models.program import ROMAWI_TRIWULAN
from organisasi.peran import PERAN_STAF


def _get_program_for_user(user, pk) -> ProgramKegiatan:
    # The programme is the whole office's: every staff role reads it.
    return get_object_or_404(ProgramKegiatan, pk=pk)


def _get_kegiatan_for_user(user, pk) -> Kegiatan:
    return get_object_or_404(Kegiatan.objects.select_related("program", "unit"), pk=pk)


def _get_target_untuk_diisi(user, pk) -> Target:
    """A target whose realisation the user may enter; 404 for other units' activities."""
    return get_object_or_404(
        Target.objects.select_related("kegiatan__program", "kegiatan__unit").filter(
            kegiatan__in=Kegiatan.objects.dapat_diisi_oleh(user)
        ),
        pk=pk,
    )


@peran_diperlukan(*PERAN_STAF)
def program_list(request):
    program_list = ProgramKegiatan.objects.annotate(
        jumlah_kegiatan=Count("kegiatan"), jumlah_pagu=Sum("kegiatan__pagu")
    ).order_by("-tahun")
    return render(request, "organisasi/program_list.html", {"program_list": program_list})


@permission_required("organisasi.kelola_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def program_create(request):
    form = FormProgram(request.POST or None, initial={"tahun": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            program = services.simpan_program(data=form.cleaned_data, oleh=request.user, ip=client_ip(request))
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Program kegiatan disimpan."))
            return redirect("organisasi:program_detail", pk=program.pk)
    return render(request, "organisasi/program_form.html", {"form": form})


@permission_required("organisasi.kelola_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def program_update(request, pk):
    program = _get_program_for_user(request.user, pk)
    form = FormProgram(request.POST or None, instance=program)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_program(
                data={k: form.cleaned_data[k] for k in form.changed_data},
                program_id=program.pk,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Program kegiatan diperbarui."))
            return redirect("organisasi:program_detail", pk=program.pk)
    return render(request, "organisasi/program_form.html", {"form": form, "program": program})


@peran_diperlukan(*PERAN_STAF)
def program_detail(request, pk):
    program = _get_program_for_user(request.user, pk)
    baris = evaluasi_program(program)
    dapat_diisi = set(
        Kegiatan.objects.dapat_diisi_oleh(request.user).filter(program=program).values_list("pk", flat=True)
    )
    return render(
        request,
        "organisasi/program_detail.html",
        {
            "program": program,
            "baris_list": baris,
            "dapat_diisi": dapat_diisi,
            "total_pagu": sum(b.kegiatan.pagu for b in baris),
        },
    )


@permission_required("organisasi.kelola_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def kegiatan_create(request, pk):
    program = _get_program_for_user(request.user, pk)
    form = FormKegiatan(request.POST or None, program=program)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_kegiatan(
                program_id=program.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Kegiatan ditambahkan."))
            return redirect("organisasi:program_detail", pk=program.pk)
    return render(request, "organisasi/kegiatan_form.html", {"form": form, "program": program})


@permission_required("organisasi.kelola_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def kegiatan_update(request, pk):
    kegiatan = _get_kegiatan_for_user(request.user, pk)
    form = FormKegiatan(request.POST or None, instance=kegiatan, program=kegiatan.program)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_kegiatan(
                program_id=kegiatan.program_id,
                kegiatan_id=kegiatan.pk,
                data=form.cleaned_data,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Kegiatan diperbarui."))
            return redirect("organisasi:program_detail", pk=kegiatan.program_id)
    return render(
        request, "organisasi/kegiatan_form.html", {"form": form, "program": kegiatan.program, "kegiatan": kegiatan}
    )


@permission_required("organisasi.kelola_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def target_create(request, pk):
    kegiatan = _get_kegiatan_for_user(request.user, pk)
    form = FormTarget(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_target(
                kegiatan_id=kegiatan.pk, data=form.cleaned_data, oleh=request.user, ip=client_ip(request)
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Target ditambahkan."))
            return redirect("organisasi:program_detail", pk=kegiatan.program_id)
    return render(request, "organisasi/target_form.html", {"form": form, "kegiatan": kegiatan})


@permission_required("organisasi.kelola_program", raise_exception=True)
@require_http_methods(["GET", "POST"])
def target_update(request, pk):
    target = get_object_or_404(Target.objects.select_related("kegiatan__program"), pk=pk)
    form = FormTarget(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_target(
                kegiatan_id=target.kegiatan_id,
                target_id=target.pk,
                data=form.cleaned_data,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Target diperbarui."))
            return redirect("organisasi:program_detail", pk=target.kegiatan.program_id)
    return render(request, "organisasi/target_form.html", {"form": form, "kegiatan": target.kegiatan, "target": target})


@permission_required("organisasi.isi_realisasi", raise_exception=True)
@require_http_methods(["GET", "POST"])
def realisasi_create(request, pk, triwulan):
    target = _get_target_untuk_diisi(request.user, pk)
    if triwulan not in ROMAWI_TRIWULAN:
        raise Http404
    program = target.kegiatan.program
    otomatis = None
    if target.sumber_otomatis and program.triwulan_dimulai(triwulan):
        otomatis = angka_triwulan(target.sumber_otomatis, program.tahun, triwulan, timezone.localdate())
    sebelumnya = (
        target.realisasi.filter(triwulan=triwulan).select_related("dicatat_oleh").order_by("-created_at", "-pk")
    )
    initial = {}
    if sebelumnya:
        initial["nilai"] = sebelumnya[0].nilai
    elif otomatis is not None and otomatis.ada:
        initial["nilai"] = otomatis.nilai
    form = FormRealisasi(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data
        try:
            services.isi_realisasi(
                target_id=target.pk,
                triwulan=triwulan,
                nilai=f["nilai"],
                keterangan=f["keterangan"],
                bukti=f["bukti"],
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Realisasi triwulan %(tw)s disimpan.") % {"tw": ROMAWI_TRIWULAN[triwulan]})
            return redirect("organisasi:program_detail", pk=program.pk)
    return render(
        request,
        "organisasi/realisasi_form.html",
        {
            "form": form,
            "target": target,
            "program": program,
            "triwulan": triwulan,
            "romawi": ROMAWI_TRIWULAN[triwulan],
            "target_tw": target.target_triwulan(triwulan),
            "dimulai": program.triwulan_dimulai(triwulan),
            "mulai": awal_triwulan(program.tahun, triwulan),
            "otomatis": otomatis,
            "sebelumnya": sebelumnya,
        },
    )


@peran_diperlukan(*PERAN_STAF)
def realisasi_bukti(request, pk):
    realisasi = get_object_or_404(Realisasi.objects.select_related("target"), pk=pk)
    return kirim_berkas(
        request,
        realisasi.bukti,
        nama_unduhan=f"bukti-realisasi-tw{realisasi.triwulan}-{realisasi.pk}{os.path.splitext(realisasi.bukti.name)[1]}",
        objek=realisasi,
        label=f"Bukti realisasi {realisasi.pk}",
    )


@peran_diperlukan(*PERAN_STAF)
def program_evaluasi(request, pk):
    program = _get_program_for_user(request.user, pk)
    baris = evaluasi_program(program)
    return render(
        request,
        "organisasi/program_evaluasi.html",
        {"program": program, "baris_list": baris, "ringkasan": ringkasan(baris), "hari_ini": timezone.localdate()},
    )


@peran_diperlukan(*PERAN_STAF)
def program_ekspor(request, pk, format):
    program = _get_program_for_user(request.user, pk)
    if format not in ("xlsx", "pdf"):
        raise Http404
    baris = evaluasi_program(program)
    if format == "xlsx":
        return ekspor.evaluasi_xlsx(program, baris)
    return ekspor.pdf(
        "organisasi/program_evaluasi_pdf.html",
        {"program": program, "baris_list": baris, "ringkasan": ringkasan(baris)},
        f"evaluasi-program-{program.tahun}.pdf",
    )
