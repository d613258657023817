"""The public help centre (knowledge base) and its editing by staff."""

import markdown
import nh3
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from layanan import services
from layanan.forms import FormArtikel, FormCariBantuan
from layanan.models import Artikel
from lpse_portal.akses import client_ip
from lpse_portal.exceptions import TransisiTidakSah

KELOLA = "layanan.kelola_artikel"


def html_artikel(isi: str) -> str:
    """Markdown to HTML, then cleaned: an article can never carry a script."""
    return mark_safe(nh3.clean(markdown.markdown(isi, extensions=["sane_lists"])))  # noqa: S308 - cleaned by nh3  # nosec B308, B703


@login_not_required
def bantuan(request):
    form = FormCariBantuan(request.GET or None)
    kata = form.cleaned_data["q"] if form.is_valid() else ""
    qs = Artikel.objects.terbit().select_related("kategori").cari(kata)
    if not kata:
        qs = qs.order_by("jenis", "judul")
    page = Paginator(qs, 20).get_page(request.GET.get("halaman"))
    return render(request, "layanan/bantuan.html", {"page": page, "form": form, "kata": kata})


@login_not_required
def artikel_detail(request, slug):
    artikel = get_object_or_404(Artikel.objects.select_related("kategori"), slug=slug)
    if not artikel.terbit and not request.user.has_perm(KELOLA):
        raise Http404
    return render(request, "layanan/artikel_detail.html", {"artikel": artikel, "isi_html": html_artikel(artikel.isi)})


@permission_required(KELOLA, raise_exception=True)
def artikel_list(request):
    qs = Artikel.objects.select_related("kategori").order_by("-updated_at", "-pk")
    page = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    return render(request, "layanan/artikel_list.html", {"page": page})


@permission_required(KELOLA, raise_exception=True)
@require_http_methods(["GET", "POST"])
def artikel_create(request):
    return _form_artikel(request, None)


@permission_required(KELOLA, raise_exception=True)
@require_http_methods(["GET", "POST"])
def artikel_update(request, pk):
    return _form_artikel(request, get_object_or_404(Artikel, pk=pk))


def _form_artikel(request, artikel):
    form = FormArtikel(request.POST or None, instance=artikel)
    if request.method == "POST" and form.is_valid():
        try:
            artikel = services.simpan_artikel(
                data=form.cleaned_data,
                artikel_id=artikel.pk if artikel else None,
                oleh=request.user,
                ip=client_ip(request),
            )
        except TransisiTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Artikel disimpan."))
            return redirect("layanan:artikel_detail", slug=artikel.slug)
    return render(request, "layanan/artikel_form.html", {"form": form, "artikel": artikel})
