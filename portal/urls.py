"""The portal's addresses: public pages under a language prefix, the rest outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal.favicon import favicon
from portal.views import root

handler500 = "portal.database_outage.server_error"

urlpatterns = [
    path("", root, name="root"),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("sharing.permalink_urls")),
    path("", include("partner_api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("accessibility.urls")),
    # Before housing_info: its "<slug>/" page address would catch these.
    path("search/", include("search.urls")),
    path("what-applies-to-me/", include("smart_answers.urls")),
    path("glossary/", include("glossary.urls")),
    path("feedback/", include("feedback.urls")),
    # The partner API's docs page, in the language chosen by the switcher.
    path("", include("partner_api.docs_urls")),
    path("", include("housing_info.urls")),
    path("", include("sharing.urls")),
    path("", include("partner_api.feed_urls")),
)
