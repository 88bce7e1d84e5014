"""Walking the question flow from the answers in the address, and what then applies.

Nothing is stored: the answers live only in the query string
(``?status=residence-permit&children=yes``), so a result can be bookmarked or
shared. An address whose answers cannot be used (an unknown answer, one answer
given twice, an answer to a question that is not asked after the earlier ones,
a gap) is never an error: the reader gets a friendly new start.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import F

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


@dataclass(frozen=True)
class Condition:
    """An answer that a rule requires: all that ``conditions_met`` reads of it."""

    pk: int
    question_id: int


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


def joined(rows, name, related=lambda row: row.related):
    """Instances from ``rows`` joined to a many-to-many field, each once, in order.

    Each row carries what ``related`` reads from it (None where the instance
    has no related object); each instance gets the list of those as ``name``.
    One query instead of one more per relation, as the page budget asks.
    """
    instances = {}
    for row in rows:
        instance = instances.setdefault(row.pk, row)
        if instance is row:
            setattr(instance, name, [])
        value = related(row)
        if value is not None:
            getattr(instance, name).append(value)
    return list(instances.values())


def questions():
    """Every question in order, with its answers and the answers each depends on.

    Two queries however long the flow: questions joined with their ``ask_if``
    answers, answers joined with their ``offer_if`` answers. Each question gets
    ``flow_answers`` and ``flow_ask_if``, each answer ``flow_offer_if``: lists,
    like a Prefetch's ``to_attr``.
    """
    all_questions = joined(
        Question.objects.annotate(related=F("ask_if")).order_by("order", "slug", "pk"),
        "flow_ask_if",
    )
    answers = joined(
        Answer.objects.annotate(related=F("offer_if")).order_by("order", "slug", "pk"),
        "flow_offer_if",
    )
    by_pk = {answer.pk: answer for answer in answers}
    by_question = {question.pk: question for question in all_questions}
    for question in all_questions:
        question.flow_answers = []
        question.flow_ask_if = [by_pk[pk] for pk in question.flow_ask_if]
    for answer in answers:
        answer.flow_offer_if = [by_pk[pk] for pk in answer.flow_offer_if]
        answer.question = by_question[answer.question_id]
        answer.question.flow_answers.append(answer)
    return all_questions


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
    At most three queries: the rules joined with their conditions, then the
    published pages and the steps of the rules that apply.
    """
    answered = flow.answers_by_question()
    rows = Rule.objects.annotate(
        related=F("conditions"), related_question=F("conditions__question")
    ).order_by("order", "pk")
    rules = joined(
        rows,
        "flow_conditions",
        lambda row: (
            None
            if row.related is None
            else Condition(pk=row.related, question_id=row.related_question)
        ),
    )
    applying = [rule for rule in rules if conditions_met(rule.flow_conditions, answered)]
    notes = [note for note in (shown(rule, "note", code) for rule in applying) if note]
    if not applying:
        return Result(notes=notes, pages=[], steps=[])
    place = {rule.pk: number for number, rule in enumerate(applying)}
    pages = linked_to(Page.objects.published().select_related("topic"), place)
    steps = linked_to(PathwayStep.objects.select_related("page"), place)
    return Result(
        notes=notes,
        pages=pages,
        steps=sorted(steps, key=lambda step: (step.order, step.slug)),
    )


def linked_to(queryset, place):
    """Objects of ``queryset`` linked to the rules in ``place``, each once, by rule order.

    ``place`` maps each rule's pk to its position; within one rule, objects
    keep the model's own ordering.
    """
    rows = queryset.annotate(rule=F("smart_answer_rules")).filter(rule__in=list(place))
    found = {}
    for row in sorted(rows, key=lambda row: place[row.rule]):
        found.setdefault(row.pk, row)
    return list(found.values())
