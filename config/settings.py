"""Charterboard settings: one module, configured by environment variables.

With no variable set, the app runs on SQLite in ``var/`` and Celery needs no Redis.
Every variable is listed in the README.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.observability import init_sentry
from config.sso import oidc_origins, oidc_providers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CHARTERBOARD_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


def env_bool(name: str, default: bool) -> bool:
    """An unset or empty variable is the default; anything but the accepted words is refused,
    because reading a typo such as ``DJANGO_DEBUG=flase`` as false (or true) silently
    changes how the site runs."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value: use one of "
        f"{', '.join(TRUE_WORDS)} or {', '.join(FALSE_WORDS)}."
    )


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "django_prometheus",
    "ninja",
    "charter",
    "research",
    "roadmap",
    "governance",
]

MIDDLEWARE = [
    # Outermost, so that Server-Timing covers every other middleware.
    "config.observability.ServerTimingMiddleware",
    # First and last: request counts and latencies as the whole stack answered them.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "config.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a person's chosen language overrides the browser's.
    "charter.languages.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, so that it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "charter.workspaces.context_processors.workspaces",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'charterboard.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (web, worker) share the file; wait for locks instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # A database that does not answer fails the request (and /readyz) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
    # Behind PgBouncer in transaction mode each transaction may run on another server
    # connection: a server-side cursor (a named cursor outliving its transaction) would be
    # lost. Django's client-side parameter binding already avoids prepared statements.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool(
        "DATABASE_TRANSACTION_POOLING", False
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    # Read from Redis instead of one database query per request (config/sessions.py).
    SESSION_ENGINE = "config.sessions"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
        }
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "charter:home"
LOGOUT_REDIRECT_URL = "login"

# Failed logins: lock a username+IP pair out for a while after a few failures.
# Requests one API token may make per minute before it is answered 429 with Retry-After.
API_RATE_LIMIT_PER_MINUTE = int(os.environ.get("API_RATE_LIMIT_PER_MINUTE", "120"))
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# What was typed in allauth's "login" field (a username or an email), for failures and successes alike.
AXES_USERNAME_CALLABLE = "charter.workspaces.login_limits.attempted_login"

# django-allauth logs people in (password, then the second factor if they have one), links
# single sign-on accounts and manages second factors. Sign-up, its email confirmation and
# password reset stay ours (charter/workspaces/signup.py): they never reveal which emails
# have accounts, and an account only becomes active once its email is confirmed, so every
# active account's email is verified (docs/decisions.md, 26).
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
# Sessions last as they did before allauth (no "remember me" box).
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_FORMS = {"login": "charter.workspaces.forms.LoginForm"}
# Log-ins are limited by django-axes and charter/workspaces/login_limits.py, which never
# lock an account's owner out from a clean address; allauth's own limits would.
ACCOUNT_RATE_LIMITS = {"login": False, "login_failed": False}
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
SOCIALACCOUNT_ADAPTER = "charter.workspaces.sso.SocialAccountAdapter"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = True
# An identity provider that vouches for an email signs in the account with that email.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": oidc_providers(os.environ)}
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Charterboard"
MFA_FORMS = {
    "authenticate": "charter.workspaces.sso.AuthenticateForm",
    "reauthenticate": "charter.workspaces.sso.ReauthenticateForm",
}
# Passkeys serve as a second factor; logging in with one alone would skip the password and
# the log-in ceilings.
MFA_PASSKEY_LOGIN_ENABLED = False
# Browsers offer WebAuthn on http://localhost only in development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    ("zh-hant", _("Traditional Chinese")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Files on an S3-compatible bucket when one is named, so that any web host serves what any
# worker stored; otherwise on the local disk under MEDIA_ROOT.
S3_BUCKET = os.environ.get("CHARTERBOARD_S3_BUCKET", "")
# Seconds a presigned download link stays valid: long enough to start the download, short
# enough that a forwarded link soon stops working.
S3_PRESIGN_SECONDS = int(os.environ.get("CHARTERBOARD_S3_PRESIGN_SECONDS", "60"))


