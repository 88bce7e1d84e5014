"""Settings for the Gothenburg housing information portal.

Everything that differs between a laptop and production comes from the
environment; ``.env.example`` lists each variable. The defaults are safe: DEBUG
is off unless asked for, and without DEBUG the portal refuses to start unless it
is given a secret key and the host names it answers to.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE, register_with_django

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "insecure-development-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
elif not SECRET_KEY or not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS, or DJANGO_DEBUG=true for development."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

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
    "django.middleware.gzip.GZipMiddleware",
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
                "housing_info.context_processors.languages",
            ],
        },
    },
]

# SQLite needs nothing installed; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one table in portal/languages.py.
register_with_django()
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = [(language.code, _(language.name)) for language in PORTAL_LANGUAGES]
LANGUAGES_BIDI = [language.code for language in PORTAL_LANGUAGES if language.bidi]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and number formats for the languages Django has none for.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
# Fields fall back to English, then Swedish: a reader never meets an empty field.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", SOURCE_LANGUAGE)
# The admin's language tabs need jQuery UI; modeltranslation would load it from
# a CDN, which the Content-Security-Policy forbids. A copy is served with ours.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"


# --- Request limits (portal/request_limits.py) -------------------------------
def env_byte_count(name, default):
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit() or int(value) == 0:
        raise ImproperlyConfigured(f"{name} must be a positive number of bytes, not {value!r}.")
    return int(value)


# Translation exchange: the largest XLIFF file a caseworker may import.
TRANSLATION_IMPORT_MAX_BYTES = env_byte_count("TRANSLATION_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
# The largest body a visitor may send (the feedback form, the login form).
PUBLIC_BODY_MAX_BYTES = env_byte_count("PUBLIC_BODY_MAX_BYTES", 8 * 1024)
# The largest body of an admin form once logged in (Django's own default before).
ADMIN_BODY_MAX_BYTES = env_byte_count("ADMIN_BODY_MAX_BYTES", 2560 * 1024)
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
        "BACKEND": os.environ.get(
            "DJANGO_STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Visitors get no cookies: language lives in the URL, never in a cookie or session.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The public address used in permalinks, QR codes, feeds and the sitemap.
PORTAL_BASE_URL = os.environ.get(
    "PORTAL_BASE_URL",
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}",
).rstrip("/")

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
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "goteborg@goteborg.se")
# HTTPS. Behind a load balancer that terminates TLS, set
# DJANGO_SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO (the header the proxy
# sets to "https"); if the proxy already redirects http to https, the portal's
# own redirect may be turned off with DJANGO_SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["DJANGO_SECURE_PROXY_SSL_HEADER"], "https")
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SILENCED_SYSTEM_CHECKS = [] if SECURE_SSL_REDIRECT or DEBUG else ["security.W008"]

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

# The admin: password guessing is locked out (django-axes, per user name and
# address), and staff log in with a one-time password as well (django-otp).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "staff_security/locked_out.html"
# The number of proxies in front of the portal that append to X-Forwarded-For.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "staff_security.client_address.client_address"
ADMIN_REQUIRE_2FA = env_bool("DJANGO_ADMIN_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Housing in Gothenburg"

# Caching: local memory per process by default; Redis shared by every instance
# in production. A Redis outage degrades to rendering from the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "page_cache.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "TIMEOUT": 600,
            "RETRY_AFTER": 5,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Template fragments that depend only on the language and the address ({% cache %}
# in base.html: menus, footer, language links): kept in each process's memory,
# since they change only with a release, which restarts every process.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
PAGE_CACHE_ALIAS = "default"
# Seconds a rendered page is kept; any content change drops it at once anyway.
PAGE_CACHE_TIMEOUT = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
# Cache-Control for browsers (max-age) and a CDN (s-maxage) on public pages.
PAGE_CACHE_MAX_AGE = int(os.environ.get("DJANGO_PAGE_MAX_AGE", "60"))
PAGE_CACHE_S_MAXAGE = int(os.environ.get("DJANGO_PAGE_S_MAXAGE", "60"))
# Models whose changes never alter what a visitor reads (app label or app.model).
# Counters written on visits (feedback, statistics) belong here too.
PAGE_CACHE_IGNORED_MODELS = [
    "sessions",
    "admin.logentry",
    "axes",
    "otp_totp",
    "otp_static",
    # Visitors' answers and counters are written on visits and shown only in the admin.
    "feedback",
    "language_demand",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
# WeasyPrint narrates every PDF at INFO and warns about screen-only CSS it skips.
LOGGING["loggers"] = {
    "weasyprint": {"level": "ERROR"},
    "fontTools": {"level": "WARNING"},
}
