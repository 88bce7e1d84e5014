"""The migration to random ids keeps every answer, forwards and backwards."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from feedback.models import PageFeedback
from tests.factories import make_page

pytestmark = pytest.mark.django_db(transaction=True)

SEQUENTIAL = [("feedback", "0001_initial")]
RANDOM = [("feedback", "0002_random_ids")]

ANSWERS = [
    ("ar", True, "", datetime.date(2026, 3, 1)),
    ("ti", False, "ኣይተረደአንን።", datetime.date(2026, 3, 1)),
    ("prs", False, "مدت قرارداد را نفهمیدم.", datetime.date(2026, 3, 2)),
]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def answers(model):
    return sorted(model.objects.values_list("language", "useful", "comment", "day"))


@pytest.fixture
def sequential_feedback():
    """Three answers stored with the old sequential ids; the latest schema afterwards."""
    page = make_page()
    old = migrate(SEQUENTIAL).get_model("feedback", "PageFeedback")
    for language, useful, comment, day in ANSWERS:
        old.objects.create(
            page_id=page.pk, language=language, useful=useful, comment=comment, day=day
        )
    assert sorted(old.objects.values_list("pk", flat=True)) == [1, 2, 3]
    yield page
    migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_existing_answers_get_random_ids_and_keep_their_content(sequential_feedback):
    new = migrate(RANDOM).get_model("feedback", "PageFeedback")
    assert answers(new) == sorted(ANSWERS)
    ids = list(new.objects.values_list("pk", flat=True))
    assert all(isinstance(pk, uuid.UUID) and pk.version == 4 for pk in ids)
    assert set(new.objects.values_list("page_id", flat=True)) == {sequential_feedback.pk}
    # New answers get random ids as well.
    migrate(executor_leaf_nodes())
    assert isinstance(
        PageFeedback.objects.create(page=sequential_feedback, language="so", useful=True).pk,
        uuid.UUID,
    )


def test_the_migration_reverses_to_sequential_ids_without_losing_answers(sequential_feedback):
    migrate(RANDOM)
    old = migrate(SEQUENTIAL).get_model("feedback", "PageFeedback")
    assert answers(old) == sorted(ANSWERS)
    assert sorted(old.objects.values_list("pk", flat=True)) == [1, 2, 3]


@pytest.mark.postgres
def test_postgres_gives_a_random_id_to_an_answer_inserted_without_one(page):
    # As a container of the previous release does until it is replaced.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO feedback_pagefeedback (page_id, language, useful, comment, day)"
            " VALUES (%s, 'ar', true, '', CURRENT_DATE) RETURNING id",
            [page.pk],
        )
        (inserted,) = cursor.fetchone()
    assert isinstance(inserted, uuid.UUID) and inserted.version == 4
    assert PageFeedback.objects.get().pk == inserted
