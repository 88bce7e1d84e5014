"""Settings every environment shares: the applications and how they are wired.

What a deployment must set (secret key, host names, HTTPS) is in
``production.py``, which builds on this module; ``test.py`` adds the test
suite's conveniences to that. Values that differ between a laptop and a server
come from the environment through ``portal/settings/environment.py`` (typed,
with an error naming the variable); ``.env.example`` lists each variable.
DEBUG is off unless DJANGO_DEBUG asks for it.
"""

from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal import client_address as _client_address
from portal.languages import (
    FALLBACK_LANGUAGES,
    PORTAL_LANGUAGES,
    SOURCE_LANGUAGE,
    register_with_django,
)
from portal.settings import environment as env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env.boolean("DJANGO_DEBUG", False)

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # Django's admin with the portal's admin site (two-factor login for staff).
    "staff_security.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_prose_editor",
    "simple_history",
    # Project-wide: the root chooser, template tags, compile_catalogues.
    "portal",
    "housing_info",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "corsheaders",
    "sharing",
    "partner_api",
    "accessibility",
    "search",
    "smart_answers",
    "glossary",
    "feedback",
    "language_demand",
    "translation_workflow",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "staff_security",
    "page_cache",
]

MIDDLEWARE = [
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Refuses oversized bodies and control characters before anything reads them.
    "portal.request_limits.RequestLimitsMiddleware",
    # Counts language demand on every page view, cached or not, so it wraps the cache.
    "language_demand.middleware.UnservedLanguageMiddleware",
    # A cached page is answered here; everything below runs only on a miss.
    "page_cache.middleware.PageCacheMiddleware",
    # Gzip for text; PDFs and images are compressed already (portal/compression.py).
    "portal.compression.TextGZipMiddleware",
    "portal.security_headers.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.content_security.FormMediaNonceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Idle and absolute limits of staff sessions; after authentication and OTP.
    "staff_security.session_limits.SessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sharing.middleware.SlugRedirectMiddleware",
    "portal.database_outage.DatabaseOutageMiddleware",
    # django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.languages",
                # cache_generation and fragment_seconds for {% cache %} (page_cache).
                "page_cache.context_processors.fragment_keys",
            ],
        },
    },
]

