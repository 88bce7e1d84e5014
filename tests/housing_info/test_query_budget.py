"""Public pages read the database a fixed, small number of times.

At most 5 queries per page on a cache miss, and the same number for 20 pages
as for 200: the benchmark's budget, checked on every change. Each address is
asked for once after the content changed, so the page cache always misses.
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
    page, status, children = content
    flow = "/ar/what-applies-to-me/"
    return [
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
        f"{flow}",
        f"{flow}?{status.slug}=assigned",
        f"{flow}?{status.slug}=assigned&{children.slug}=yes",
        f"{flow}?{status.slug}=own",
        "/ar/glossary/",
        "/sv/contacts/",
        f"/ar/contacts/?topic={page.topic.slug}",
    ]


def test_public_pages_need_few_queries_however_much_content_there_is(client):
    # Once per process, not per page: which text search configurations PostgreSQL has.
    client.get("/sv/search/?q=warm")
    few = queries_for(client, public_paths(make_content(20)))
    many = queries_for(client, public_paths(make_content(200)))
    assert max(few.values()) <= MAX_QUERIES, few
    assert list(few.values()) == list(many.values()), {
        path: (few[path], count)
        for path, count in zip(few, many.values(), strict=True)
        if few[path] != count
    }
