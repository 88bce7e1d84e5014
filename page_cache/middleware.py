"""Whole rendered pages for anonymous readers, cached per language and address.

A page is stored only when it is the same for every visitor: an anonymous GET or
HEAD (no session cookie, no Authorization header) of an address under a
language prefix, answered 200 without setting a cookie, without varying on
cookies and without a Cache-Control header that forbids sharing. Everything
else (the admin, a staff preview, a form with a CSRF token, a redirect that
depends on Accept-Language) passes through untouched and is marked private.

The key holds the static files' manifest hash (so a release with new CSS never
serves pages that link the old files), whether the client takes gzip, the host
and the full path with its query string; the entry holds the cache generation
it was rendered under (see ``generation.py``) and is used only while that is
still the current one. After an invalidation, the first request for a page
renders it under a short lock (``add`` in the shared cache); others asking for
the same page meanwhile wait for that copy, so each page is rendered once
however many readers arrive at once. The stored response keeps every header the inner middleware set
(CSP, Permissions-Policy, Content-Language, a gzip body), so a hit is answered
here without touching sessions, templates or the database.
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, has_vary_header, patch_cache_control
from django.utils.functional import cached_property

from page_cache import generation

CACHEABLE_METHODS = {"GET", "HEAD"}
UNSHAREABLE = {"private", "no-store", "no-cache"}
MAX_PATH_LENGTH = 1000
STATUS_HEADER = "X-Page-Cache"
# The longest a request waits for another one rendering the same page (and the
# lock's lifetime, should its holder die), and how often it looks.
RENDER_LOCK_SECONDS = 10
RENDER_POLL_SECONDS = 0.02
# How long an address whose answer could not be stored skips the render lock
# (within one generation): short, so a page that failed once is cached again soon.
NEVER_STORED_SECONDS = 60


def accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def is_anonymous(request):
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_current(stored, current):
    return stored is not None and stored[0] == current


def forbids_sharing(response):
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return bool(directives & UNSHAREABLE)


def is_shareable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not forbids_sharing(response)
    )


def never_stored_key(key):
    """Where the page cache notes the generation in which ``key`` was not storable."""
    return f"{key}:never-stored"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    @cached_property
    def release(self):
        # The manifest's hash changes with every static file; empty without one.
        return getattr(staticfiles_storage, "manifest_hash", "") or ""

    def __call__(self, request):
        if settings.PAGE_CACHE_TIMEOUT <= 0:
            # Nothing is stored with the page cache turned off
            # (DJANGO_PAGE_CACHE_SECONDS=0): no reader waits for another's copy.
            # A page that could have been stored still reads the generation
            # once, for its fragments and glossary links alike.
            current = generation.current() if self.is_cacheable(request) else None
            return self.respond(request, None, current)
        key = self.key_for(request)
        current, found = None, {}
        if key is not None:
            # The generation, the page and the never-stored note come back
            # together: one round trip.
            current, found = generation.current_and(key, never_stored_key(key))
            if current is None:
                key = None  # no cache to use: render, do not store
            elif is_current(found.get(key), current):
                return self.rebuild(found[key][1])
        if key is None:
            return self.respond(request, None, None)
        # After an invalidation, many readers ask for the same page at once:
        # one renders it, the others wait for its copy. An address whose answer
        # is never stored (a PDF file, a page marked no-store) keeps no one
        # waiting: a waiting reader would hold a page worker for nothing.
        if found.get(never_stored_key(key)) == current:
            return self.respond(request, key, current)
        cache = generation.page_cache()
        lock = f"{key}:rendering:{current}"
        # Each render holds the lock under a token of its own: a reader waits
        # for that one render, never for the next reader's.
        token = secrets.token_hex(8)
        if not cache.add(lock, token, timeout=RENDER_LOCK_SECONDS):
            stored = self.wait_for_render(cache, key, lock, current)
            if stored is not None:
                return self.rebuild(stored[1])
            return self.respond(request, key, current)
        try:
            return self.respond(request, key, current)
        finally:
            cache.delete(lock)

    def respond(self, request, key, current):
        """The view's response, stored under ``key`` when it is the same for everyone."""
        with generation.rendering_under(current):
            response = self.get_response(request)
        if key is not None and is_shareable(response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_S_MAXAGE,
            )
            response[STATUS_HEADER] = "miss"
            generation.page_cache().set(
                key, (current, self.freeze(response)), settings.PAGE_CACHE_TIMEOUT
            )
        else:
            if key is not None:
                generation.page_cache().set(never_stored_key(key), current, NEVER_STORED_SECONDS)
            self.mark_private(request, response)
        return response

    @staticmethod
    def wait_for_render(cache, key, lock, current):
        """The copy another request is rendering, or None when it will not come.

        It will not come when that render ends without storing a copy (a 404,
        a cookie): the lock is then gone, or held by another reader's render.
        """
        deadline = time.monotonic() + RENDER_LOCK_SECONDS
        holder = cache.get(lock)
        while holder is not None and time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
            found = cache.get_many([key, lock])
            if is_current(found.get(key), current):
                return found[key]
            if found.get(lock) != holder:
                return None  # rendered, not stored: render it here
        return None

    def is_cacheable(self, request):
        """Whether this request's answer may be kept (when it is the same for everyone)."""
        return (
            request.method in CACHEABLE_METHODS
            and request.path_info.startswith(self.prefixes)
            and len(request.get_full_path()) <= MAX_PATH_LENGTH
            and is_anonymous(request)
        )

    def key_for(self, request):
        """The cache key of this request, or None when it must not be cached."""
        if not self.is_cacheable(request):
            return None
        path = request.get_full_path()
        digest = hashlib.sha256(f"{request.get_host()}{path}".encode()).hexdigest()
        encoding = "gzip" if accepts_gzip(request) else "identity"
        return f"page:{self.release}:{encoding}:{digest}"

    @staticmethod
    def mark_private(request, response):
        """Keep staff pages and negotiated answers out of every shared cache."""
        if not is_anonymous(request):
            patch_cache_control(response, private=True, no_store=True)
        elif "Cache-Control" not in response and (
            has_vary_header(response, "Accept-Language") or has_vary_header(response, "Cookie")
        ):
            patch_cache_control(response, private=True, max_age=0)

    @staticmethod
    def freeze(response):
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def rebuild(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return response