def s3_storage(bucket: str, **connection) -> dict:
    """The ``STORAGES["default"]`` entry for a bucket; ``connection`` holds endpoint_url,
    region_name, access_key, secret_key and addressing_style (None: boto3's own default)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            **connection,
            "signature_version": "s3v4",
            # Private objects: every download goes through the app's access check first.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": S3_PRESIGN_SECONDS,
            # As on disk, a name already taken gets a suffix instead of replacing the file.
            "file_overwrite": False,
        },
    }


if S3_BUCKET:
    STORAGES["default"] = s3_storage(
        S3_BUCKET,
        endpoint_url=os.environ.get("CHARTERBOARD_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("CHARTERBOARD_S3_REGION") or None,
        access_key=os.environ.get("CHARTERBOARD_S3_ACCESS_KEY_ID") or None,
        secret_key=os.environ.get("CHARTERBOARD_S3_SECRET_ACCESS_KEY") or None,
        addressing_style=os.environ.get("CHARTERBOARD_S3_ADDRESSING_STYLE") or None,
    )
# Large enough for a charter PDF to verify, small enough to refuse abuse.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Charterboard <charterboard@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. Without Redis, a filesystem transport under var/ lets a real worker run beside
# the web server with nothing else installed.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # An unacknowledged message (its worker died) goes back to the queue after this many
    # seconds; it must stay above PDF_TASK_TIME_LIMIT so a live render is never handed out twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "600"))
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    _queue_dir = VAR_DIR / "celery-queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        # Otherwise kombu keeps its exchange tables in ./control, wherever the worker started.
        "control_folder": str(VAR_DIR / "celery-control"),
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker process that grew past this (KiB) after a task is replaced: a large CJK charter
# needs ~400 MB while it renders, and the heap a process once needed rarely shrinks fully.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = int(
    os.environ.get("CELERY_WORKER_MAX_MEMORY_PER_CHILD", str(600 * 1024))
)
CELERY_TASK_IGNORE_RESULT = True
# Queues by kind, so that a long render never holds up an email: PDF renders (charters and
# board packs) wait in ``documents``; everything else (emails, webhooks, notifications,
# reminders) in ``messages``. Each kind of worker consumes one with ``-Q`` and scales alone.
DOCUMENTS_QUEUE = "documents"
MESSAGES_QUEUE = "messages"
WORKER_QUEUES = (DOCUMENTS_QUEUE, MESSAGES_QUEUE)
CELERY_TASK_DEFAULT_QUEUE = MESSAGES_QUEUE
CELERY_TASK_ROUTES = {"charter.documents.tasks.*": {"queue": DOCUMENTS_QUEUE}}
# Task modules live beside what they work on, not in one ``tasks.py`` per app.
CELERY_IMPORTS = (
    "charter.mail",
    "charter.outbox",
    "charter.documents.tasks",
    "charter.actuals.tasks",
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker outlives any broker outage: it also relays the outbox once the broker is back.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "remind-owners-of-overdue-actuals": {
        "task": "charter.actuals.tasks.send_actual_reminders",
        "schedule": crontab(hour=int(os.environ.get("REMINDER_HOUR", "7")), minute=0),
    },
    "remind-boards-of-their-cadence": {
        "task": "governance.notifications.tasks.send_cadence_reminders",
        "schedule": crontab(hour=int(os.environ.get("REMINDER_HOUR", "7")), minute=15),
    },
    "send-notification-digests": {
        "task": "governance.notifications.tasks.send_digests",
        "schedule": crontab(hour=int(os.environ.get("DIGEST_HOUR", "17")), minute=0),
    },
    "prune-sent-outbox-messages": {
        "task": "charter.outbox.prune_sent",
        "schedule": crontab(hour=3, minute=30),
    },
}
# Days after a period ends before its actual counts as overdue.
ACTUAL_REPORTING_GRACE_DAYS = int(os.environ.get("ACTUAL_REPORTING_GRACE_DAYS", "7"))
# Days before the board's next review date that its owners are reminded.
REVIEW_REMINDER_DAYS = int(os.environ.get("REVIEW_REMINDER_DAYS", "7"))
# Days before a board meeting that its members get the board pack.
MEETING_REMINDER_DAYS = 2
# The board pack travels with the meeting reminder up to this size; above it, the link only.
BOARD_PACK_ATTACH_MAX_BYTES = int(
    os.environ.get("BOARD_PACK_ATTACH_MAX_BYTES", str(5 * 1024 * 1024))
)
# Seconds a Slack or Teams webhook may take to answer before the post counts as failed.
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "5"))
# Plain http:// webhooks are refused except to this machine while debugging (and in tests).
WEBHOOK_ALLOW_HTTP_LOOPBACK = DEBUG

# PDF rendering: a soft limit the task catches to record a readable failure, and a hard limit
# after which the worker process is killed and the export counts as stale.
PDF_TASK_SOFT_TIME_LIMIT = int(os.environ.get("PDF_TASK_SOFT_TIME_LIMIT", "240"))
PDF_TASK_TIME_LIMIT = int(os.environ.get("PDF_TASK_TIME_LIMIT", "300"))
# A render writes a heartbeat this often; after PDF_MISSED_HEARTBEATS missed beats its worker
# counts as dead and the export is queued again, without waiting for the visibility timeout.
PDF_HEARTBEAT_SECONDS = float(os.environ.get("PDF_HEARTBEAT_SECONDS", "5"))
PDF_MISSED_HEARTBEATS = 3
# Processes one render may keep busy at once: 2 writes a long PDF in two halves, one per core
# (charter.documents.halves); 1 writes it in one go, for a worker that already runs one render
# per core.
PDF_RENDER_PROCESSES = int(os.environ.get("PDF_RENDER_PROCESSES", "2"))
# How often each worker relays task messages the web could not hand to the broker.
OUTBOX_RELAY_SECONDS = float(os.environ.get("OUTBOX_RELAY_SECONDS", "5"))
# The key that signs approved PDFs: a PKCS#12 file and its password. Without one, the
# instance makes a self-signed key under VAR_DIR/signing/ on first use.
PDF_SIGNING_PKCS12 = os.environ.get("PDF_SIGNING_PKCS12", "")
PDF_SIGNING_PASSWORD = os.environ.get("PDF_SIGNING_PASSWORD", "")

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere: htmx's own indicator <style> is switched off in
# base.html, and the charts paint with SVG attributes. PDFs are drawn by WeasyPrint, not a browser.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the QR code allauth draws when an authenticator app is set up.
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        # The single sign-on button posts here and is redirected to the identity provider,
        # which browsers check against form-action too.
        "form-action": [SELF, *oidc_origins(SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"])],
        "frame-ancestors": [NONE],
    }
}
# Only behind a proxy that sets X-Forwarded-Proto itself (overwriting what the client sent):
# otherwise any client could claim HTTPS.
if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers and container probes ask over plain HTTP from inside.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# ``json``: one JSON object per line, for a log collector; ``text``: for people.
LOG_FORMAT = os.environ.get("CHARTERBOARD_LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"CHARTERBOARD_LOG_FORMAT={LOG_FORMAT!r}: use json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.observability.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(task_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
    },
}

# Prometheus: /metrics answers a scraper sending this bearer token; without one, only
# clients on this machine (config/metrics.py).
METRICS_TOKEN = os.environ.get("CHARTERBOARD_METRICS_TOKEN", "")

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
