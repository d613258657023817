"""Ending a user's sessions at once (a deactivated vendor is logged out everywhere)."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def akhiri_sesi(user) -> int:
    """Delete every live session of `user`. The inactive flag alone already refuses the next
    request (ModelBackend.get_user); deleting also clears what the sessions held."""
    hapus = []
    for sesi in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=1000):
        if str(sesi.get_decoded().get(SESSION_KEY)) == str(user.pk):
            hapus.append(sesi.session_key)
    Session.objects.filter(session_key__in=hapus).delete()
    return len(hapus)
