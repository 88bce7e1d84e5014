import pytest
from django.urls import reverse

from feedback.models import PageFeedback
from tests.factories import make_feedback

pytestmark = pytest.mark.django_db

URL = reverse("admin:feedback_pagefeedback_changelist")


def test_caseworkers_see_answers_per_page_and_language(staff_client, page):
    make_feedback(page, language="ar", useful=True)
    make_feedback(page, language="ar", useful=False, comment="المدة غير واضحة")
    response = staff_client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    [row] = response.context["summary"]
    assert (row["page"], row["language_name"], row["yes"], row["no"]) == (page, "Arabic", 1, 1)
    assert row["useful_percent"] == 50
    assert "المدة غير واضحة" in response.content.decode()


def test_summary_follows_the_chosen_filter(staff_client, page):
    make_feedback(page, language="ar")
    make_feedback(page, language="so")
    response = staff_client.get(URL, {"language": "so"})
    assert [row["language"] for row in response.context["summary"]] == ["so"]


def test_answers_cannot_be_added_or_changed_but_can_be_deleted(staff_client, page):
    feedback = make_feedback(page, comment="Mitt namn är ...")
    assert staff_client.get(reverse("admin:feedback_pagefeedback_add")).status_code == 403
    change_url = reverse("admin:feedback_pagefeedback_change", args=[feedback.pk])
    staff_client.post(change_url, {"comment": "ändrad"})
    feedback.refresh_from_db()
    assert feedback.comment == "Mitt namn är ..."
    delete_url = reverse("admin:feedback_pagefeedback_delete", args=[feedback.pk])
    staff_client.post(delete_url, {"post": "yes"})
    assert not PageFeedback.objects.exists()
