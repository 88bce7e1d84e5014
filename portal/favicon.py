"""/favicon.ico, which browsers ask for whatever the page links: the static icon."""

from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

FAVICON_MAX_AGE = 24 * 60 * 60


@require_safe
def favicon(request):
    response = HttpResponsePermanentRedirect(static("favicon.ico"))
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response
