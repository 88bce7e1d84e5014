"""Walking the question flow from the answers in the address, and what then applies.

Nothing is stored: the answers live only in the query string
(``?status=residence-permit&children=yes``), so a result can be bookmarked or
shared. An address whose answers cannot be used (an unknown answer, one answer
given twice, an answer to a question that is not asked after the earlier ones,
a gap) is never an error: the reader gets a friendly new start.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Prefetch, prefetch_related_objects

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
    """Every question in order, with its answers and the answers each depends on.

    Four queries however long the flow: the questions, their ``ask_if``
    answers, their answers and those answers' ``offer_if`` answers. Each
    question gets ``flow_answers`` and ``flow_ask_if``, each answer
    ``flow_offer_if`` (lists, from Prefetch's ``to_attr``).
    """
    return Question.objects.order_by("order", "slug", "pk").prefetch_related(
        Prefetch("ask_if", queryset=condition_answers(), to_attr="flow_ask_if"),
        Prefetch(
            "answers",
            queryset=Answer.objects.order_by("order", "slug", "pk").prefetch_related(
                Prefetch("offer_if", queryset=condition_answers(), to_attr="flow_offer_if")
            ),
            to_attr="flow_answers",
        ),
    )


def condition_answers():
    """Answers as a condition names them: only what ``conditions_met`` reads.

    Unordered, since the order of conditions does not matter: Answer's own
    ordering would join every prefetch to the questions.
    """
    return Answer.objects.only("pk", "question_id").order_by()


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
                for answer in question.flow_answers
                if conditions_met(answer.flow_offer_if, answered)
            ]
            if conditions_met(question.flow_ask_if, answered)
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
    At most four queries: the rules and their conditions, then the published
    pages and the steps of the rules that apply.
    """
    answered = flow.answers_by_question()
    rules = Rule.objects.order_by("order", "pk").prefetch_related(
        Prefetch("conditions", queryset=condition_answers(), to_attr="flow_conditions")
    )
    applying = [rule for rule in rules if conditions_met(rule.flow_conditions, answered)]
    notes = [note for note in (shown(rule, "note", code) for rule in applying) if note]
    prefetch_related_objects(
        applying,
        Prefetch(
            "pages",
            queryset=Page.objects.published().select_related("topic"),
            to_attr="flow_pages",
        ),
        Prefetch(
            "steps", queryset=PathwayStep.objects.select_related("page"), to_attr="flow_steps"
        ),
    )
    steps = each_once(step for rule in applying for step in rule.flow_steps)
    return Result(
        notes=notes,
        pages=each_once(page for rule in applying for page in rule.flow_pages),
        steps=sorted(steps, key=lambda step: (step.order, step.slug)),
    )


def each_once(objects):
    """``objects`` without repeats, each where it first comes."""
    found = {}
    for instance in objects:
        found.setdefault(instance.pk, instance)
    return list(found.values())
