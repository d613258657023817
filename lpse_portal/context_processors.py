from django.conf import settings
from django.utils.functional import SimpleLazyObject

from lpse_portal.akses import peran


def portal(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"SITE_NAME": settings.SITE_NAME}
    return {
        "SITE_NAME": settings.SITE_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
        "peran_saya": SimpleLazyObject(lambda: peran(user)),
    }
