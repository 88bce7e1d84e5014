import json
from io import StringIO

import pytest
from django.core.management import call_command

from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE
from smart_answers.demo_questions import DEMO_DIR, load_demo_questions
from smart_answers.models import Answer, Question, Rule

pytestmark = pytest.mark.django_db


def test_loads_questions_answers_and_rules_with_their_links(demo_snapshot):
    loaded = load_demo_questions()
    assert loaded.missing == []
    assert list(Question.objects.values_list("slug", flat=True)) == [
        "status",
        "arrival",
        "living",
        "children",
    ]
    arrival = Question.objects.get(slug="arrival")
    assert [(a.question.slug, a.slug) for a in arrival.ask_if.all()] == [
        ("status", "residence-permit")
    ]
    interim = Answer.objects.get(question__slug="living", slug="interim")
    assert [a.slug for a in interim.offer_if.all()] == ["assigned"]
    rule = Rule.objects.get(slug="transitional-flat-children")
    assert {a.slug for a in rule.conditions.all()} == {"transitional-flat", "yes"}
    assert rule.pages.filter(slug="when-the-time-limit-ends").exists()
    assert rule.note_sv and rule.note_en and rule.note_ar


def test_loading_again_changes_nothing(demo_snapshot):
    assert load_demo_questions().written > 0
    assert load_demo_questions().written == 0


def test_without_demo_content_missing_pages_are_reported_not_fatal():
    out = StringIO()
    call_command("load_demo_questions", stdout=out)
    assert "page:transitional-flat" in out.getvalue()
    assert Question.objects.count() == 4


def flow_texts(code):
    path = DEMO_DIR / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.mark.parametrize("code", [language.code for language in PORTAL_LANGUAGES])
def test_every_question_answer_and_note_is_written_in_every_language(code):
    swedish = flow_texts(SOURCE_LANGUAGE)
    texts = flow_texts(code)
    assert texts, f"{code}: no smart_answers/demo/{code}.json"
    missing = [
        f"{section}/{key}/{field}"
        for section, records in swedish.items()
        for key, record in records.items()
        for field, text in record.items()
        if text and not texts.get(section, {}).get(key, {}).get(field)
    ]
    assert not missing, f"{code}: smart_answers/demo/{code}.json lacks " + ", ".join(missing)


@pytest.mark.parametrize("code", ["ti", "uk", "ru"])
def test_the_urgent_note_loads_in_the_readers_language(demo_snapshot, code):
    load_demo_questions()
    note = getattr(Rule.objects.get(slug="nowhere"), f"note_{code}")
    assert note and note != Rule.objects.get(slug="nowhere").note_en
    assert "Göteborgs Stads kontaktcenter" in note


def test_the_machine_translated_languages_are_recorded_per_record(demo_snapshot):
    load_demo_questions()
    question = Question.objects.get(slug="status")
    # Arabic is a machine translation (as the demo content says); Swedish is the source.
    assert "ar" in question.machine_translated
    assert "sv" not in question.machine_translated and "en" not in question.machine_translated
    assert all("ar" in rule.machine_translated for rule in Rule.objects.exclude(note_ar=""))
