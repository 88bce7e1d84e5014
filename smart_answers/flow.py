"""Walking the question flow from the answers in the address, and what then applies.

Nothing is stored: the answers live only in the query string
(``?status=residence-permit&children=yes``), so a result can be bookmarked or
shared. An address whose answers cannot be used (an unknown answer, one answer
given twice, an answer to a question that is not asked after the earlier ones,
a gap) is never an error: the reader gets a friendly new start.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Prefetch

from housing_info.models import Page, PathwayStep
from smart_answers.models import Answer, Question, Rule
from smart_answers.texts import shown


@dataclass(frozen=True)
class Given:
    question: Question
    answer: Answer
    # The address part that asks this question again, keeping the earlier answers.
    change_query: str


@dataclass
class Flow:
    given: list = field(default_factory=list)
    question: Question | None = None
    choices: list = field(default_factory=list)
    restarted: bool = False

    @property
    def finished(self):
        return self.question is None

    @property
    def query(self):
        """The answers so far, as a query string."""
        return query_for(self.given)

    @property
    def back_query(self):
        return self.given[-1].change_query if self.given else None

    def answers_by_question(self):
        return {given.question.pk: given.answer for given in self.given}


@dataclass(frozen=True)
class Result:
    notes: list
    pages: list
    steps: list


def query_for(given):
    return urlencode([(item.question.slug, item.answer.slug) for item in given])


def conditions_met(required, answers_by_question):
    """For each question among ``required``, the reader gave one of its required answers."""
    wanted = {}
    for answer in required:
        wanted.setdefault(answer.question_id, set()).add(answer.pk)
    return all(
        question in answers_by_question and answers_by_question[question].pk in answers
        for question, answers in wanted.items()
    )


def questions():
    return Question.objects.prefetch_related(
        "ask_if",
        Prefetch(
            "answers",
            queryset=Answer.objects.prefetch_related("offer_if").order_by("order", "slug"),
        ),
    )


def walk(params, all_questions=None):
    """The flow as far as the answers in ``params`` (a QueryDict) take it."""
    all_questions = list(questions() if all_questions is None else all_questions)
    flow = _walk(params, all_questions)
    if flow is None:
        flow = _walk({}, all_questions)
        flow.restarted = True
    return flow


def _walk(params, all_questions):
    """The flow, or None when the answers in ``params`` cannot be used."""

    def values(question):
        return params.getlist(question.slug) if hasattr(params, "getlist") else []

    given = []
    for index, question in enumerate(all_questions):
        answered = {item.question.pk: item.answer for item in given}
        asked_values = values(question)
        choices = (
            [
                answer
                for answer in question.answers.all()
                if conditions_met(answer.offer_if.all(), answered)
            ]
            if conditions_met(question.ask_if.all(), answered)
            else []
        )
        if not choices:
            # Not asked after the earlier answers: an answer to it contradicts them.
            if asked_values:
                return None
            continue
        if not asked_values:
            # An answer to a later question, with this one unanswered, is a gap.
            if any(values(later) for later in all_questions[index + 1 :]):
                return None
            return Flow(given=given, question=question, choices=choices)
        chosen = [answer for answer in choices if [answer.slug] == asked_values]
        if not chosen:
            return None
        given.append(Given(question, chosen[0], change_query=query_for(given)))
    return Flow(given=given)


def result(flow, code):
    """The notes, pages and pathway steps that apply after the reader's answers.

    Notes are Text in the reader's language ``code`` (or a fallback language).
    """
    answered = flow.answers_by_question()
    rules = Rule.objects.prefetch_related(
        "conditions",
        Prefetch("pages", queryset=Page.objects.published().select_related("topic")),
        Prefetch("steps", queryset=PathwayStep.objects.select_related("page")),
    )
    notes, pages, steps = [], {}, {}
    for rule in rules:
        if not conditions_met(rule.conditions.all(), answered):
            continue
        note = shown(rule, "note", code)
        if note:
            notes.append(note)
        for page in rule.pages.all():
            pages.setdefault(page.pk, page)
        for step in rule.steps.all():
            steps.setdefault(step.pk, step)
    return Result(
        notes=notes,
        pages=list(pages.values()),
        steps=sorted(steps.values(), key=lambda step: (step.order, step.slug)),
    )
