"""The demo content with its example keywords: readers find the rent page in every language.

Against the live demo content (housing_info/demo), which is being translated:
each check holds whether the page is written in the reader's language or only
in Swedish and English, through its text or its keywords.
"""

import pytest

from search.demo_keywords import load_demo_keywords
from search.queries import search_pages
from translation_workflow.services import load_demo_content

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_with_keywords_once(module_transaction, django_db_blocker):
    """Loaded once for the module (tests/conftest.py): loading costs seconds on PostgreSQL."""
    with django_db_blocker.unblock():
        load_demo_content()
        loaded = load_demo_keywords()
    assert not loaded.missing, loaded.missing
    return loaded


@pytest.fixture
def demo_with_keywords(demo_with_keywords_once, db):
    """What the first load wrote; each test reads, or loads again, in its own savepoint."""
    return demo_with_keywords_once


@pytest.mark.parametrize(
    ("code", "query", "slug"),
    [
        ("sv", "kan inte betala hyran", "paying-rent-on-time"),
        ("sv", "bedrägeri", "avoiding-housing-fraud"),  # the text says "bostadsbedrägerier"
        ("en", "rent arrears", "paying-rent-on-time"),
        ("ar", "لا أستطيع دفع الإيجار", "paying-rent-on-time"),
        ("prs", "کرایه را پرداخته نمی‌توانم", "paying-rent-on-time"),
        ("fa", "نمی‌توانم اجاره بدهم", "paying-rent-on-time"),
        ("ps", "کرایه نشم ورکولی", "paying-rent-on-time"),
        ("ckb", "ناتوانم کرێ بدەم", "paying-rent-on-time"),
        ("kmr", "nikarim kirê bidim", "paying-rent-on-time"),
        ("so", "ma bixin karo kirada", "paying-rent-on-time"),
        ("ti", "ክራይ ክኸፍል ኣይክእልን", "paying-rent-on-time"),
        ("uk", "не можу сплатити оренду", "paying-rent-on-time"),
        ("uk", "оренди", "paying-rent-on-time"),
        ("ru", "не могу заплатить аренду", "paying-rent-on-time"),
        ("ar", "بوبلاتس", "register-with-boplats"),
        ("ti", "ቦፕላትስ", "register-with-boplats"),
        ("so", "khiyaano", "avoiding-housing-fraud"),
        ("uk", "шахрайство", "avoiding-housing-fraud"),
    ],
)
def test_readers_find_the_page_they_mean_in_the_demo(demo_with_keywords, code, query, slug):
    found = [page.slug for page in search_pages(query, code).pages[:3]]
    assert slug in found, found


def test_loading_the_keywords_again_changes_nothing(demo_with_keywords):
    assert demo_with_keywords.written
    assert load_demo_keywords().written == []
