"""The ranked lists caseworkers read to decide which translations to commission next."""

from django.utils.translation import get_language_info

from housing_info.models import Page


def language_name(code):
    """The language's name in the caseworker's language, with its tag; the tag alone if unknown."""
    try:
        info = get_language_info(code)
    except KeyError:
        return code
    return f"{info['name_translated']} ({code})"


def ranked_languages(queryset, limit=50):
    """Languages by demand, most first, each with its name."""
    return [
        row | {"name": language_name(row["language"])}
        for row in queryset.order_by().ranked_languages()[:limit]
    ]


def ranked_pages(queryset, limit=50):
    """Pages missing in a language, most asked for first, each with its page."""
    rows = list(queryset.order_by().ranked_pages()[:limit])
    pages = Page.objects.in_bulk([row["page"] for row in rows])
    return [
        row | {"page": pages.get(row["page"]), "name": language_name(row["language"])}
        for row in rows
    ]
