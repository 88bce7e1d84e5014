"""What a visitor is told about the language version they read, in their language."""

from datetime import date

import pytest
from django.test import Client
from django.utils import translation

from housing_info.models import Page
from tests.factories import make_page
from translation_workflow.services import save_page_text
from translation_workflow.states import set_held_back
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    set_language_version,
)

pytestmark = pytest.mark.django_db


def in_language(code, message, **values):
    with translation.override(code):
        text = translation.gettext(message)
    return text % values if values else text


def stamped(page, code, **changes):
    """Give ``code`` a known source date, as if translated on 3 March 2026."""
    version = language_version(page, code)
    set_language_version(
        page,
        code,
        version.__class__(**{**version.__dict__, "source_date": date(2026, 3, 3), **changes}),
    )
    Page.objects.filter(pk=page.pk).update(language_versions=page.language_versions)
    return page


def test_an_up_to_date_translation_says_which_swedish_version_it_comes_from(client, page):
    stamped(page, "en")
    content = client.get(f"/en/{page.slug}/").content.decode()
    assert (
        'Translated from the Swedish version of <time datetime="2026-03-03">3 March 2026</time>.'
        in content
    )


def test_the_date_is_written_for_the_readers_locale(client, page):
    stamped(page, "ar")
    stamped(page, "ti")
    arabic = client.get(f"/ar/{page.slug}/").content.decode()
    assert "3 مارس 2026" in arabic
    tigrinya = client.get(f"/ti/{page.slug}/").content.decode()
    assert "መጋቢት 3, 2026" in tigrinya


def test_an_outdated_translation_says_so_and_links_to_the_swedish_text(client, page):
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    content = client.get(f"/ar/{page.slug}/").content.decode()
    assert f'href="/sv/{page.slug}/" hreflang="sv"' in content
    assert "notice--outdated" in content
    assert in_language("ar", "Read the current Swedish version") in content


def test_a_machine_translation_says_it_is_not_checked_by_the_city(client, page):
    page.body_en = "<p>Machine made text.</p>"
    save_page_text(
        page, user=None, swedish_change=None, states_declared={"en": TranslationState.MACHINE}
    )
    stamped(Page.objects.get(pk=page.pk), "en")
    content = client.get(f"/en/{page.slug}/").content.decode()
    assert "It has not been checked by the City" in content
    assert "notice--machine" in content


def test_a_held_back_version_gives_visitors_the_fallback_and_staff_a_preview(staff_client):
    page = make_page()
    set_held_back(page, "ar", True)
    save_page_text(page, user=None, swedish_change=None)
    # staff_client is the logged-in "client"; a visitor needs a client of their own.
    visitor = Client().get(f"/ar/{page.slug}/").content.decode()
    assert page.title_en in visitor and page.title_ar not in visitor
    fallback = in_language(
        "ar", "This page is not yet available in your language. Here it is in %(language)s."
    )
    assert fallback.split("%")[0].strip() in visitor
    staff = staff_client.get(f"/ar/{page.slug}/").content.decode()
    assert page.title_ar in staff
    assert "notice--preview" in staff


def test_the_swedish_source_carries_no_translation_notice(client, page):
    content = client.get(f"/sv/{page.slug}/").content.decode()
    assert "translation-source" not in content and "notice--outdated" not in content
