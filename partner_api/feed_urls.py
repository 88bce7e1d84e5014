"""The Atom feed of each language, under its language prefix."""

from django.urls import path

from partner_api.feeds import ChangedPagesFeed

app_name = "feeds"

urlpatterns = [
    path("feed.atom", ChangedPagesFeed(), name="pages"),
]
