import pytest

from sharing.models import SlugRedirect
from tests.factories import make_page, make_topic

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()


def test_renaming_a_page_records_its_old_slug():
    page = make_page(slug="genomgangsbostad")
    rename(page, "transitional-flat")
    assert SlugRedirect.objects.for_page("genomgangsbostad").page == page


def test_saving_without_a_slug_change_records_nothing():
    page = make_page()
    page.title_sv = "Ny rubrik"
    page.save()
    assert not SlugRedirect.objects.exists()


def test_every_slug_of_a_chain_of_renames_points_at_the_page():
    page = make_page(slug="first")
    rename(page, "second")
    rename(page, "third")
    assert {r.old_slug for r in SlugRedirect.objects.all()} == {"first", "second"}
    assert all(r.page == page for r in SlugRedirect.objects.all())


def test_taking_an_old_slug_back_stops_it_redirecting():
    page = make_page(slug="first")
    rename(page, "second")
    rename(page, "first")
    assert SlugRedirect.objects.for_page("first") is None
    assert SlugRedirect.objects.for_page("second").page == page


def test_an_old_slug_reused_by_another_page_points_at_the_latest_owner():
    first = make_page(slug="shared")
    rename(first, "first-new")
    second = make_page(slug="shared")
    rename(second, "second-new")
    assert SlugRedirect.objects.for_page("shared").page == second
    assert SlugRedirect.objects.filter(old_slug="shared").count() == 1


def test_renaming_a_topic_records_its_old_slug_separately_from_pages():
    topic = make_topic(slug="boende")
    make_page(slug="boende-page", topic=topic)
    rename(topic, "housing")
    assert SlugRedirect.objects.for_topic("boende").topic == topic
    assert SlugRedirect.objects.for_page("boende") is None
