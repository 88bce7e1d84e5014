"""Security settings: response headers, request limits, the client's address and
staff accounts (passwords, lockout, one-time passwords, session limits).

What only a deployment decides (secret key, host names, HTTPS, secure cookies)
is in ``production.py``.
"""

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from portal import client_address as _client_address
from portal.settings import environment as env
from portal.settings.base import DEBUG

# Visitors get no cookies: language lives in the URL, never in a cookie or session.
# (Secure cookies and HTTPS: production.py.)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

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

# Request limits (portal/request_limits.py).
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
