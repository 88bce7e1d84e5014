import pytest

from tests.factories import make_contact_point, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts():
    money = make_topic(slug="money-for-housing", title_ar="المال من أجل السكن")
    queue = make_topic(slug="permanent-home", title_ar="إيجاد بيت خاص بك")
    allowance = make_contact_point(
        slug="forsakringskassan",
        name_ar="مصلحة التأمينات الاجتماعية",
        helps_with_ar="تتولّى بدل السكن.",
        opening_hours_ar="من الاثنين إلى الجمعة، 8–16",
    )
    boplats = make_contact_point(slug="boplats", name_ar="Boplats Göteborg")
    allowance.topics.add(money)
    boplats.topics.add(queue)
    return {"money": money, "queue": queue, "allowance": allowance, "boplats": boplats}


def test_help_page_lists_every_contact_with_what_they_help_with_and_hours(client, contacts):
    response = client.get("/ar/contacts/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("مصلحة التأمينات الاجتماعية", "تتولّى بدل السكن.", "من الاثنين إلى الجمعة، 8–16"):
        assert text in content
    assert "Boplats Göteborg" in content
    assert not response.cookies


def test_help_page_filters_by_topic_without_javascript(client, contacts):
    content = client.get("/ar/contacts/", {"topic": "money-for-housing"}).content.decode()
    assert "مصلحة التأمينات الاجتماعية" in content
    assert "Boplats Göteborg" not in content
    assert 'href="/ar/contacts/?topic=money-for-housing" aria-current="page"' in content


def test_unknown_topic_shows_everyone_and_says_so(client, contacts):
    response = client.get("/ar/contacts/", {"topic": "<nope>"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Boplats Göteborg" in content and "مصلحة التأمينات الاجتماعية" in content
    assert 'class="notice" role="status"' in content
    assert "<nope>" not in content


def test_every_page_links_to_where_to_get_help_the_glossary_and_the_questions(client, page):
    content = client.get(f"/so/{page.slug}/").content.decode()
    for href in ("/so/contacts/", "/so/glossary/", "/so/what-applies-to-me/"):
        assert f'href="{href}"' in content
