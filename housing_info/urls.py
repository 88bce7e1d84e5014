from django.urls import path

from housing_info import views

app_name = "housing_info"

urlpatterns = [
    path("", views.home, name="home"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("contacts/", views.contact_list, name="contacts"),
    path("<slug:slug>/", views.page_detail, name="page"),
]
