"""What a page view showed a reader, noted on the request for the middleware that counts it.

The content app (``housing_info``) notes it; the language-demand app reads it.
Neither knows the other: this module is the interface between them. The note
lives on the request only, so nothing of it is stored with a cached page.
"""

# (reader's language, page id) for a view of a missing translation; None for a
# page shown in the reader's language; absent when no page view ran.
MISSING_TRANSLATION = "portal_missing_translation"


def note_page_language(request, page, reader_language, shown_language):
    """Note which language ``page`` was shown in to this reader."""
    # Unpublished pages are staff previews, not demand.
    missing = page.published and shown_language != reader_language
    setattr(request, MISSING_TRANSLATION, (reader_language, page.pk) if missing else None)


def noted_page_language(request):
    """What ``note_page_language`` noted: a (language, page id) pair, None, or False if nothing."""
    return getattr(request, MISSING_TRANSLATION, False)
