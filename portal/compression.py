"""Gzip for text, never for files that are compressed already.

Django's GZipMiddleware compresses every response a client takes gzip for,
streamed files included. A PDF (or a PNG) is compressed inside already:
gzipping it again costs a page worker several milliseconds a request, makes
it barely smaller, and turns its strong ETag into a weak one. This middleware
passes those media types through untouched and gzips everything else as
Django does.
"""

from django.middleware.gzip import GZipMiddleware

ALREADY_COMPRESSED = ("application/pdf", "image/png", "image/jpeg", "image/webp", "font/woff2")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type in ALREADY_COMPRESSED:
            return response
        return super().process_response(request, response)
