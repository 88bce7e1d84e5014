"""One way to write a date in every language, and valid ``<time datetime>`` values."""

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from pypdf import PdfReader

from housing_info.models import Page
from portal.dates import machine_date, reader_date, single_full_stops, time_element
from sharing import pdf
from sharing.printing import pdf_html
from tests.factories import make_page
from tests.portal.time_values import datetime_value_form
from translation_workflow.versions import TranslationState, language_version, set_language_version

MARCH_3 = date(2026, 3, 3)
MAY_21 = date(2026, 5, 21)
DECEMBER_6 = date(2026, 12, 6)

# As a reader of each language writes these dates (CLDR's long date, Western
# digits). Ukrainian and Russian: months in the genitive, the year's
# abbreviation after a narrow no-break space (U+202F: it never wraps alone).
# Sorani with the izafe ی; Kurmanji with its case endings; Dari with the Afghan
# month names (مارچ, not Iran's مارس); Somali and Tigrinya month first, as CLDR
# has them (one spelling: "Diseembar", never "Disembar").
WRITTEN = {
    "sv": ("3 mars 2026", "21 maj 2026", "6 december 2026"),
    "en": ("3 March 2026", "21 May 2026", "6 December 2026"),
    "ar": ("3 مارس 2026", "21 مايو 2026", "6 ديسمبر 2026"),
    "prs": ("3 مارچ 2026", "21 می 2026", "6 دسمبر 2026"),
    "fa": ("3 مارس 2026", "21 مه 2026", "6 دسامبر 2026"),
    "ps": ("3 مارچ 2026", "21 مۍ 2026", "6 دسمبر 2026"),
    "ckb": ("3ی ئازاری 2026", "21ی ئایاری 2026", "6ی کانونی یەکەمی 2026"),
    "kmr": ("3ê adara 2026an", "21ê gulana 2026an", "6ê berfanbara 2026an"),
    "so": ("Maarso 3, 2026", "Maayo 21, 2026", "Diseembar 6, 2026"),
    "ti": ("መጋቢት 3, 2026", "ጉንበት 21, 2026", "ታሕሳስ 6, 2026"),
    "uk": ("3 березня 2026\u202fр.", "21 травня 2026\u202fр.", "6 грудня 2026\u202fр."),
    "ru": ("3 марта 2026\u202fг.", "21 мая 2026\u202fг.", "6 декабря 2026\u202fг."),
}
CODES = [code for code, _name in settings.LANGUAGES]


def test_the_table_covers_every_served_language():
    missing = sorted(set(CODES) - set(WRITTEN))
    assert sorted(WRITTEN) == sorted(CODES), (
        f"{', '.join(missing) or 'a language'}: add how its readers write the three dates "
        "to WRITTEN (from a source other than Babel; docs/adding-a-language.md, step 7)"
    )


@pytest.mark.parametrize("code", CODES)
def test_a_date_is_written_as_readers_of_the_language_write_it(code):
    assert (
        reader_date(MARCH_3, code),
        reader_date(MAY_21, code),
        reader_date(DECEMBER_6, code),
    ) == (WRITTEN[code])


def test_the_active_language_is_the_default_and_no_date_is_empty():
    with translation.override("uk"):
        assert reader_date(MARCH_3) == "3 березня 2026\u202fр."
    assert reader_date(None) == ""
    assert time_element(None) == ""


def test_a_date_time_is_written_as_its_day_in_gothenburg():
    # 23:30 UTC on 5 December is already 6 December in Gothenburg.
    late = datetime(2026, 12, 5, 23, 30, tzinfo=UTC)
    assert reader_date(late, "sv") == "6 december 2026"


def test_machine_values_are_a_date_or_local_time_to_the_second_with_offset():
    assert machine_date(MARCH_3) == "2026-03-03"
    winter = datetime(2026, 12, 6, 13, 0, 0, 123456, tzinfo=UTC)
    assert machine_date(winter) == "2026-12-06T14:00:00+01:00"
    summer = datetime(2026, 6, 1, 10, 15, 30, 999999, tzinfo=UTC)
    assert machine_date(summer) == "2026-06-01T12:15:30+02:00"
    assert machine_date(datetime(2026, 6, 1, 12, 0, 0, 5)) == "2026-06-01T12:00:00+02:00"
    with pytest.raises(TypeError):
        machine_date("2026-03-03")


def test_time_element_escapes_nothing_it_should_not_and_carries_both_values():
    assert time_element(MARCH_3, "ru") == '<time datetime="2026-03-03">3 марта 2026\u202fг.</time>'


@pytest.mark.parametrize(
    ("text", "single"),
    [
        ('від <time datetime="2026-03-03">3 березня 2026\u202fр.</time>.', "від <time"),
        ("3 марта 2026\u202fг..", "3 марта 2026\u202fг."),
        ("Wait...", "Wait..."),
        ("One. Two.", "One. Two."),
    ],
)
def test_a_sentence_ending_with_an_abbreviated_year_keeps_one_full_stop(text, single):
    result = single_full_stops(text)
    assert result.startswith(single)
    assert not re.search(r"(?<!\.)\.(</time>)?\.(?!\.)", result)


def test_the_template_filters_write_the_same_as_the_function():
    template = Template(
        "{% load reader_dates %}{% filter single_full_stops %}"
        "{{ day|reader_date }}|{{ day|machine_date }}|{{ day|time_element }}.{% endfilter %}"
    )
    with translation.override("uk"):
        rendered = template.render(Context({"day": MARCH_3}))
    written = "3 березня 2026\u202fр."
    assert rendered == f'{written}|2026-03-03|<time datetime="2026-03-03">{written}</time>'


