"""Small readers for environment variables, used only by settings.py."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "ya", "on"}
_FALSE = {"0", "false", "no", "tidak", "off", ""}


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} bukan nilai ya/tidak yang dikenal (pakai 1 atau 0).")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name}={raw!r} harus berupa bilangan bulat.") from e


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def email_settings(url: str, var_dir: Path) -> dict:
    """Turn EMAIL_URL into Django's EMAIL_* settings.

    smtp://user:pass@host:587?tls=1, smtps://… (implicit TLS), console://, file://, locmem://.
    Unset in production means the local MTA on port 25.
    """
    if not url:
        url = "smtp://localhost:25"
    parsed = urlparse(url)
    scheme = parsed.scheme
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme == "file":
        path = parsed.path or str(var_dir / "surel")
        return {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": path}
    if scheme in {"smtp", "smtps", "submission"}:
        query = parse_qs(parsed.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname or "localhost",
            "EMAIL_PORT": parsed.port or (465 if scheme == "smtps" else 587 if scheme == "submission" else 25),
            "EMAIL_HOST_USER": unquote(parsed.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": scheme == "submission" or query.get("tls", ["0"])[0] in _TRUE,
            "EMAIL_TIMEOUT": 20,
        }
    raise ImproperlyConfigured(f"EMAIL_URL dengan skema {scheme!r} tidak dikenal.")
