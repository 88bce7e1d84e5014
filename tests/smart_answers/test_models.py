import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_a_question_cannot_take_a_name_the_flow_uses_itself():
    question = make_question(slug="asked")
    with pytest.raises(ValidationError):
        question.full_clean()


def test_answers_read_with_their_question():
    question = make_question(slug="children", answers=("yes",))
    assert str(question.answers.get()) == "children: Svar yes"  # Swedish, the admin's default
