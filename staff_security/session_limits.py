"""Staff sessions end after a while without a request and after a fixed lifetime.

OWASP ASVS L2 asks for both: an idle timeout (``SESSION_IDLE_SECONDS``, 30
minutes by default) and an absolute lifetime from the login
(``SESSION_ABSOLUTE_SECONDS``, 12 hours), whatever the person does in between.
The session keeps two timestamps: when this middleware first saw it logged in
(the login response itself) and when it last saw a request. The last-seen time
is written at most once a minute (a tenth of the idle timeout if that is
shorter), so that clicking through the admin does not write the session on
every request; a session thus ends at most that much before
``SESSION_IDLE_SECONDS`` after the last request, never later.

Visitors have no session: the middleware does nothing unless a session cookie
came with the request or the view logged someone in.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

LOGIN_AT = "staff_security.login_at"
SEEN_AT = "staff_security.seen_at"


def touch_seconds():
    return min(60, settings.SESSION_IDLE_SECONDS // 10)


def session_expired(session, now):
    """True when a logged-in session has been idle too long or lived too long."""
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT, login_at)
    if login_at is None:
        return False
    return (
        now - login_at >= settings.SESSION_ABSOLUTE_SECONDS
        or now - seen_at >= settings.SESSION_IDLE_SECONDS
    )


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        has_cookie = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_cookie and request.user.is_authenticated:
            now = time.time()
            if session_expired(request.session, now):
                # Flushes the session and makes the request anonymous: the admin
                # then asks for the login again.
                logout(request)
            elif now - request.session.get(SEEN_AT, 0) >= touch_seconds():
                request.session[SEEN_AT] = now
        response = self.get_response(request)
        # Without a cookie, only a view that logged someone in has touched the
        # session; looking at any other would add Vary: Cookie to public pages.
        logged_in_now = getattr(request, "session", None) is not None and request.session.modified
        if (
            (has_cookie or logged_in_now)
            and request.user.is_authenticated
            and LOGIN_AT not in request.session
        ):
            # Just logged in (or a session from before these limits existed).
            now = time.time()
            request.session[LOGIN_AT] = now
            request.session[SEEN_AT] = now
        return response
