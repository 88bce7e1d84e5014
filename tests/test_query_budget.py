"""Public pages read the database a fixed, small number of times.

At most 5 queries per page, and the same number for a few pages as for many:
the benchmark's budget, checked on every change (the page cache is bypassed,
since each page is asked for once).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_contact_point, make_page, make_pathway_step, make_topic

pytestmark = pytest.mark.django_db

MAX_QUERIES = 5


def make_content(pages):
    topics = [make_topic() for _ in range(max(1, pages // 5))]
    made = [make_page(topic=topics[number % len(topics)]) for number in range(pages)]
    for contact in (make_contact_point(), make_contact_point()):
        made[0].contact_points.add(contact)
    for page in made[:4]:
        make_pathway_step(page=page)
    return made[0]


def queries_for(client, paths):
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    return counts


def public_paths(page):
    return [
        "/sv/",
        "/ar/",
        f"/sv/{page.slug}/",
        f"/ar/{page.slug}/",
        f"/ti/{page.slug}/",
        f"/sv/topics/{page.topic.slug}/",
    ]


def test_public_pages_need_few_queries_however_much_content_there_is(client):
    page = make_content(2)
    few = queries_for(client, public_paths(page))
    page = make_content(40)
    many = queries_for(client, public_paths(page))
    assert max(few.values()) <= MAX_QUERIES, few
    assert list(few.values()) == list(many.values())
