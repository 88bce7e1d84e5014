"""Template fragments are keyed by the cache generation, and not kept without one."""

import re
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory

from page_cache import generation

pytestmark = pytest.mark.django_db(transaction=True)

FRAGMENT = (
    "{% load cache %}{% cache fragment_seconds greeting cache_generation %}"
    "{{ greeting }}{% endcache %}"
)


def render(greeting):
    template = engines["django"].from_string(FRAGMENT)
    return template.render({"greeting": greeting}, RequestFactory().get("/sv/"))


def test_a_fragment_is_kept_until_the_generation_changes():
    assert render("hej") == "hej"
    assert render("salaam") == "hej"
    generation.bump()
    assert render("salaam") == "salaam"


def test_without_a_generation_a_fragment_is_not_kept(monkeypatch):
    monkeypatch.setattr(generation, "current", lambda: None)
    assert render("hej") == "hej"
    assert render("salaam") == "salaam"


def test_every_cached_fragment_in_the_templates_is_keyed_by_the_generation():
    root = Path(__file__).resolve().parents[2]
    tags = [
        (path, tag)
        for path in (root / "templates").rglob("*.html")
        for tag in re.findall(r"{%\s*cache\s[^%]*%}", path.read_text())
    ]
    assert tags, "no {% cache %} tag found"
    for path, tag in tags:
        assert re.match(r"{%\s*cache fragment_seconds \w+ cache_generation ", tag), (path, tag)
