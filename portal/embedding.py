"""Letting one view be framed by other sites, which every other view forbids.

The Content-Security-Policy says ``frame-ancestors 'none'`` and X-Frame-Options
says DENY for the whole portal. A view meant to be embedded on partners' sites
(an embeddable widget) takes this decorator, which replaces the CSP directive
for that view only and exempts it from X-Frame-Options:

    from portal.embedding import embeddable

    @embeddable
    def embed(request, slug): ...

Pass ``ancestors`` to allow only some sites: ``@embeddable(ancestors=["https://x.se"])``.
The page cache stores the response with its headers, so cached copies keep them.
"""

from csp.decorators import csp_replace
from django.views.decorators.clickjacking import xframe_options_exempt

ANY_SITE = ["*"]


def embeddable(view=None, *, ancestors=None):
    def decorate(view):
        return xframe_options_exempt(
            csp_replace({"frame-ancestors": list(ancestors or ANY_SITE)})(view)
        )

    return decorate(view) if view is not None else decorate
