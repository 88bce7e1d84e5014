import pytest

from housing_info.reader_queries import contact_points, page_with_topic
from tests.factories import make_contact_point, make_page

pytestmark = pytest.mark.django_db


def test_finds_a_page_with_its_topic_in_the_readers_languages():
    page = make_page(title_ti="ግዝያዊ ገዛ", title_ar="الشقة الانتقالية", published=False)

    found = page_with_topic(page.slug, "ti")

    assert found.pk == page.pk
    assert found.title_ti == "ግዝያዊ ገዛ"
    assert found.topic.slug == page.topic.slug
    # Another reader's language is left out; unpublished pages are found (the view decides).
    assert "title_ar" in found.get_deferred_fields()
    assert found.published is False


def test_finds_nothing_for_an_unknown_slug():
    make_page()

    assert page_with_topic("does-not-exist", "sv") is None


def test_gives_the_pages_contact_points_only():
    page = make_page()
    other = make_page()
    first = make_contact_point(name_sv="Boplats Göteborg", helps_with_so="Guri")
    second = make_contact_point(name_sv="Ansökan om bostad")
    page.contact_points.add(first, second)
    other.contact_points.add(make_contact_point(name_sv="Någon annan"))

    found = contact_points(page, "so")

    assert {contact.pk for contact in found} == {first.pk, second.pk}
    assert "Guri" in {contact.helps_with_so for contact in found}
    # In alphabetical order of the names a Swedish reader is shown.
    assert [contact.pk for contact in contact_points(page, "sv")] == [second.pk, first.pk]
    assert contact_points(make_page(), "so") == []
