"""Login, logout and passwords, with Indonesian templates and e-mails through the outbox."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required

from lpse_portal.akun.forms import FormResetKataSandi
from lpse_portal.halaman_tersimpan import simpan_untuk_anonim
from lpse_portal.ratelimit import batasi_laju


def _form_masuk():
    """The registrasi app explains a refused login (a deactivated vendor sees why and until when;
    an applicant that its user ID is not active yet); without it, Django's own form."""
    try:
        from registrasi.akun import FormMasuk
    except ImportError:
        from django.contrib.auth.forms import AuthenticationForm as FormMasuk
    return FormMasuk


masuk = batasi_laju("login", "30/m")(
    auth_views.LoginView.as_view(template_name="akun/login.html", authentication_form=_form_masuk())
)
masuk = login_not_required(simpan_untuk_anonim(300)(masuk))

ubah_kata_sandi = auth_views.PasswordChangeView.as_view(template_name="akun/password_change.html")
ubah_kata_sandi_selesai = auth_views.PasswordChangeDoneView.as_view(template_name="akun/password_change_done.html")


reset_kata_sandi = login_not_required(
    batasi_laju("reset_sandi", "5/h")(
        auth_views.PasswordResetView.as_view(
            template_name="akun/password_reset.html",
            form_class=FormResetKataSandi,
        )
    )
)
reset_kata_sandi_terkirim = auth_views.PasswordResetDoneView.as_view(template_name="akun/password_reset_done.html")
reset_kata_sandi_konfirmasi = auth_views.PasswordResetConfirmView.as_view(
    template_name="akun/password_reset_confirm.html"
)
reset_kata_sandi_selesai = auth_views.PasswordResetCompleteView.as_view(
    template_name="akun/password_reset_complete.html"
)
