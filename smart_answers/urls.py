from django.urls import path

from smart_answers import views

app_name = "smart_answers"

urlpatterns = [
    path("", views.flow, name="flow"),
]
