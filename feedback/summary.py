"""Feedback summed up per page and language, for caseworkers."""

from django.utils.translation import get_language_info

from housing_info.models import Page


def feedback_per_page_and_language(queryset, limit=100):
    rows = list(queryset.order_by().per_page_and_language()[:limit])
    pages = Page.objects.in_bulk([row["page"] for row in rows])
    return [
        row
        | {
            "page": pages.get(row["page"]),
            "language_name": get_language_info(row["language"])["name_translated"],
            "useful_percent": round(100 * row["yes"] / row["total"]),
        }
        for row in rows
    ]
