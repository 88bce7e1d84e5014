"""The partner API and the sitemap, outside the language prefix."""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from partner_api import views
from partner_api.errors import api_index, api_not_found
from partner_api.sitemaps import SITEMAPS

app_name = "partner_api"

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False
router.register("topics", views.TopicViewSet, basename="topic")
router.register("pages", views.PageViewSet, basename="page")
router.register("contact-points", views.ContactPointViewSet, basename="contact-point")

urlpatterns = [
    path("api/", api_index, name="index"),
    path("api/v1/", include(router.urls)),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", views.partner_docs_redirect, name="docs"),
    re_path(r"^api/", api_not_found),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
