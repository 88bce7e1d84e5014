import uuid

import pytest

from feedback.models import PageFeedback
from tests.factories import make_feedback, make_page

pytestmark = pytest.mark.django_db


def test_answers_are_summed_per_page_and_language(page):
    other = make_page()
    make_feedback(page, language="ar", useful=True)
    make_feedback(page, language="ar", useful=False, comment="غير واضح")
    make_feedback(page, language="ar", useful=False)
    make_feedback(page, language="ti", useful=True)
    make_feedback(other, language="ar", useful=True)
    rows = [
        (row["page"], row["language"], row["yes"], row["no"], row["comments"])
        for row in PageFeedback.objects.per_page_and_language()
    ]
    assert rows[0] == (page.pk, "ar", 1, 2, 1)
    assert sorted(rows[1:]) == sorted([(page.pk, "ti", 1, 0, 0), (other.pk, "ar", 1, 0, 0)])


def test_only_the_day_is_kept_not_the_time(page):
    field = PageFeedback._meta.get_field("day")
    assert field.get_internal_type() == "DateField"
    assert make_feedback(page).day is not None


def test_ids_are_random_uuids_that_do_not_follow_the_order_of_answers(page):
    created = [make_feedback(page).pk for _ in range(12)]
    assert all(isinstance(pk, uuid.UUID) and pk.version == 4 for pk in created)
    # A sequence would sort in creation order; twelve random ids do so once in 12!.
    assert sorted(created) != created
    assert sorted(created, reverse=True) != created
    listed = list(PageFeedback.objects.values_list("pk", flat=True))
    assert sorted(listed) == sorted(created)
    assert listed != created and listed != created[::-1]
