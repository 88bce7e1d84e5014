import pytest
from django.urls import reverse

from tests.factories import make_question, make_rule

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["question", "rule"])
def test_caseworkers_edit_questions_and_rules_in_every_language(staff_client, model):
    question = make_question()
    objects = {"question": question, "rule": make_rule(conditions=question.answers.all())}
    changelist = staff_client.get(reverse(f"admin:smart_answers_{model}_changelist"))
    assert changelist.status_code == 200
    change = staff_client.get(
        reverse(f"admin:smart_answers_{model}_change", args=[objects[model].pk])
    )
    content = change.content.decode()
    assert change.status_code == 200
    assert "_ar" in content and "_ti" in content
    assert staff_client.get(reverse(f"admin:smart_answers_{model}_add")).status_code == 200


def test_question_form_edits_its_answers_inline(staff_client):
    question = make_question(answers=("yes", "no"))
    content = staff_client.get(
        reverse("admin:smart_answers_question_change", args=[question.pk])
    ).content.decode()
    assert 'name="answers-0-label_ar"' in content
    assert 'name="answers-1-offer_if"' in content
