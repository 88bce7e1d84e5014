"""The API's documentation page, under the language prefix so that it can be switched."""

from django.urls import path

from partner_api import views

app_name = "partner_docs"

urlpatterns = [
    path("partners/api/", views.partner_docs, name="docs"),
]
