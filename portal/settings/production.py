"""Settings of a running portal: every concern's module plus what a deployment must decide.

manage.py, gunicorn (portal/wsgi.py), Celery and the image load this module.
It is safe by default: without DJANGO_DEBUG=true the portal refuses to start
unless it is given a secret key and the host names it answers to, and it
speaks only HTTPS. DJANGO_DEBUG=true (what dev.py sets) relaxes that for a
laptop. docs/deployment.md describes each variable.
"""

from portal.settings import environment as env
from portal.settings.api import *  # noqa: F403
from portal.settings.base import *  # noqa: F403
from portal.settings.base import DEBUG
from portal.settings.caches import *  # noqa: F403
from portal.settings.logging import *  # noqa: F403
from portal.settings.security import *  # noqa: F403
from portal.settings.tasks import *  # noqa: F403

SECRET_KEY = env.text("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.comma_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "insecure-development-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
elif not SECRET_KEY or not ALLOWED_HOSTS:
    raise env.SettingError(
        "Set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS, or DJANGO_DEBUG=true for development."
    )
CSRF_TRUSTED_ORIGINS = env.comma_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public address used in permalinks, QR codes, feeds and the sitemap.
PORTAL_BASE_URL = env.web_address(
    "PORTAL_BASE_URL", "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}"
)

# Cookies (staff sessions, CSRF) travel only over HTTPS outside development.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG

# HTTPS. Behind a load balancer that terminates TLS, set
# DJANGO_SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO (the header the proxy
# sets to "https"); if the proxy already redirects http to https, the portal's
# own redirect may be turned off with DJANGO_SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = env.boolean("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env.text("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (env.text("DJANGO_SECURE_PROXY_SSL_HEADER"), "https")
SECURE_HSTS_SECONDS = env.whole_number(
    "DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.boolean("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.boolean("DJANGO_SECURE_HSTS_PRELOAD", True)
SILENCED_SYSTEM_CHECKS = [] if SECURE_SSL_REDIRECT or DEBUG else ["security.W008"]
