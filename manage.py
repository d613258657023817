#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lpse_portal.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    # Settings refuse to load in some cases (production without SECRET_KEY, DEMO_MODE without
    # DEBUG). Django's command runner would swallow that and fail later with "Models aren't
    # loaded yet"; say the real reason instead.
    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading it loads the settings
    except ImproperlyConfigured as e:
        sys.exit(f"Portal LPSE tidak dapat dimulai: {e}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
