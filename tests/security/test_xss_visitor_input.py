"""Script injection through what visitors fill: feedback, search, the question flow.

What a visitor sends is shown again to visitors (search, the flow, a feedback
form sent back for correction) and to caseworkers (the feedback and language
demand admin); none of it may come back executable.
"""

import pytest
from django.test import Client
from django.urls import reverse

from feedback.models import PageFeedback
from search.forms import QUERY_MAX_LENGTH
from tests.factories import make_page, make_question, make_rule, make_term
from tests.security.payloads import PAYLOADS, assert_not_executable, fitting

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def visitor():
    return Client()


# Feedback: the comment goes to the admin; a form sent back shows it again.


@pytest.mark.parametrize("payload", PAYLOADS)
def test_feedback_comment_is_not_executable_in_the_admin(visitor, staff_client, page, payload):
    response = visitor.post(
        f"/ar/feedback/{page.slug}/", {"useful": "no", "comment": payload}, **SAME_ORIGIN
    )
    assert response.status_code == 303
    feedback = PageFeedback.objects.get()
    assert feedback.comment == payload
    for url in (
        reverse("admin:feedback_pagefeedback_changelist"),
        reverse("admin:feedback_pagefeedback_changelist") + "?useful__exact=0",
        reverse("admin:feedback_pagefeedback_change", args=[feedback.pk]),
    ):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert_not_executable(content, payload, allow_style_attributes=True)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_feedback_form_sent_back_for_correction_is_not_executable(visitor, page, payload):
    # No Yes or No chosen: the form comes back with the comment in it.
    response = visitor.post(f"/ti/feedback/{page.slug}/", {"comment": payload}, **SAME_ORIGIN)
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()
    assert_not_executable(response.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_too_long_feedback_comment_sent_back_is_not_executable(visitor, page, payload):
    comment = (payload + " ") * (600 // len(payload) + 1)
    response = visitor.post(
        f"/ar/feedback/{page.slug}/", {"useful": "yes", "comment": comment}, **SAME_ORIGIN
    )
    assert response.status_code == 400
    assert_not_executable(response.content.decode(), payload)


# Search: the query is shown on the results page, the "no result" page and
# beside glossary hits.


@pytest.fixture
def searchable(db):
    """A page every payload's words can find, in Swedish and Arabic."""
    return make_page(
        slug="hyresratt",
        title_sv="Hyresrätt script alert img svg onload",
        title_ar="حق الإيجار script alert img svg onload",
        body_sv="<p>Hyresrätt: javascript alert onerror</p>",
        body_ar="<p>حق الإيجار javascript alert onerror</p>",
    )


@pytest.mark.parametrize("payload", fitting(QUERY_MAX_LENGTH - len("hyresrätt ")))
def test_search_query_is_not_executable_on_the_results_page(visitor, searchable, payload):
    for code in ("sv", "ar"):
        response = visitor.get(f"/{code}/search/", {"q": f"hyresrätt {payload}"})
        assert response.status_code == 200
        content = response.content.decode()
        assert searchable.get_absolute_url().replace("/sv/", f"/{code}/") in content, code
        assert_not_executable(content, payload)


@pytest.mark.parametrize("payload", fitting(QUERY_MAX_LENGTH))
def test_search_query_is_not_executable_on_the_no_result_page(visitor, db, payload):
    for code in ("sv", "ti"):
        response = visitor.get(f"/{code}/search/", {"q": payload})
        assert response.status_code == 200
        content = response.content.decode()
        assert 'class="search-results"' not in content
        assert_not_executable(content, payload)


@pytest.mark.parametrize("payload", fitting(QUERY_MAX_LENGTH))
def test_search_query_and_glossary_hits_are_not_executable(visitor, payload):
    # The query finds a glossary word whose meaning holds the same text.
    make_term(slug="hit", meaning_sv=payload, meaning_ar=payload, explanation_ar=payload)
    for code in ("sv", "ar"):
        response = visitor.get(f"/{code}/search/", {"q": payload})
        content = response.content.decode()
        assert 'id="terms-heading"' in content, code
        assert_not_executable(content, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_too_long_search_query_is_not_executable(visitor, payload):
    query = (payload * (QUERY_MAX_LENGTH // len(payload) + 2))[: QUERY_MAX_LENGTH * 2]
    response = visitor.get("/ar/search/", {"q": query})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert_not_executable(response.content.decode(), payload)


# The question flow: answers live in the address, which anyone can change.


@pytest.fixture
def flow(db):
    status = make_question(slug="status", answers=("assigned", "own-housing"))
    children = make_question(slug="children", answers=("yes", "no"))
    make_rule(conditions=status.answers.filter(slug="assigned"), pages=[make_page()])
    return status, children


def tampered_queries(payload):
    return [
        {"status": payload},
        {payload: "assigned"},
        {"status": "assigned", "children": payload},
        {"status": "assigned", "asked": payload},
        {"status": ["assigned", payload]},
        {"asked": "status", payload: payload},
        {"status": "assigned", "children": "no", payload: "yes"},
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_tampered_answers_in_the_address_are_not_executable(visitor, flow, payload):
    for query in tampered_queries(payload):
        for code in ("sv", "ar"):
            response = visitor.get(f"/{code}/what-applies-to-me/", query)
            assert response.status_code == 200, query
            assert_not_executable(response.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_extra_parameters_on_a_result_are_not_executable(visitor, flow, payload):
    query = {"status": "assigned", "children": "yes", "q": payload, "next": payload}
    response = visitor.get("/ti/what-applies-to-me/", query)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="your-answers-heading"' in content
    assert_not_executable(content, payload)


# Accept-Language is counted for the language demand statistics in the admin.


@pytest.mark.parametrize("payload", PAYLOADS)
def test_accept_language_is_not_executable_in_the_language_demand_admin(
    visitor, staff_client, page, payload
):
    header = payload.encode("utf-8").decode("latin-1")
    for value in (header, f"{header}, de;q=0.9", "de-CH, sv;q=0.5"):
        visitor.get(f"/sv/{page.slug}/", HTTP_ACCEPT_LANGUAGE=value)
        visitor.get("/ti/", HTTP_ACCEPT_LANGUAGE=value)
    response = staff_client.get(reverse("admin:language_demand_languagedemand_changelist"))
    assert response.status_code == 200
    assert_not_executable(response.content.decode(), payload, allow_style_attributes=True)
