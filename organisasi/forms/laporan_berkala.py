from django import forms
from django.utils.translation import gettext_lazy as _

from lpse_portal.berkas import BerkasField
from organisasi.services.laporan_berkala import MAKS_TEKS


def _teks(label, bantuan):
    return forms.CharField(
        label=label,
        help_text=bantuan,
        required=False,
        max_length=MAKS_TEKS,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FormLaporanBerkala(forms.Form):
    """The four parts of a periodic report; completeness is checked when it is submitted,
    so a draft may be saved half-written."""

    kegiatan = _teks(_("Kegiatan yang dilaksanakan"), _("Tugas dan kegiatan selama periode ini."))
    hasil = _teks(_("Hasil yang dicapai"), _("Keluaran dan capaian, dengan angka bila ada."))
    masalah = _teks(_("Permasalahan dan kendala"), _('Tulis "Tidak ada" bila memang tidak ada permasalahan.'))
    rencana = _teks(_("Rencana periode berikutnya"), "")
    lampiran = BerkasField(label=_("Lampiran (PDF, opsional)"), jenis=("pdf",), maks_mb=5, required=False)
    hapus_lampiran = forms.BooleanField(label=_("Hapus lampiran yang ada"), required=False)
