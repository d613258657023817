"""/healthz/ check of the backups: a backup nobody restored is a hope, not a backup."""

from lpse_portal.health import OK, PERINGATAN


def cek_backup():
    from django.db import DatabaseError

    from sistem.services import status_backup

    try:
        status = status_backup()
    except (DatabaseError, OSError) as e:  # the database check reports its outage itself
        return "cadangan", PERINGATAN, type(e).__name__
    return "cadangan", PERINGATAN if status["peringatan"] else OK, status["pesan"]
