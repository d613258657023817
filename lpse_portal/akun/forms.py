from django.contrib.auth.forms import PasswordResetForm

from lpse_portal.surel import kirim_surel


class FormResetKataSandi(PasswordResetForm):
    """Password reset whose e-mail goes through the portal's outbox (sent by Celery)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        kirim_surel(
            kepada=to_email,
            subjek="Atur Ulang Kata Sandi",
            template="akun/email_reset_kata_sandi",
            konteks={
                "nama": context["user"].get_full_name() or context["user"].get_username(),
                "username": context["user"].get_username(),
                "tautan": f"{context['protocol']}://{context['domain']}/accounts/reset/{context['uid']}/{context['token']}/",
            },
        )
