"""The portal's own pages: the root address, where a visitor's language is chosen."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from portal.languages import PORTAL_LANGUAGES, direction
from portal.negotiation import preferred_language


@require_safe
def root(request):
    """Send the visitor to their language, or let them choose one."""
    code = preferred_language(request)
    if code:
        response = HttpResponseRedirect(f"/{code}/")
    else:
        response = render(request, "portal/language_chooser.html", {"choices": language_choices()})
    patch_vary_headers(response, ["Accept-Language"])
    # The answer depends on a request header: shared caches must not keep it.
    patch_cache_control(response, private=True, max_age=0)
    return response


def language_choices():
    """Each served language with a line of text in that language itself."""
    choices = []
    for language in PORTAL_LANGUAGES:
        with translation.override(language.code):
            tagline = translation.gettext("Housing information for newcomers in Gothenburg")
        choices.append(
            {
                "code": language.code,
                "name_local": language.name_local,
                "dir": direction(language.code),
                "tagline": tagline,
            }
        )
    return choices
