import pytest

from smart_answers.texts import shown
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_text_in_the_readers_language_then_english_then_swedish():
    question = make_question(text_ti="ሕቶ?", text_so="", hint_sv="Tips")
    assert (str(shown(question, "text", "ti")), shown(question, "text", "ti").dir) == ("ሕቶ?", "ltr")
    assert shown(question, "text", "so").language == "en"
    assert shown(question, "text", "ar").dir == "rtl"
    assert shown(question, "hint", "ar").language == "sv"


def test_empty_everywhere_is_empty():
    question = make_question()
    assert not shown(question, "hint", "ar")
