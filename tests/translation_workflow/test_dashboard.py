"""The translation overview: states, shares, filters, links, overdue reviews, query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from housing_info.models import Page
from tests.factories import make_page, make_topic, make_user
from translation_workflow.dashboard import build_dashboard
from translation_workflow.roles import translation_languages
from translation_workflow.services import save_page_text
from translation_workflow.versions import LanguageVersion, TranslationState

pytestmark = pytest.mark.django_db

URL = "/admin/translation_workflow/translationoverview/"
STATES = [
    TranslationState.UP_TO_DATE,
    TranslationState.MACHINE,
    TranslationState.OUTDATED,
    TranslationState.IN_TRANSLATION,
    TranslationState.MISSING,
]


def bulk_pages(count, topic, start=0):
    """``count`` pages in twelve languages, every state present, without 1,000 saves."""
    pages = []
    for number in range(start, start + count):
        values = {"title_sv": f"Sida {number}", "body_sv": "<p>Text.</p>", "summary_sv": "S."}
        versions = {}
        for index, code in enumerate(translation_languages()):
            state = STATES[(number + index) % len(STATES)]
            if state not in (TranslationState.MISSING, TranslationState.IN_TRANSLATION):
                values[f"title_{code}"], values[f"body_{code}"] = "ትግርኛ", "<p>ጽሑፍ</p>"
            versions[code] = LanguageVersion(state=state, source_revision=1).to_json()
        pages.append(Page(slug=f"bulk-{number}", topic=topic, language_versions=versions, **values))
    Page.objects.bulk_create(pages)


def count_queries(client, url=URL):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_overview_costs_the_same_queries_for_3_and_1000_pages_in_twelve_languages(
    client, django_assert_max_num_queries
):
    client.force_login(make_user("Editor"))
    topic = make_topic()
    bulk_pages(3, topic)
    small, _response = count_queries(client)
    bulk_pages(997, topic, start=3)
    assert Page.objects.count() == 1000
    with django_assert_max_num_queries(small):
        response = client.get(URL)
    content = response.content.decode()
    assert content.count('class="state-cell') == 1000 * len(translation_languages())
    filtered, _response = count_queries(client, f"{URL}?language=ti&state=outdated")
    assert filtered <= small


def test_each_cell_shows_the_state_and_links_an_editor_to_that_language(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    editor = make_user("Editor")
    client.force_login(editor)
    page = make_page(title_so="", body_so="")
    page.body_sv = "<p>Ny regel.</p>"
    save_page_text(page, user=None, swedish_change=None)
    content = client.get(URL).content.decode()
    change = reverse("admin:housing_info_page_change", args=[page.pk])
    assert f'href="{change}?language=so">Missing</a>' in content
    assert f'href="{change}?language=ar">Outdated</a>' in content


def test_a_reviewer_is_led_to_the_review_of_machine_and_outdated_versions(client):
    reviewer = make_user("Reviewer")
    page = make_page()
    page.body_sv = "<p>Ny regel.</p>"
    save_page_text(page, user=None, swedish_change=None)
    client.force_login(reviewer)
    content = client.get(URL).content.decode()
    assert reverse("admin:translation_workflow_review", args=[page.pk, "ar"]) in content


def test_shares_count_translated_and_current_versions_per_language():
    editor = make_user("Editor")
    make_page()
    outdated = make_page()
    outdated.body_sv = "<p>Ny regel.</p>"
    save_page_text(outdated, user=None, swedish_change=None)
    make_page(title_ar="", body_ar="")
    dashboard = build_dashboard(editor)
    arabic = next(share for share in dashboard.shares if share.code == "ar")
    assert arabic.total == 3
    assert arabic.translated == 67  # up to date + outdated of 3
    assert arabic.current == 33


def test_filters_by_language_topic_and_state(client):
    client.force_login(make_user("Editor"))
    housing, money = make_topic(), make_topic()
    first = make_page(topic=housing, title_sv="Förstahandskontrakt")
    make_page(topic=money, title_sv="Bostadsbidrag")
    first.body_sv = "<p>Ny regel.</p>"
    save_page_text(first, user=None, swedish_change=None)
    by_topic = client.get(URL, {"topic": housing.pk}).content.decode()
    assert "Förstahandskontrakt" in by_topic and "Bostadsbidrag" not in by_topic
    by_state = client.get(URL, {"language": "ar", "state": "outdated"}).content.decode()
    assert "Förstahandskontrakt" in by_state and "Bostadsbidrag" not in by_state
    assert by_state.count('class="state-cell') == 1


def test_pages_whose_review_date_has_passed_are_listed(client):
    client.force_login(make_user("Editor"))
    today = timezone.localdate()
    make_page(title_sv="Gammal sida", review_by=today - timedelta(days=1))
    make_page(title_sv="Färsk sida", review_by=today + timedelta(days=30))
    content = client.get(URL).content.decode()
    overdue = content[content.index('id="overdue-heading"') : content.index("overview-filters")]
    assert "Gammal sida" in overdue and "Färsk sida" not in overdue


def test_the_overview_is_refused_to_staff_without_a_role(client):
    client.force_login(make_user())
    assert client.get(URL).status_code == 403
