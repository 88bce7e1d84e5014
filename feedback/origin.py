"""Whether a form was sent from one of the portal's own pages."""

from urllib.parse import urlsplit

from django.conf import settings


def is_same_origin(request):
    """True when the Origin header (or, without it, the Referer) is the portal itself.

    Browsers send Origin with every POST; old ones send at least the Referer,
    which our Referrer-Policy (same-origin) keeps for our own pages. A request
    with neither did not come from a form on our pages.
    """
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin:
        return origin in allowed
    try:
        referer = urlsplit(request.headers.get("Referer", ""))
    except ValueError:
        # Not an address at all ("http://[", a bracketed host that is no IP address).
        return False
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" in allowed
