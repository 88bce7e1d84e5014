"""Every path through the demo question flow, and addresses edited by hand."""

import pytest
from django.http import QueryDict

from smart_answers.flow import conditions_met, result, walk
from smart_answers.models import Answer, Rule
from tests.conftest import ReadingTheDemoFlow
from tests.factories import make_page, make_question, make_rule

pytestmark = pytest.mark.django_db


def params(query):
    return QueryDict(query)


def all_paths(query=""):
    """Every finished query string, following only the answers each screen offers."""
    flow = walk(params(query))
    assert not flow.restarted, query
    if flow.finished:
        return [query]
    paths = []
    for answer in flow.choices:
        step = f"{flow.question.slug}={answer.slug}"
        paths += all_paths(f"{query}&{step}" if query else step)
    return paths


def notes(query, code="en"):
    return [str(note) for note in result(walk(params(query)), code).notes]


def page_slugs(query):
    return [page.slug for page in result(walk(params(query)), "en").pages]


class TestEveryPathOfTheDemoFlow(ReadingTheDemoFlow):
    """The demo flow, written once for these tests (ReadingTheDemoFlow)."""

    def test_the_demo_flow_has_eighteen_paths_each_ending_in_a_result(self, demo_questions):
        paths = all_paths()
        # Asylum seekers: 3 places to live x children yes/no; assigned: 4 x 2; own housing: 2 x 2.
        assert len(paths) == 3 * 2 + 4 * 2 + 2 * 2
        for query in paths:
            outcome = result(walk(params(query)), "ar")
            assert outcome.pages, query
            assert outcome.notes, query

    def test_an_asylum_seeker_is_never_asked_how_they_came_to_gothenburg(self, demo_questions):
        for query in all_paths():
            if "status=asylum-seeker" in query:
                assert "arrival=" not in query
                assert "living=interim" not in query and "living=transitional-flat" not in query

    def test_transitional_flat_lasts_at_most_four_years_for_adults(self, demo_questions):
        query = "status=residence-permit&arrival=assigned&living=transitional-flat&children=no"
        assert any("at most 4 years" in note for note in notes(query))
        assert not any("5 years" in note for note in notes(query))
        assert page_slugs(query)[:3] == [
            "assigned-to-gothenburg",
            "registration-and-personnummer",
            "money-before-establishment-allowance",
        ]
        assert {"transitional-flat", "when-the-time-limit-ends"} <= set(page_slugs(query))

    def test_transitional_flat_lasts_at_most_five_years_with_children(self, demo_questions):
        query = "status=residence-permit&arrival=assigned&living=transitional-flat&children=yes"
        assert any("at most 5 years" in note for note in notes(query))
        assert not any("4 years" in note for note in notes(query))
        assert "housing-allowance" in page_slugs(query)

    def test_own_housing_means_the_city_arranges_no_home(self, demo_questions):
        query = "status=residence-permit&arrival=own-housing&living=relatives&children=no"
        assert any("does not arrange a home" in note for note in notes(query))
        assert "second-hand-and-lodging" in page_slugs(query)
        assert "interim-housing" not in page_slugs(query)

    def test_steps_come_in_pathway_order(self, demo_questions):
        query = "status=residence-permit&arrival=assigned&living=interim&children=yes"
        steps = result(walk(params(query)), "en").steps
        assert [step.order for step in steps] == sorted(step.order for step in steps)
        assert steps[0].slug == "arrival"

    def test_notes_are_in_the_readers_language_or_marked_english(self, demo_questions):
        query = "status=asylum-seeker&living=migrationsverket&children=no"
        [arabic] = notes(query, "ar")
        assert "مصلحة الهجرة" in arabic
        [tigrinya] = result(walk(params(query)), "ti").notes
        assert tigrinya.language == "ti"
        Rule.objects.update(note_ti="")  # a note not yet translated
        [note] = result(walk(params(query)), "ti").notes
        assert note.language == "en"

    @pytest.mark.parametrize(
        "query",
        [
            "status=refugee",  # an answer that does not exist
            "status=asylum-seeker&status=residence-permit",  # two answers to one question
            "status=asylum-seeker&arrival=assigned",  # a question not asked after that answer
            "status=asylum-seeker&living=transitional-flat",  # an answer not offered then
            "status=residence-permit&arrival=own-housing&living=interim",
            "children=yes",  # a later answer with the first question unanswered
            "status=residence-permit&living=relatives",  # arrival skipped
            "status=RESIDENCE-PERMIT",
            "status=" + "x" * 5000,
            "status=%00",
            "status=%D8%B3",
        ],
    )
    def test_answers_that_cannot_be_used_restart_the_flow(self, demo_questions, query):
        flow = walk(params(query))
        assert flow.restarted
        assert flow.given == []
        assert flow.question.slug == "status"

    def test_unknown_parameters_are_ignored(self, demo_questions):
        flow = walk(params("status=asylum-seeker&utm_source=poster&asked=status"))
        assert not flow.restarted
        assert [item.answer.slug for item in flow.given] == ["asylum-seeker"]
        assert flow.question.slug == "living"

    def test_change_query_keeps_only_the_earlier_answers(self, demo_questions):
        flow = walk(params("status=residence-permit&arrival=assigned&living=interim"))
        assert [item.change_query for item in flow.given] == [
            "",
            "status=residence-permit",
            "status=residence-permit&arrival=assigned",
        ]
        assert flow.back_query == "status=residence-permit&arrival=assigned"


def test_conditions_need_one_of_the_answers_for_each_question_named():
    first = make_question(answers=("a", "b", "c"))
    second = make_question(answers=("yes", "no"))
    a, b, c = first.answers.all()
    yes, no = second.answers.all()
    assert conditions_met([], {})
    assert conditions_met([a, b], {first.pk: b})
    assert not conditions_met([a, b], {first.pk: c})
    assert conditions_met([a, yes], {first.pk: a, second.pk: yes})
    assert not conditions_met([a, yes], {first.pk: a, second.pk: no})
    assert not conditions_met([a, yes], {first.pk: a})  # second question not answered


def test_rules_link_only_published_pages():
    question = make_question(answers=("yes",))
    draft = make_page(published=False)
    public = make_page()
    make_rule(conditions=[Answer.objects.get(question=question)], pages=[draft, public])
    outcome = result(walk(params(f"{question.slug}=yes")), "sv")
    assert outcome.pages == [public]


def test_a_flow_without_questions_is_finished_at_once():
    flow = walk(params("anything=1"))
    assert flow.finished and not flow.restarted
