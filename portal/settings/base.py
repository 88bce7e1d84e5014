"""The core every environment shares: apps, middleware, templates, database, languages.

Static files too. The other concerns have a module each, beside this one:
``security.py``, ``caches.py``, ``tasks.py`` (Celery and stored PDFs),
``api.py`` (the partner API) and ``logging.py``. ``production.py`` puts them
together and adds what a deployment must set (secret key, host names, HTTPS);
``test.py`` adds the test suite's conveniences to that. Values that differ
between a laptop and a server come from the environment through
``portal/settings/environment.py`` (typed, with an error naming the variable);
``.env.example`` lists each variable. DEBUG is off unless DJANGO_DEBUG asks for it.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The search's prepared statement is planned once per connection, not for
    # each search's values (search/prepared.py). Only prepared statements (and
    # PL/pgSQL, which the portal has none of) read this; Django's queries are not
    # prepared (psycopg's client-side binding).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _given_options = _options.get("options", "")
    _options["options"] = f"{_given_options} -c plan_cache_mode=force_generic_plan".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# Where visitors report accessibility problems (named in the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env.text("ACCESSIBILITY_CONTACT_EMAIL", "goteborg@goteborg.se")
