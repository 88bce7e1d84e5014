"""Language-neutral addresses, outside the language prefix."""

from django.urls import path

from sharing import views

app_name = "permalinks"

urlpatterns = [
    path("p/<slug:slug>/", views.page_permalink_view, name="page"),
    path("p/<slug:slug>/qr.svg", views.page_qr_svg, name="qr-svg"),
    path("p/<slug:slug>/qr.png", views.page_qr_png, name="qr-png"),
    path("t/<slug:slug>/", views.topic_permalink_view, name="topic"),
]
