"""The Celery app. Broker: Redis at REDIS_URL, or kombu's filesystem transport under var/."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lpse_portal.settings")

app = Celery("lpse_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
