import json

import pytest
from django.core.management import call_command

from housing_info.demo_content import DEMO_DIR, load_demo_content
from housing_info.models import ContactPoint, Page, PathwayStep, Topic

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", "slug"))
        for model in (Topic, ContactPoint, Page, PathwayStep)
    } | {"changed": sorted(Page.objects.values_list("slug", "updated_at"))}


def test_demo_content_has_at_least_fifteen_example_pages_in_swedish_and_english():
    load_demo_content()
    pages = Page.objects.all()
    assert pages.count() >= 15
    for page in pages:
        assert page.is_example and page.published
        assert page.is_translated_into("sv") and page.is_translated_into("en"), page.slug


def test_pathway_and_three_key_pages_exist_in_arabic():
    load_demo_content()
    steps = PathwayStep.objects.all()
    assert steps.count() >= 5
    assert all(step.title_ar for step in steps)
    assert sum(page.is_translated_into("ar") for page in Page.objects.all()) >= 3


def test_running_the_loader_twice_changes_nothing():
    call_command("load_demo_content")
    before = snapshot()
    assert load_demo_content() == 0
    assert snapshot() == before


def test_loader_updates_a_page_whose_demo_text_changed(tmp_path):
    for path in DEMO_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    load_demo_content(tmp_path)
    english = json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))
    english["pages"]["transitional-flat"]["title"] = "Your transitional flat (genomgångsbostad)"
    (tmp_path / "en.json").write_text(json.dumps(english, ensure_ascii=False), encoding="utf-8")
    assert load_demo_content(tmp_path) == 1
    assert Page.objects.get(slug="transitional-flat").title_en.startswith("Your transitional flat")


def test_pathway_and_five_key_pages_exist_in_every_language(settings):
    load_demo_content()
    for code, _name in settings.LANGUAGES:
        assert all(getattr(step, f"title_{code}") for step in PathwayStep.objects.all()), code
        assert all(getattr(topic, f"title_{code}") for topic in Topic.objects.all()), code
        translated = [page for page in Page.objects.all() if page.is_translated_into(code)]
        assert len(translated) >= 5, code
