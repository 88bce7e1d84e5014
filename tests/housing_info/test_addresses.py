import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from housing_info.addresses import slug_url, slug_urls
from portal.languages import PORTAL_LANGUAGES


@pytest.mark.parametrize("view_name", ["housing_info:page", "housing_info:topic"])
def test_gives_the_address_reverse_gives_in_every_language(view_name):
    for language in PORTAL_LANGUAGES:
        with translation.override(language.code):
            expected = reverse(view_name, kwargs={"slug": "genomgangsbostad"})
            assert slug_url(view_name, "genomgangsbostad") == expected
            assert expected.startswith(f"/{language.code}/")


def test_follows_the_script_prefix():
    with translation.override("ar"):
        plain = slug_url("housing_info:page", "andrahand")
        set_script_prefix("/portal/")
        try:
            prefixed = slug_url("housing_info:page", "andrahand")
        finally:
            set_script_prefix("/")
    assert plain == "/ar/andrahand/"
    assert prefixed == "/portal/ar/andrahand/"


def test_a_lists_addresses_are_those_of_the_language_active_when_it_began():
    with translation.override("ti"):
        url_of = slug_urls("housing_info:page")
        expected = [slug_url("housing_info:page", slug) for slug in ("a", "b")]
    assert [url_of(slug) for slug in ("a", "b")] == expected == ["/ti/a/", "/ti/b/"]


def test_slug_urls_for_a_language_other_than_the_active_one():
    from django.utils import translation

    with translation.override("ar"):
        url_of = slug_urls("housing_info:page", "ti")
    assert url_of("transitional-flat") == "/ti/transitional-flat/"