# --- The same date, written the same way everywhere a reader meets it ---------

TIME_ELEMENT = re.compile(r'<time datetime="([^"]*)">([^<]*)</time>')
CHANGED = datetime(2026, 12, 6, 13, 0, 0, 654321, tzinfo=UTC)


def page_in_every_language(**fields):
    text = {}
    for code in CODES:
        text |= {
            f"title_{code}": f"Page ({code})",
            f"summary_{code}": f"Summary ({code})",
            f"body_{code}": f"<p>Body ({code})</p>",
        }
    page = make_page(**text, last_reviewed=MARCH_3, **fields)
    for code in CODES:
        if code != "sv":
            version = replace(
                language_version(page, code),
                state=TranslationState.MACHINE,
                source_revision=page.source_revision,
                source_date=MARCH_3,
            )
            set_language_version(page, code, version)
    Page.objects.filter(pk=page.pk).update(
        language_versions=page.language_versions, updated_at=CHANGED
    )
    page.refresh_from_db()
    return page


def time_elements(html):
    return TIME_ELEMENT.findall(html)


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_page_notice_print_and_feed_write_a_date_the_same_way(client, code):
    page = page_in_every_language()
    march_3, _may, december_6 = WRITTEN[code]
    reviewed = ("2026-03-03", march_3)
    changed = ("2026-12-06T14:00:00+01:00", december_6)

    detail = client.get(f"/{code}/{page.slug}/").content.decode()
    printable = client.get(f"/{code}/{page.slug}/print/").content.decode()
    with translation.override(code):
        pdf_document = pdf_html(page, "page")
    feed = client.get(f"/{code}/feed.atom").content.decode()

    # The page: "Last reviewed", "Last changed" and, but in Swedish, the
    # notice "Machine translation of the Swedish version of <date>".
    expected = [reviewed, changed] + ([] if code == "sv" else [reviewed])
    assert sorted(time_elements(detail)) == sorted(expected)
    # Print names the day it was changed, not the second: a PDF is made again
    # only when what it shows changes.
    # and carries the same notice as the page.
    changed_day = ("2026-12-06", december_6)
    printed = [reviewed, changed_day] + ([] if code == "sv" else [reviewed])
    assert sorted(time_elements(printable)) == sorted(printed)
    assert sorted(time_elements(pdf_document)) == sorted(printed)
    # The feed's timestamp of the entry is the page's "Last changed" value.
    entry = feed[feed.index(f"/{code}/{page.slug}/") :]
    assert re.search(r"<updated>([^<]*)</updated>", entry).group(1) == changed[0]
    stamps = re.findall(r"<(?:updated|published)>([^<]*)</", feed)
    assert stamps
    assert all(datetime_value_form(stamp) == "global date and time" for stamp in stamps), stamps
    # A date ending in an abbreviation ("р.") is not followed by another full stop.
    for html in (detail, printable, pdf_document):
        assert not re.search(r"(?<!\.)\.</time>\.(?!\.)", html)
        if march_3.endswith("."):
            assert f"{march_3}</time> " in html or f"{march_3}</time>\n" in html


@pytest.mark.django_db
@pytest.mark.skipif(pdf.load_renderer() is None, reason="WeasyPrint is missing")
@pytest.mark.parametrize("code", ["uk", "so", "ti", "kmr"])
def test_the_pdf_text_has_the_date_as_the_page_writes_it(client, settings, tmp_path, code):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = page_in_every_language()
    response = client.get(f"/{code}/{page.slug}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(content)).pages)
    # Lines break where the layout wants (a date is never hyphenated); the
    # text layer may write the narrow no-break space as a space.
    words = " ".join(text.split())
    for written in (WRITTEN[code][0], WRITTEN[code][2]):
        assert " ".join(written.split()) in words, written


# --- Every <time datetime> on the public pages is valid HTML -------------------


@pytest.mark.parametrize(
    "value",
    [
        "2026-03-03",
        "2026-12-06T14:00:00+01:00",
        "2026-12-06 14:00:00.123Z",
        "2026-12",
        "--02-29",
        "14:00",
        "2026-W53",
        "2026",
        "PT4H18M3S",
        "4h 18m 3s",
    ],
)
def test_the_checker_accepts_what_the_standard_allows(value):
    assert datetime_value_form(value)


@pytest.mark.parametrize(
    "value",
    [
        "2026-12-06T14:00:00.123456+01:00",  # six-digit fractions, as Django's |date:"c"
        "2026-02-29",
        "2026-13-01",
        "2026-12-06T24:00",
        "2026-12-06T14:00+24:00",
        "2025-W53",
        "0000",
        "6 December 2026",
        "",
    ],
)
def test_the_checker_rejects_what_the_standard_does_not(value):
    assert datetime_value_form(value) is None


@pytest.mark.django_db
def test_every_time_datetime_on_the_public_pages_is_valid(client):
    page = page_in_every_language()
    paths = [
        "/",
        f"/topics/{page.topic.slug}/",
        f"/{page.slug}/",
        f"/{page.slug}/print/",
        f"/{page.slug}/poster/",
        "/contacts/",
        "/glossary/",
        "/search/?q=page",
        "/what-applies-to-me/",
        "/about/accessibility/",
    ]
    seen = 0
    for code in CODES:
        for path in paths:
            response = client.get(f"/{code}{path}")
            assert response.status_code == 200, (code, path)
            for value in re.findall(
                r"<time\b[^>]*\bdatetime=\"([^\"]*)\"", response.content.decode()
            ):
                assert datetime_value_form(value), (code, path, value)
                seen += 1
    # Three on each content page, two in each printable view, one in each statement.
    assert seen >= len(CODES) * 5
