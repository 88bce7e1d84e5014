"""Printable pages, PDFs, posters and embeds, under the language prefix."""

from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    path("<slug:slug>/print/", views.printable, name="print"),
    path("<slug:slug>/pdf/", views.page_pdf, name="pdf"),
    path("<slug:slug>/poster/", views.poster, name="poster"),
    path("<slug:slug>/poster/pdf/", views.poster_pdf, name="poster-pdf"),
    path("topics/<slug:slug>/embed/", views.topic_embed, name="topic-embed"),
]
