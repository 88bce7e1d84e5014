import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from smart_answers.models import Question
from tests.conftest import ReadingTheDemoFlow
from tests.factories import make_question

pytestmark = pytest.mark.django_db

URL = "/ar/what-applies-to-me/"


def get(client, query="", code="ar"):
    return client.get(f"/{code}/what-applies-to-me/?{query}")


class TestTheDemoFlowsPages(ReadingTheDemoFlow):
    """The demo flow's pages, its content written once for these tests (ReadingTheDemoFlow)."""

    def test_first_screen_asks_one_question_with_radio_buttons(self, client, demo_questions):
        response = get(client)
        assert response.status_code == 200
        content = response.content.decode()
        assert content.count('type="radio"') == 2
        assert "ما هو وضعك؟" in content
        assert '<input type="hidden" name="asked" value="status">' in content
        assert "<script" not in content
        assert not response.cookies

    def test_each_answer_is_carried_in_the_address(self, client, demo_questions):
        content = get(client, "status=residence-permit").content.decode()
        assert '<input type="hidden" name="status" value="residence-permit">' in content
        assert "كيف جئت إلى يوتبوري؟" in content
        assert f'href="{URL}"' in content  # back to the first question

    def test_every_path_renders_a_result_with_the_pages_in_the_readers_language(
        self, client, demo_questions
    ):
        from tests.smart_answers.test_flow import all_paths

        for query in all_paths():
            response = get(client, query)
            assert response.status_code == 200, query
            content = response.content.decode()
            assert 'id="pages-heading"' in content, query
            assert 'lang="ar" dir="rtl"' in content, query

    def test_result_shows_time_limits_and_lets_the_reader_change_answers(
        self, client, demo_questions
    ):
        query = "status=residence-permit&arrival=assigned&living=transitional-flat&children=yes"
        content = get(client, query).content.decode()
        assert "5 سنوات كحدّ أقصى" in content
        assert (
            f'href="{URL}?status=residence-permit&amp;arrival=assigned&amp;living=transitional-flat"'
            in content
        )
        assert 'href="/ar/transitional-flat/"' in content

    def test_a_missing_choice_is_explained_in_the_readers_language(self, client, demo_questions):
        response = get(client, "status=residence-permit&asked=arrival")
        with translation.override("ar"):
            message = translation.gettext("Choose one of the answers.")
        content = response.content.decode()
        assert response.status_code == 200
        assert message in content and 'id="question-error"' in content

    @pytest.mark.parametrize(
        "query",
        [
            "status=refugee",
            "status=asylum-seeker&arrival=assigned",
            "status=asylum-seeker&living=transitional-flat",
            "children=yes",
            "status=asylum-seeker&status=residence-permit",
            "status=%F0%9F%8F%A0&living=%3Cscript%3E",
        ],
    )
    def test_tampered_addresses_get_a_friendly_restart(self, client, demo_questions, query):
        response = get(client, query)
        assert response.status_code == 200
        content = response.content.decode()
        assert 'class="notice" role="status"' in content
        assert "ما هو وضعك؟" in content
        assert "<script>" not in content

    def test_nothing_about_the_reader_is_stored(self, client, demo_questions):
        query = "status=residence-permit&arrival=assigned&living=nowhere&children=yes"
        with CaptureQueriesContext(connection) as queries:
            get(client, query)
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}
        ]
        assert writes == []

    def test_reader_of_a_language_without_translations_sees_english_marked_as_english(
        self, client, demo_questions
    ):
        Question.objects.update(text_ti="", hint_ti="")  # questions not yet translated
        content = get(client, code="ti").content.decode()
        assert (
            '<span class="shown-text" lang="en" dir="ltr">What is your situation?</span>' in content
        )
        with translation.override("ti"):
            english = translation.get_language_info("en")["name_translated"]
        assert f'<span class="shown-in__tag">{english}</span>' in content
        assert 'lang="ti" dir="ltr"' in content  # the page itself is Tigrinya


def test_without_questions_the_page_says_they_are_not_ready(client):
    assert not Question.objects.exists()
    response = get(client)
    assert response.status_code == 200
    assert 'href="/ar/contacts/"' in response.content.decode()


def test_switching_language_keeps_the_answers(client):
    question = make_question(slug="children")
    content = client.get(f"/sv/what-applies-to-me/?{question.slug}=yes").content.decode()
    assert 'href="/ar/what-applies-to-me/?children=yes"' in content
