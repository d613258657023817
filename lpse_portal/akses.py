"""Who is asking: client IP, roles, and the decorators views use to check them."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied


def client_ip(request) -> str | None:
    """The client's address. Behind nginx, the last X-Forwarded-For hop is the one nginx saw;
    earlier hops are supplied by the client and cannot be trusted."""
    if getattr(settings, "USE_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def peran(user) -> frozenset[str]:
    """The role (group) names of a user, cached for the request and between requests
    (lpse_portal.izin: forgotten when the user's groups change)."""
    if not user.is_authenticated:
        return frozenset()
    from lpse_portal.izin import data_akses

    return data_akses(user)["peran"]


def punya_peran(user, *nama: str) -> bool:
    return bool(peran(user) & set(nama))


def peran_diperlukan(*nama: str):
    """Allow only users holding one of the roles; others get 403 (anonymous: login)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not punya_peran(request.user, *nama):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
