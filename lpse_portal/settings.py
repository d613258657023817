"""Settings of the Portal LPSE, read from the environment (see .env.example).

One file for every environment: production sets the variables, the embedded default
(`make run`) leaves them unset and gets SQLite, a filesystem broker and files under var/.
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from lpse_portal.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
ENVIRONMENT = env("ENVIRONMENT", "pengembangan" if DEBUG else "produksi")

SECRET_KEY = env("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY belum diatur. Dengan DEBUG mati, Portal LPSE menolak berjalan tanpa "
            "kunci rahasia: atur variabel lingkungan SECRET_KEY (lihat .env.example)."
        )
    # Development only: a fixed, obviously unsafe key so sessions survive restarts.
    SECRET_KEY = "django-insecure-hanya-untuk-pengembangan-jangan-dipakai-di-produksi"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "lpse_portal.apps.AdminPortalConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_celery_beat",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "lpse_portal",
    "organisasi",
    "registrasi",
    "layanan",
    "sistem",
    "sop",
    "laporan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django_otp's OTPMiddleware with a prepared SELECT for the TOTP device (lpse_portal/middleware.py).
    "lpse_portal.middleware.OTPMiddlewarePortal",
    # Every page needs a login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lpse_portal.middleware.BatasDiamSesiMiddleware",
    "lpse_portal.middleware.WajibDuaFaktorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it watches login failures and answers lockouts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lpse_portal.urls"
WSGI_APPLICATION = "lpse_portal.wsgi.application"
ASGI_APPLICATION = "lpse_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lpse_portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lpse.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share one file: WAL and an immediate write lock avoid
    # "database is locked" under the three processes of `make run`.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # A connection dropped by a PostgreSQL restart is replaced instead of failing a request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, broker, tasks ---------------------------------------------------------------
REDIS_URL = env("REDIS_URL", "")
# Each pytest-xdist worker gets its own prefix, so rate-limit counters never leak between
# test processes that share one Redis.
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", "lpse") + env("PYTEST_XDIST_WORKER", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, one client object per pool (lpse_portal/cache_redis.py).
            "BACKEND": "lpse_portal.cache_redis.RedisCachePortal",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    # Rate limits must be shared by every process of `make run`: a file cache is.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }

BROKER_DIR = VAR_DIR / "broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
        # A task not acknowledged within this time is given to another worker.
        "visibility_timeout": 2 * 3600,
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "antrean"),
        "data_folder_out": str(BROKER_DIR / "antrean"),
        "processed_folder": str(BROKER_DIR / "selesai"),
        # Without it kombu writes broadcast state into ./control of the working directory.
        "control_folder": str(BROKER_DIR / "kendali"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only when it has finished, and given back when its worker
# dies, so an interrupted task runs again; every task is written to be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Makassar"
# django-celery-beat's database scheduler behind a lock: only one beat sends (lpse_portal/beat.py).
CELERY_BEAT_SCHEDULER = "lpse_portal.beat:PenjadwalTunggal"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)

# --- Auth -----------------------------------------------------------------------------
AUTH_USER_MODEL = "organisasi.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "beranda"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username+IP before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with roles and permissions kept in the cache (lpse_portal/izin.py).
    "lpse_portal.izin.BackendIzin",
]
# BSSN 4/2021: at least 12 characters mixing upper and lower case, digits and symbols, not
# a common password, not like the user's own data (docs/security.md says where this
# departs from ASVS).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "lpse_portal.validators.KomposisiKataSandiValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Five failures per username and IP, then a 15-minute cool-off (never a permanent lockout).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "lpse_portal.akses.client_ip"
AXES_LOCKOUT_TEMPLATE = "akun/terkunci.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "LPSE Provinsi NTB"
PASSWORD_RESET_TIMEOUT = 3 * 3600

# --- Language and time ------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Makassar"  # WITA, UTC+8: NTB is not on Jakarta time.
USE_I18N = True
USE_TZ = True
# Day first only: Django's "id" locale also accepts month-first input, which silently
# swaps day and month. lpse_portal/formats/id overrides it.
FORMAT_MODULE_PATH = ["lpse_portal.formats"]

# --- Static and private files ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/pdfjs", NODE_MODULES / "pdfjs-dist" / "build"),
]
# Private documents (KTP, NPWP, SK scans) live outside the web root and have no URL:
# they are served only by permission-checked views (lpse_portal.berkas.kirim_berkas).
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
# Hashed, compressed static files in production (needs collectstatic); plain files from the
# finders in development and in the test suite (STATIC_MANIFEST=0).
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {
        "BACKEND": "lpse_portal.berkas.PenyimpananPribadi",
        # No location here: it follows MEDIA_ROOT. base_url is a prefix no URL pattern serves.
        "OPTIONS": {"base_url": "/tidak-ada-url-publik/"},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Behind nginx, files are handed over with X-Accel-Redirect after the permission check.
PRIVATE_FILES_X_ACCEL_PREFIX = env("PRIVATE_FILES_X_ACCEL_PREFIX", "")
BACKUP_DIR = Path(env("BACKUP_DIR", str(VAR_DIR / "backup")))
# Retention (sistem.retensi): the newest backup of each of the last N days, ISO weeks, months.
BACKUP_KEEP_DAILY = env_int("BACKUP_KEEP_DAILY", 7)
BACKUP_KEEP_WEEKLY = env_int("BACKUP_KEEP_WEEKLY", 4)
BACKUP_KEEP_MONTHLY = env_int("BACKUP_KEEP_MONTHLY", 12)
# /healthz/ and the dashboard warn when the last verified backup is older than this.
BACKUP_MAX_AGE_DAYS = env_int("BACKUP_MAX_AGE_DAYS", 8)
# Optional encryption of dump and documents to a GPG public key (its fingerprint or e-mail).
BACKUP_GPG_RECIPIENT = env("BACKUP_GPG_RECIPIENT", "")
BACKUP_GPG_HOME = env("BACKUP_GPG_HOME", "")
# Optional copy of every backup on S3-compatible storage (django-storages).
BACKUP_STORAGE = None
if env("BACKUP_S3_BUCKET", ""):
    BACKUP_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("BACKUP_S3_BUCKET"),
            "endpoint_url": env("BACKUP_S3_ENDPOINT_URL", "") or None,
            "access_key": env("BACKUP_S3_ACCESS_KEY", ""),
            "secret_key": env("BACKUP_S3_SECRET_KEY", ""),
            "region_name": env("BACKUP_S3_REGION", "") or None,
            "location": env("BACKUP_S3_PREFIX", "cadangan"),
            "default_acl": "private",
            "file_overwrite": True,
        },
    }

# --- E-mail ---------------------------------------------------------------------------
EMAIL_URL = env("EMAIL_URL", "console://" if DEBUG else "")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "LPSE Provinsi NTB <lpse@ntbprov.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "(LPSE) "
SITE_NAME = env("SITE_NAME", "LPSE Provinsi Nusa Tenggara Barat")
# Absolute links in e-mails (confirmation, token links) start with this.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
from lpse_portal.env import email_settings  # noqa: E402

globals().update(email_settings(EMAIL_URL, VAR_DIR))

# --- Security -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
# Page counts of the big lists kept in Redis until a row changes (lpse_portal/paginasi.py).
PAGINASI_SIMPAN_HITUNGAN = env_bool("PAGINASI_SIMPAN_HITUNGAN", True)
# Django's database sessions, read with one prepared SELECT (lpse_portal/sesi.py).
SESSION_ENGINE = "lpse_portal.sesi"
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script runs anywhere (admin included); the portal's JS lives in static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # Bootstrap and the admin set style attributes; styles cannot run code.
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# The demo may skip the second factor; production never does (checked in lpse_portal.apps).
DEMO_MODE = env_bool("DEMO_MODE", False)
if DEMO_MODE and not DEBUG:
    raise ImproperlyConfigured("DEMO_MODE hanya boleh dipakai bersama DEBUG=1, tidak di produksi.")

# Days each personal-data retention rule keeps data, by rule name (lpse_portal/retensi.py);
# unset rules use their own defaults, listed by `manage.py terapkan_retensi --daftar`.
RETENSI_HARI: dict[str, int] = {}

# bench/: a bare view at /bench/kosong/ through the same middleware, only when asked for.
BENCH_ENDPOINT = env_bool("BENCH_ENDPOINT", False)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Extra checks for /healthz/, added by apps (dotted paths to callables returning a
# (name, ok, detail) tuple).
HEALTH_CHECKS = [
    "lpse_portal.health.cek_database",
    "lpse_portal.health.cek_cache",
    "lpse_portal.health.cek_broker",
    "sistem.health.cek_backup",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
