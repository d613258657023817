import pytest

from sop.tests import alur


@pytest.fixture
def draf(kepala_lpse):
    """A complete draft v1.0 of a public SOP of the Unit Registrasi, by the Kepala LPSE."""

    def buat(**kwargs):
        return alur.draf(kwargs.pop("oleh", kepala_lpse), **kwargs)

    return buat


@pytest.fixture
def diajukan(draf, kepala_lpse):
    def buat(**kwargs):
        return alur.diajukan(draf(**kwargs), kepala_lpse)

    return buat


@pytest.fixture
def berlaku(diajukan, kepala_lpse, pembina):
    """A version approved today and therefore current at once."""

    def buat(**kwargs):
        return alur.disetujui(diajukan(**kwargs), kepala_lpse, pembina)

    return buat


@pytest.fixture
def koordinator_layanan(buat_staf):
    return buat_staf("koord.layanan", "koordinator-layanan")


@pytest.fixture
def masuk_admin(masuk):
    """A client past the admin site's second factor, whatever the user's role (a crafted POST
    must be refused by the rules, not merely by the login)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def buat(user):
        c = masuk(user)
        perangkat = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="uji", confirmed=True
        )
        session = c.session
        session[DEVICE_ID_SESSION_KEY] = perangkat.persistent_id
        session.save()
        return c

    return buat
