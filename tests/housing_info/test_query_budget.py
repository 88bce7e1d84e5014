"""Public pages read the database a fixed, small number of times.

At most 5 queries per page on a cache miss (the question flow has a budget of
its own, below), and the same number for 20 pages as for 200: the benchmark's
budget, checked on every change. Each address is asked for once after the
content changed, so the page cache always misses.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smart_answers.models import Question
from tests.factories import (
    make_contact_point,
    make_page,
    make_pathway_step,
    make_question,
    make_rule,
    make_term,
    make_topic,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 5

# "What applies to me?" reads with prefetch_related: one query per prefetched
# relation, each a small table read in one query whatever its size. So its
# pages take more than MAX_QUERIES, but as few for 200 pages as for 20 (checked
# below like every page's). Every page of the flow reads the questions, their
# ask_if answers, their answers and those answers' offer_if answers; a result
# reads the rules and their conditions, and the pages and steps of the rules
# that apply, when some do.
QUESTION_QUERIES = 4
RULE_QUERIES = 2
APPLYING_QUERIES = 2


def make_content(pages):
    """``pages`` pages in topics of five, with contact points, steps, words and questions."""
    topics = [make_topic() for _ in range(max(1, pages // 5))]
    made = [make_page(topic=topics[number % len(topics)]) for number in range(pages)]
    for contact in (make_contact_point(), make_contact_point()):
        made[0].contact_points.add(contact)
        contact.topics.add(made[0].topic)
    for page in made[:4]:
        make_pathway_step(page=page)
    for number in range(pages // 4):
        make_term(other_forms=f"bostaden{number}, bostäder{number}")
    # One question flow, whose rules link more pages as the content grows.
    status = Question.objects.filter(slug="status").first()
    if status is None:
        status = make_question(slug="status", answers=("assigned", "own"))
        make_question(slug="children", answers=("yes", "no")).ask_if.set(
            status.answers.filter(slug="assigned")
        )
    children = Question.objects.get(slug="children")
    for number, page in enumerate(made):
        make_rule(conditions=[status.answers.get(slug="assigned")], pages=[page],
                  steps=list(page.pathway_steps.all()) if number < 4 else [])  # fmt: skip
    return made[0], status, children


# Each test runs inside a transaction, so an atomic block in a view becomes a
# savepoint here; in production (autocommit) the same block sends none of these.
TRANSACTION_CONTROL = re.compile(r"^\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.I)


def queries_for(client, paths):
    """The statements that read or write data, for each path (one request each)."""
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        assert response.get("X-Page-Cache") != "hit", path
        counts[path] = sum(
            not TRANSACTION_CONTROL.match(query["sql"]) for query in queries.captured_queries
        )
    return counts


def public_paths(content):
    """Each public address, with the most queries it may take."""
    page, status, children = content
    paths = [
        "/sv/",
        "/ar/",
        f"/sv/{page.slug}/",
        f"/ar/{page.slug}/",
        f"/ti/{page.slug}/",
        # Not translated into Somali or Ukrainian: shown in English, and counted.
        f"/so/{page.slug}/",
        f"/uk/{page.slug}/",
        f"/sv/topics/{page.topic.slug}/",
        "/sv/search/?q=genomg%C3%A5ngsbostad",
        "/ar/search/?q=bostad",
        "/so/search/?q=nothing+at+all",
        "/ar/glossary/",
        "/sv/contacts/",
        f"/ar/contacts/?topic={page.topic.slug}",
    ]
    flow = "/ar/what-applies-to-me/"
    result = QUESTION_QUERIES + RULE_QUERIES
    return dict.fromkeys(paths, MAX_QUERIES) | {
        flow: QUESTION_QUERIES,
        f"{flow}?{status.slug}=assigned": QUESTION_QUERIES,
        f"{flow}?{status.slug}=assigned&{children.slug}=yes": result + APPLYING_QUERIES,
        f"{flow}?{status.slug}=own": result,  # no rule applies
    }


def test_public_pages_need_few_queries_however_much_content_there_is(client):
    # Once per process, not per page: which text search configurations PostgreSQL
    # has; once per connection and language: the search statement is prepared.
    for code in ("sv", "ar", "so"):
        client.get(f"/{code}/search/?q=warm")
    budgets = public_paths(make_content(20))
    few = queries_for(client, budgets)
    many = queries_for(client, public_paths(make_content(200)))
    assert {path: count for path, count in few.items() if count > budgets[path]} == {}, few
    assert list(few.values()) == list(many.values()), {
        path: (few[path], count)
        for path, count in zip(few, many.values(), strict=True)
        if few[path] != count
    }