# SQLite needs nothing installed; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": env.database(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.whole_number("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Staff passwords: at least 12 characters (OWASP ASVS L2).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one table in portal/languages.py.
register_with_django()
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = [(language.code, _(language.name)) for language in PORTAL_LANGUAGES]
LANGUAGES_BIDI = [language.code for language in PORTAL_LANGUAGES if language.bidi]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and number formats for the languages Django has none for (staff admin and
# form input; every date a reader sees goes through portal/dates.py, CLDR).
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
# Fields fall back like every output (portal.languages.fallback_chain): a reader
# never meets an empty field. Templates show such a text through
# portal.shown_text, which says which language it is in.
MODELTRANSLATION_FALLBACK_LANGUAGES = FALLBACK_LANGUAGES
# The admin's language tabs need jQuery UI; modeltranslation would load it from
# a CDN, which the Content-Security-Policy forbids. A copy is served with ours.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"


# --- Request limits (portal/request_limits.py) -------------------------------
# Translation exchange: the largest XLIFF file a caseworker may import.
TRANSLATION_IMPORT_MAX_BYTES = env.byte_count("TRANSLATION_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
# The largest body a visitor may send (the feedback form, the login form).
PUBLIC_BODY_MAX_BYTES = env.byte_count("PUBLIC_BODY_MAX_BYTES", 8 * 1024)
# The largest body of an admin form once logged in (Django's own default before).
ADMIN_BODY_MAX_BYTES = env.byte_count("ADMIN_BODY_MAX_BYTES", 2560 * 1024)
# Room for the multipart headers and fields around an uploaded XLIFF file.
TRANSLATION_IMPORT_FORM_ALLOWANCE = 64 * 1024
# Django's limits match the largest body the middleware lets through, so
# nothing it accepts is ever written to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_MEMORY_SIZE = max(
    PUBLIC_BODY_MAX_BYTES,
    ADMIN_BODY_MAX_BYTES,
    TRANSLATION_IMPORT_MAX_BYTES + TRANSLATION_IMPORT_FORM_ALLOWANCE,
)
# --- end of request limits ----------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.text(
            "DJANGO_STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# --- Background tasks (Celery) and stored PDFs (sharing) ---------------------
# PDFs and posters are rendered by a Celery worker (`celery -A portal worker`)
# and stored in the default storage under MEDIA_ROOT, which web and worker
# share. Nothing under MEDIA_ROOT is served by URL: the PDF views check access
# and send the file. See docs/deployment.md.
MEDIA_ROOT = Path(env.text("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "media/"
# The broker: CELERY_BROKER_URL, else the Redis the cache uses. Without one
# (development), tasks run at once in the web process ("eager").
CELERY_BROKER_URL = env.text("CELERY_BROKER_URL") or env.text("REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True
# Time budget of one task: an exception at the soft limit, the process killed at the hard one.
CELERY_TASK_SOFT_TIME_LIMIT = env.whole_number("CELERY_TASK_SOFT_TIME_LIMIT", 30, minimum=1)
CELERY_TASK_TIME_LIMIT = env.whole_number("CELERY_TASK_TIME_LIMIT", 45, minimum=1)
if CELERY_TASK_TIME_LIMIT <= CELERY_TASK_SOFT_TIME_LIMIT:
    raise env.SettingError(
        "CELERY_TASK_TIME_LIMIT must be larger than CELERY_TASK_SOFT_TIME_LIMIT "
        f"({CELERY_TASK_TIME_LIMIT} is not more than {CELERY_TASK_SOFT_TIME_LIMIT})."
    )
# A bounded pool: this many renders at once per worker, one task fetched at a time.
CELERY_WORKER_CONCURRENCY = env.whole_number("CELERY_WORKER_CONCURRENCY", 2, minimum=1)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# WeasyPrint's memory grows with what it rendered: a fresh process now and then.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.whole_number(
    "CELERY_WORKER_MAX_TASKS_PER_CHILD", 100, minimum=1
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Size budget: printable pages larger than this (bytes of HTML) get no PDF.
PDF_MAX_HTML_BYTES = env.whole_number("PDF_MAX_HTML_BYTES", 250_000, minimum=1000)
# --- end of background tasks ---------------------------------------------------

# Visitors get no cookies: language lives in the URL, never in a cookie or session.
# (Secure cookies and HTTPS: production.py.)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The partner API (partner_api): read-only, anonymous, JSON only, no cookies.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "partner_api.pagination.PartnerPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "partner_api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Housing in Gothenburg: partner API",
    "DESCRIPTION": "Read-only housing information for newcomers, in twelve languages.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
}
# Any site may read the API from a browser; nothing else is shared across origins.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
# Where visitors report accessibility problems (named in the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env.text("ACCESSIBILITY_CONTACT_EMAIL", "goteborg@goteborg.se")

# Content-Security-Policy (django-csp): only the portal's own files, no inline
# script, no third party, and no framing. A view that partners may embed uses
# portal.embedding.embeddable, which replaces frame-ancestors for that view.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE only appears where a response uses one (the admin's page editor).
        "script-src": [SELF, NONCE],
        # The page editor (tiptap, in django-prose-editor) injects one fixed
        # <style> block; its hash allows exactly that block and nothing else.
        # An upgrade that changes it fails the browser test, naming the new hash.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
# Browser features the portal never uses (see portal/security_headers.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# --- Staff accounts and the client address (issue 13, items 6 and 7) ---


# The client's address (portal/client_address.py): X-Forwarded-For is believed
# only from these proxies (addresses or CIDR ranges, e.g. the load balancer's
# subnet). DJANGO_PROXY_COUNT, if set, is the number of proxies that append to
# it (a CDN and the balancer: 2); unset, the right-most untrusted entry counts.
try:
    TRUSTED_PROXIES = _client_address.parse_networks(env.comma_list("DJANGO_TRUSTED_PROXIES"))
except ImproperlyConfigured as error:
    raise env.SettingError(str(error)) from None
PROXY_COUNT = env.whole_number("DJANGO_PROXY_COUNT", 0, minimum=0)
if PROXY_COUNT and not TRUSTED_PROXIES:
    raise env.SettingError(
        "DJANGO_PROXY_COUNT needs DJANGO_TRUSTED_PROXIES (the load balancer's addresses): "
        "without them anyone reaching the portal directly could claim any address."
    )

# The admin: password guessing is locked out (django-axes), and staff log in
# with a one-time password as well (django-otp), all on one form.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "staff_security.lockout.StaffLockoutHandler"
# Counted three ways, each with its limit (staff_security/lockout.py): one user
# name from one address, one address for any user names, one user name from
# any addresses. The first entry must stay the pair.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_FAILURE_LIMIT = env.whole_number("DJANGO_AXES_FAILURE_LIMIT", 5, minimum=1)
STAFF_LOCKOUT_ADDRESS_LIMIT = env.whole_number("DJANGO_AXES_ADDRESS_FAILURE_LIMIT", 20, minimum=1)
STAFF_LOCKOUT_USERNAME_LIMIT = env.whole_number("DJANGO_AXES_USERNAME_FAILURE_LIMIT", 20, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "staff_security/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
ADMIN_REQUIRE_2FA = env.boolean("DJANGO_ADMIN_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Housing in Gothenburg"

# Staff sessions (OWASP ASVS L2): logged out after 30 minutes without a request
# and 12 hours after logging in, whatever happens in between
# (staff_security/session_limits.py). The cookie and the stored session expire
# with the absolute limit.
SESSION_IDLE_SECONDS = 60 * env.whole_number("DJANGO_SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_ABSOLUTE_SECONDS = 3600 * env.whole_number("DJANGO_SESSION_MAX_HOURS", 12, minimum=1)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
# --- end of staff accounts and the client address ---

# --- Caches (page_cache; every cache of the project is described in docs/caching.md) ---
# Without REDIS_URL each process caches in its own memory: right for one process
# (development, a single worker). Production with more than one process needs
# REDIS_URL; the system check portal.E001 refuses to start otherwise.
REDIS_URL = env.text("REDIS_URL")
# How many processes serve requests (gunicorn reads the same variable as its
# default --workers); portal.E001 compares it with the cache in use.
WEB_CONCURRENCY = env.whole_number("WEB_CONCURRENCY", 1, minimum=1)


def redis_cache(location, key_prefix, retry_after=5):
    """django-redis at ``location``: an unreachable Redis gives misses, logged once."""
    from portal.redis_connection import OutageAwareConnection, OutageAwareSSLConnection

    secure = location.startswith("rediss://")
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "TIMEOUT": 600,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "CONNECTION_POOL_KWARGS": {
                "connection_class": OutageAwareSSLConnection if secure else OutageAwareConnection,
                # Seconds an unreachable Redis is left alone before it is tried again.
                "retry_after": retry_after,
            },
        },
    }


if REDIS_URL:
    CACHES = {
        # Counters and limits (feedback rate limit, language demand).
        "default": redis_cache(REDIS_URL, "portal"),
        # Rendered pages and the cache generation (page_cache).
        "pages": redis_cache(REDIS_URL, "portal:pages"),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# Errors Redis answers with are logged; an outage is logged once, when it starts
# and when it ends (portal.redis_connection), not on every call.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Template fragments ({% cache %}): kept in each process's memory, keyed by the
# shared cache generation (the context variable cache_generation), so a change
# saved on any instance is seen by every process at once; the templates give
# them PAGE_CACHE_TIMEOUT (fragment_seconds).
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
PAGE_CACHE_ALIAS = "pages"
# Seconds a rendered page is kept; any content change drops it at once anyway.
PAGE_CACHE_TIMEOUT = env.whole_number("DJANGO_PAGE_CACHE_SECONDS", 600)
# Cache-Control for browsers (max-age) and a CDN (s-maxage) on public pages.
PAGE_CACHE_MAX_AGE = env.whole_number("DJANGO_PAGE_MAX_AGE", 60)
PAGE_CACHE_S_MAXAGE = env.whole_number("DJANGO_PAGE_S_MAXAGE", 60)
# --- end of caches ---

# Language demand: page views count in Redis (language_demand/store.py); Celery
# beat writes the counts to the database every 5 minutes. Other periodic tasks
# add their own entries to this dictionary.
CELERY_BEAT_SCHEDULE = globals().get("CELERY_BEAT_SCHEDULE", {})
CELERY_BEAT_SCHEDULE["language-demand-flush"] = {
    "task": "language_demand.tasks.flush_language_demand",
    "schedule": 5 * 60.0,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {
        "unexpected_redis_errors": {"()": "portal.redis_connection.OnlyUnexpectedRedisErrors"}
    },
    "root": {
        "handlers": ["console"],
        "level": env.choice("DJANGO_LOG_LEVEL", "INFO", env.LOG_LEVELS),
    },
}
# WeasyPrint narrates every PDF at INFO and warns about screen-only CSS it skips.
LOGGING["loggers"] = {
    "weasyprint": {"level": "ERROR"},
    # django-redis's ignored errors, without the connection failures reported once.
    "django_redis.cache": {"filters": ["unexpected_redis_errors"]},
    "fontTools": {"level": "WARNING"},
}
# --- Logs without readers' answers or search words (issue 13, item 8) ---
# Every query string in Django's request logs, runserver's request lines
# included, is replaced by "?REDACTED" (portal/log_privacy.py); gunicorn's
# access log gets the same from portal/gunicorn.conf.py.
LOGGING.setdefault("filters", {})["redact_query_strings"] = {
    "()": "portal.log_privacy.RedactQueryStrings"
}
LOGGING["formatters"] = {
    "django.server": {
        "()": "django.utils.log.ServerFormatter",
        "format": "[{server_time}] {message}",
        "style": "{",
    }
}
LOGGING["handlers"]["console"]["filters"] = ["redact_query_strings"]
LOGGING["handlers"]["django.server"] = {
    "class": "logging.StreamHandler",
    "formatter": "django.server",
    "filters": ["redact_query_strings"],
}
LOGGING["loggers"]["django.server"] = {
    "handlers": ["django.server"],
    "level": "INFO",
    "propagate": False,
}
LOGGING["loggers"]["django.request"] = {"filters": ["redact_query_strings"]}
# --- end of logs without readers' answers ---
