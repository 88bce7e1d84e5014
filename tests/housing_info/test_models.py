import pytest

from housing_info.models import Page
from tests.factories import make_page
from translation_workflow.versions import LanguageVersion, TranslationState, translation_state

pytestmark = pytest.mark.django_db


def test_script_and_event_handlers_are_stripped_on_save():
    page = make_page(
        body_sv='<p onclick="steal()">Hyra<script>alert(1)</script></p>'
        '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">länk</a>',
        body_ar='<p>إيجار<script>alert(1)</script></p><svg onload="alert(4)"></svg>',
    )
    page.refresh_from_db()
    for body in (page.body_sv, page.body_ar):
        assert "<script" not in body
        assert "alert" not in body
        assert "onerror" not in body and "onclick" not in body and "onload" not in body
        assert "javascript:" not in body
    assert "Hyra" in page.body_sv
    assert "إيجار" in page.body_ar


def test_allowed_rich_text_survives_saving():
    body = '<h2>Rubrik</h2><p><strong>Viktigt</strong>: <a href="https://www.boplats.se">Boplats</a></p>'
    page = make_page(body_sv=body)
    page.refresh_from_db()
    assert "<h2>Rubrik</h2>" in page.body_sv
    assert "<strong>Viktigt</strong>" in page.body_sv
    assert 'href="https://www.boplats.se"' in page.body_sv


def test_text_language_prefers_reader_then_english_then_swedish():
    page = make_page(title_ti="", body_ti="")
    assert page.text_language("ar") == "ar"
    assert page.text_language("ti") == "en"
    page.title_en = ""
    assert page.text_language("ti") == "sv"


def test_text_never_mixes_languages():
    page = make_page(body_ar="")
    assert page.text("ar")["title"] == page.title_ar
    assert page.text("ar")["body"] == ""
    assert page.text_language("ar") == "en"


def test_published_queryset_hides_drafts():
    shown = make_page(published=True)
    make_page(published=False)
    assert list(Page.objects.published()) == [shown]


def test_translation_state_is_missing_for_an_untranslated_language():
    page = make_page(title_ti="", body_ti="")
    assert translation_state(page, "sv") == TranslationState.UP_TO_DATE
    assert translation_state(page, "ar") == TranslationState.UP_TO_DATE
    assert translation_state(page, "ti") == TranslationState.MISSING


def test_a_held_back_version_is_not_shown_to_readers_but_is_to_a_preview():
    from translation_workflow.states import set_held_back

    page = make_page()
    set_held_back(page, "ar", True)
    page.save()
    page.refresh_from_db()
    assert not page.is_translated_into("ar")
    assert page.is_translated_into("ar", preview=True)
    assert page.text_language("ar") == "en"
    assert page.text_language("ar", preview=True) == "ar"
    # Held back is not a state: the version is still up to date.
    assert translation_state(page, "ar") == TranslationState.UP_TO_DATE


def test_language_version_survives_its_json_form():
    from datetime import date

    version = LanguageVersion(
        state=TranslationState.OUTDATED,
        source_revision=3,
        source_date=date(2026, 3, 3),
        held_back=True,
        reviewed_on=date(2026, 3, 4),
        reviewed_by="granskare",
    )
    assert LanguageVersion.from_json(version.to_json()) == version
    assert LanguageVersion.from_json(None) == LanguageVersion()


def test_text_without_a_state_record_counts_as_up_to_date():
    page = make_page()
    Page.objects.filter(pk=page.pk).update(language_versions={})
    page.refresh_from_db()
    assert translation_state(page, "ar") == TranslationState.UP_TO_DATE
    assert translation_state(page, "so") == TranslationState.MISSING
