"""The login form's explanation for a correct password that still gets no session: a
deactivated vendor sees why and until when; an applicant learns that its user ID is not active
yet. Used by lpse_portal.akun.views (the login view) when this app is installed."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from registrasi.models import Penyedia


def _tgl(tanggal) -> str:
    return date_format(tanggal, "j F Y")


def penjelasan_login_ditolak(username: str, password: str):
    """The reason shown instead of "wrong password", only to someone who knows the password."""
    from registrasi.services.sanksi import sanksi_berlaku_untuk

    user = get_user_model().objects.filter(username=username, is_active=False).first()
    if user is None or not user.check_password(password):
        return None
    penyedia = Penyedia.objects.filter(user=user).first()
    if penyedia is None:
        return None
    if penyedia.status == Penyedia.Status.DINONAKTIFKAN:
        sanksi = list(sanksi_berlaku_untuk(penyedia, timezone.localdate()).select_related("jenis_pelanggaran"))
        if sanksi:
            s = sanksi[0]
            return format_html(
                _(
                    "User ID {} dinonaktifkan karena sanksi daftar hitam: {} ({}), SK {} tanggal {}. "
                    "User ID aktif kembali setelah {} bila tidak ada sanksi lain."
                ),
                user.username,
                s.jenis_pelanggaran.nama,
                s.jenis_pelanggaran.dasar_hukum,
                s.nomor_sk,
                _tgl(s.tanggal_sk),
                _tgl(s.selesai),
            )
        return format_html(_("User ID {} sedang dinonaktifkan. Hubungi LPSE."), user.username)
    if penyedia.status == Penyedia.Status.NONAKTIF:
        return format_html(
            _('User ID {} belum aktif: pendaftaran belum disetujui. <a href="{}">Lihat status pendaftaran</a>.'),
            user.username,
            reverse("registrasi:lanjutkan"),
        )
    return None


class FormMasuk(AuthenticationForm):
    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            alasan = penjelasan_login_ditolak(
                self.cleaned_data.get("username", ""), self.cleaned_data.get("password", "")
            )
            if alasan:
                raise forms.ValidationError(alasan, code="dinonaktifkan")
            raise
