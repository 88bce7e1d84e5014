"""Translations of records other than pages that a Swedish change leaves behind."""

import pytest
from django.test import Client
from django.urls import reverse

from glossary.models import Term
from housing_info.models import Topic
from portal.outdated_translations import note_text_changes
from portal.shown_text import shown_text
from smart_answers.models import Answer, Question
from tests.factories import make_page, make_topic, make_user

pytestmark = pytest.mark.django_db


def test_a_swedish_change_outdates_every_translation_with_a_text():
    before = make_topic(title_ti="")
    after = Topic.objects.get(pk=before.pk)
    after.title_sv = "Ett nytt ämne"
    assert note_text_changes(before, after) == {"en", "ar"}
    assert after.outdated_translations == ["ar", "en"]


def test_a_translation_written_in_the_same_save_is_not_outdated():
    before = make_topic()
    after = Topic.objects.get(pk=before.pk)
    after.title_sv, after.title_ar = "Ett nytt ämne", "موضوع جديد"
    assert note_text_changes(before, after) == {"en"}


def test_only_a_person_unticks_an_outdated_translation():
    before = make_topic(outdated_translations=["ar"])
    after = Topic.objects.get(pk=before.pk)
    after.title_ar = "موضوع، مصحح"
    assert note_text_changes(before, after) == set()
    assert after.outdated_translations == ["ar"]
    # A new record has nothing to be outdated against.
    assert note_text_changes(None, make_topic()) == set()


def test_an_outdated_translation_is_shown_as_outdated_even_when_machine_made():
    topic = make_topic(machine_translated=["ar"], outdated_translations=["ar"])
    shown = shown_text(topic, "title", "ar")
    assert (shown.language, shown.is_outdated, shown.is_machine) == ("ar", True, False)
    assert shown_text(topic, "title", "en").is_outdated is False


@pytest.fixture
def editor():
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(make_user("Editor"))
    return client


def topic_form_data(topic, **changes):
    data = {
        "slug": topic.slug,
        "order": topic.order,
        **{
            f"{name}_{code}": getattr(topic, f"{name}_{code}") or ""
            for name in ("title", "description")
            for code in ("sv", "en", "ar", "ti", "prs", "fa", "ps", "ckb", "kmr", "so", "uk", "ru")
        },
        "machine_translated": topic.machine_translated,
        "outdated_translations": topic.outdated_translations,
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_an_editor_changing_a_topics_swedish_title_outdates_its_translations_for_readers(editor):
    topic = make_topic()
    make_page(topic=topic)
    address = reverse("admin:housing_info_topic_change", args=[topic.pk])
    response = editor.post(address, topic_form_data(topic, title_sv="Nytt namn"), follow=True)
    assert response.status_code == 200
    assert "markerats som översättningar av en tidigare text" in response.content.decode()
    topic.refresh_from_db()
    assert topic.outdated_translations == ["ar", "en"]
    # The reader of Arabic is told, on the topic's own page and on the home page.
    marker = 'data-shown-in=" outdated"'
    assert marker in Client().get(f"/ar/topics/{topic.slug}/").content.decode()
    assert marker in Client().get("/ar/").content.decode()
    # Once checked, the editor unticks Arabic: readers are no longer told.
    editor.post(address, topic_form_data(topic, outdated_translations=["en"]))
    topic.refresh_from_db()
    assert topic.outdated_translations == ["en"]
    assert marker not in Client().get(f"/ar/topics/{topic.slug}/").content.decode()


def test_an_answer_changed_in_its_questions_form_outdates_its_translations():
    editor = Client(HTTP_ACCEPT_LANGUAGE="sv")
    editor.force_login(make_user(is_superuser=True))
    question = Question.objects.create(slug="status", text_sv="Vad gäller?", text_ar="ما وضعك؟")
    answer = Answer.objects.create(question=question, slug="own", label_sv="Egen", label_ar="خاص")
    data = {
        "slug": question.slug,
        "order": question.order,
        "text_sv": question.text_sv,
        "text_ar": question.text_ar,
        "answers-TOTAL_FORMS": "1",
        "answers-INITIAL_FORMS": "1",
        "answers-0-id": answer.pk,
        "answers-0-question": question.pk,
        "answers-0-slug": answer.slug,
        "answers-0-order": answer.order,
        "answers-0-label_sv": "Eget boende",
        "answers-0-label_ar": answer.label_ar,
    }
    response = editor.post(reverse("admin:smart_answers_question_change", args=[question.pk]), data)
    assert response.status_code == 302
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.outdated_translations == ["ar"]
    assert question.outdated_translations == []


def test_a_glossary_words_explanation_outdated_by_a_swedish_change():
    term = Term.objects.create(
        slug="deposition", term="deposition", explanation_sv="Pengar.", explanation_ar="مال."
    )
    before = Term.objects.get(pk=term.pk)
    term.explanation_sv = "Pengar du betalar i förskott."
    assert note_text_changes(before, term) == {"ar"}
