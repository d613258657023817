from django.conf import settings
from django.utils.functional import SimpleLazyObject

from lpse_portal.akses import peran
from lpse_portal.navigasi import menu_untuk


def portal(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"SITE_NAME": settings.SITE_NAME}
    return {
        "SITE_NAME": settings.SITE_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
        "menu": SimpleLazyObject(lambda: menu_untuk(user)),
        "peran_saya": SimpleLazyObject(lambda: peran(user)),
    }
