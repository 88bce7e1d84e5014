from django.urls import path

from accessibility import views

app_name = "accessibility"

# Two path segments, so no page slug can ever take this address.
urlpatterns = [
    path("about/accessibility/", views.statement, name="statement"),
]
