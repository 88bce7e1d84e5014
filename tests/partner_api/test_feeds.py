import feedparser
import pytest

from housing_info.models import Page
from tests.factories import make_page

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_arabic_feed_lists_pages_in_arabic_newest_change_first(client, settings):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    older = make_page()
    newer = make_page()
    Page.objects.filter(pk=older.pk).update(updated_at="2025-01-01T10:00:00Z")
    Page.objects.filter(pk=newer.pk).update(updated_at="2025-06-01T10:00:00Z")
    feed = parse(client, "/ar/feed.atom")
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == [newer.title_ar, older.title_ar]
    assert feed.entries[0].link == f"https://bostad.goteborg.se/ar/{newer.slug}/"
    assert feed.entries[0].updated.startswith("2025-06-01")
    assert feed.feed.language == "ar"


def test_feed_flags_a_page_shown_in_a_fallback_language(client):
    page = make_page(title_ti="", summary_ti="", body_ti="")
    [entry] = parse(client, "/ti/feed.atom").entries
    assert entry.title == page.title_en
    assert page.summary_en in entry.summary
    assert entry.summary != page.summary_en


def test_unpublished_pages_are_not_in_the_feed(client):
    make_page(published=False)
    assert parse(client, "/sv/feed.atom").entries == []


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_each_languages_home_page_links_its_feed(client, code):
    content = client.get(f"/{code}/").content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="/{code}/feed.atom"' in content


def test_the_feed_names_the_city_as_its_author(client):
    make_page()
    feed = parse(client, "/ti/feed.atom")
    assert feed.feed.author_detail.name == "Göteborgs Stad"
    assert feed.feed.author_detail.href == "https://goteborg.se/"


def test_each_entry_is_labelled_with_the_language_of_its_text(client, settings):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    fallback = make_page(title_ti="", summary_ti="", body_ti="")
    translated = make_page()
    entries = {entry.link: entry for entry in parse(client, "/ti/feed.atom").entries}
    english = entries[f"https://bostad.goteborg.se/ti/{fallback.slug}/"]
    assert english.title_detail.language == "en"
    tigrinya = entries[f"https://bostad.goteborg.se/ti/{translated.slug}/"]
    assert tigrinya.title_detail.language == "ti"
    # The notice is in the feed's language, marked as such inside the English entry.
    assert '<p lang="ti">' in english.summary
    assert fallback.summary_en in english.summary
    raw = client.get("/ti/feed.atom").content.decode()
    assert raw.count('<entry xml:lang="en">') == 1


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("machine", "Machine translation. It has not been checked by the City"),
        ("outdated", "The Swedish text has changed since this translation was made"),
    ],
)
def test_feed_says_when_an_entry_is_a_machine_or_outdated_translation(client, state, words):
    from translation_workflow.versions import (
        LanguageVersion,
        TranslationState,
        set_language_version,
    )

    page = make_page()
    set_language_version(page, "en", LanguageVersion(state=TranslationState(state)))
    Page.objects.filter(pk=page.pk).update(language_versions=page.language_versions)
    [entry] = parse(client, "/en/feed.atom").entries
    assert entry.title == page.title_en
    assert words in entry.summary
    assert page.summary_en in entry.summary


def test_feed_adds_no_notice_to_an_up_to_date_translation(client):
    page = make_page()
    [entry] = parse(client, "/en/feed.atom").entries
    assert "<p" in entry.summary and "Machine translation" not in entry.summary
    assert page.summary_en in entry.summary
