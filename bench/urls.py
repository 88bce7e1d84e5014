"""The portal's URLs plus ``/ceiling/``: a constant page through the same middleware.

The ceiling view returns the bytes of a real content page (saved by the
benchmark in BENCH_CEILING_FILE) without templates or queries: what this stack
(gunicorn, Django, the middleware) can do at most for a page of that size.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns

CEILING_PAGE = Path(os.environ.get("BENCH_CEILING_FILE", "/dev/null")).read_bytes()


def ceiling(request):
    return HttpResponse(CEILING_PAGE)


urlpatterns = [path("ceiling/", ceiling), *portal_urlpatterns]
