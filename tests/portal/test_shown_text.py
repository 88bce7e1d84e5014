import pytest
from django.template import Context, Template
from django.utils import translation

from housing_info.models import Topic
from portal.languages import ShownIn, shown_in
from portal.shown_text import MachineTranslatedLanguages, ShownText, shown_text, text_language
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load shown_in %}" + source).render(Context(context))


def test_a_record_is_shown_in_the_first_language_of_the_chain_with_its_state():
    topic = make_topic(title_ti="", title_ar="موضوع", machine_translated=["ar", "ti"])
    arabic = shown_text(topic, "title", "ar")
    assert (str(arabic), arabic.language, arabic.dir) == ("موضوع", "ar", "rtl")
    assert (arabic.is_fallback, arabic.is_machine) == (False, True)
    # Tigrinya is missing: English, which is not machine-made, is shown instead.
    tigrinya = shown_text(topic, "title", "ti")
    assert (tigrinya.language, tigrinya.is_fallback, tigrinya.is_machine) == ("en", True, False)


def test_the_swedish_source_is_never_a_machine_translation_nor_outdated():
    assert ShownIn(**shown_in("sv", "ti", "machine")) == ShownIn(
        language="sv", dir="ltr", is_fallback=True
    )
    assert ShownIn(**shown_in("en", "en", "outdated")).is_outdated


def test_an_empty_field_everywhere_is_empty_and_needs_no_marker():
    topic = make_topic(description_sv="")
    assert not shown_text(topic, "description", "ar")
    assert text_language(topic, "description", "ar") == "sv"
    marker = render("{% shown_in_marker text %}", text=shown_text(topic, "description", "ar"))
    assert marker.strip() == ""


def test_marker_names_each_other_language_and_machine_translation_in_the_readers_words():
    english = ShownText(value="Step", **shown_in("en", "uk"))
    machine = ShownText(value="Крок", **shown_in("uk", "uk", "machine"))
    with translation.override("uk"):
        html = render("{% shown_in_marker a b %}", a=english, b=machine)
        name = str(translation.get_language_info("en")["name_translated"])
        words = translation.gettext("Machine translation")
    assert 'lang="uk" dir="ltr" data-shown-in="en machine"' in html
    assert f'<span class="shown-in__tag">{name[0].upper()}{name[1:]}</span>' in html
    assert f">{words}</span>" in html
    assert words != "Machine translation"


def test_marker_on_a_right_to_left_page_is_right_to_left():
    with translation.override("prs"):
        html = render("{% shown_in_marker a %}", a=ShownText(value="x", **shown_in("en", "prs")))
    assert 'lang="prs" dir="rtl"' in html


def test_notice_explains_the_markers_only_when_there_are_some():
    checked = ShownText(value="Steg", **shown_in("sv", "sv"))
    machine = ShownText(value="Шаг", **shown_in("ru", "ru", "machine"))
    with translation.override("ru"):
        assert render("{% shown_in_notice texts %}", texts=[checked]).strip() == ""
        html = render("{% shown_in_notice texts %}", texts=[[checked], [machine]])
        marker = translation.gettext("Machine translation")
    assert 'data-shown-in=" machine"' in html
    assert f"«{marker}»" in html


def test_a_title_inside_a_sentence_keeps_its_own_language():
    title = ShownText(value="Renting & more", **shown_in("en", "ar"))
    html = render("{{ title|in_its_language }}", title=title)
    assert html == '<bdi class="shown-text" lang="en" dir="ltr">Renting &amp; more</bdi>'


def test_admin_ticks_machine_translated_languages_per_language():
    field = Topic._meta.get_field("machine_translated")
    assert isinstance(field, MachineTranslatedLanguages)
    form_field = field.formfield()
    codes = [code for code, _name in form_field.choices]
    assert "sv" not in codes and {"ar", "prs", "ti"} <= set(codes)
    assert form_field.clean(["ar", "ti"]) == ["ar", "ti"]
