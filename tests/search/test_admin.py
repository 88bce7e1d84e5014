"""Search keywords on the page's admin form."""

import pytest
from django.test import Client
from django.urls import reverse

from search.models import PageKeywords
from search.queries import search_pages
from tests.factories import make_page, make_user, page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(make_user("Editor"))
    return client


def test_the_page_form_has_a_keywords_field_per_language_with_a_swedish_label(editor_client):
    page = make_page()
    content = editor_client.get(reverse("admin:housing_info_page_change", args=[page.pk]))
    content = content.content.decode()
    for code in ("sv", "ar", "ti", "uk"):
        assert f'name="search_keywords-0-keywords_{code}"' in content
    assert "Sökord" in content


def test_keywords_saved_in_the_admin_let_readers_find_the_page(editor_client):
    page = make_page(title_ti="", body_ti="")
    data = page_form_data(page)
    data["search_keywords-0-keywords_ti"] = "ክራይ፡ ዕዳ ክራይ"
    response = editor_client.post(reverse("admin:housing_info_page_change", args=[page.pk]), data)
    assert response.status_code == 302
    assert PageKeywords.objects.get(page=page).keywords_ti == "ክራይ፡ ዕዳ ክራይ"
    assert search_pages("ዕዳ", "ti").pages == [page]


def test_a_reviewer_who_may_not_change_pages_cannot_change_keywords():
    client = Client()
    client.force_login(make_user("Reviewer"))
    page = make_page()
    content = client.get(reverse("admin:housing_info_page_change", args=[page.pk]))
    assert 'name="search_keywords-0-keywords_sv"' not in content.content.decode()


def test_a_page_form_posted_without_the_keywords_part_is_saved_and_keeps_them(editor_client):
    page = make_page()
    PageKeywords.objects.create(page=page, keywords_ar="إيجار")
    data = {
        name: value
        for name, value in page_form_data(page, title_sv="Ny titel", swedish_change="typo").items()
        if not name.startswith("search_keywords-")
    }
    response = editor_client.post(reverse("admin:housing_info_page_change", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_sv == "Ny titel"
    assert PageKeywords.objects.get(page=page).keywords_ar == "إيجار"


def test_a_translator_changes_only_the_keywords_of_their_languages():
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(make_user("Translator", languages=["ar"]))
    page = make_page()
    PageKeywords.objects.create(page=page, keywords_sv="hyra", keywords_ar="إيجار")
    address = reverse("admin:housing_info_page_change", args=[page.pk])
    content = client.get(address).content.decode()
    assert 'name="search_keywords-0-keywords_ar"' in content
    assert 'name="search_keywords-0-keywords_sv"' not in content
    assert "hyra" in content  # shown, to read
    data = page_form_data(page)
    data["search_keywords-0-keywords_ar"] = "إيجار، كراء"
    data["search_keywords-0-keywords_sv"] = "något annat"
    response = client.post(address, data)
    assert response.status_code == 302
    keywords = PageKeywords.objects.get(page=page)
    assert (keywords.keywords_ar, keywords.keywords_sv) == ("إيجار، كراء", "hyra")
