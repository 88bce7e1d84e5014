import pytest
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from housing_info.templatetags.bidi import (
    RUN_JOINERS,
    SPECIAL_RUN,
    is_run_end,
    is_strong_ltr,
    isolate_ltr_runs,
    ltr_spans,
)
from tests.demo_texts import demo_digests
from tests.factories import make_contact_point, make_page
from tests.growth import LINEAR_LIMIT, growth_ratio


def runs(text):
    return [text[start:end] for start, end in ltr_spans(text)]


def test_swedish_terms_in_arabic_text_are_one_run_each():
    text = "سجّل في Boplats Göteborg فوراً، واسأل عن genomgångsbostad."
    assert runs(text) == ["Boplats Göteborg", "genomgångsbostad"]


def test_phone_number_with_spaces_is_one_run():
    assert runs("اتصل على 031-365 00 00 اليوم") == ["031-365 00 00"]
    assert runs("او على +46 31 365 00 00.") == ["+46 31 365 00 00"]


def test_web_address_keeps_its_slash_and_leaves_the_full_stop():
    assert runs("زوروا https://www.boplats.se/sv/. شكراً") == ["https://www.boplats.se/sv/"]


def test_e_mail_address_is_one_run():
    assert runs("راسلونا على info@boplats.se اليوم") == ["info@boplats.se"]


def test_address_with_house_number_and_comma_is_one_run():
    text = "العنوان: Första Långgatan 28 B, Göteborg."
    assert runs(text) == ["Första Långgatan 28 B, Göteborg"]


def test_lone_numbers_in_arabic_text_are_left_alone():
    assert runs("لمدة 4 سنوات، من 1 إلى 6 أشهر") == []


def test_markup_passes_unchanged_and_only_text_is_wrapped():
    html = (
        '<h2>الخطوة 1</h2><p>اقرأ <a href="https://www.boplats.se/">موقع Boplats</a>'
        "<br>ثم <strong>genomgångsbostad</strong> &amp; أكثر.</p>"
    )
    assert isolate_ltr_runs(html) == (
        '<h2>الخطوة 1</h2><p>اقرأ <a href="https://www.boplats.se/">موقع <bdi dir="ltr">'
        'Boplats</bdi></a><br>ثم <strong><bdi dir="ltr">genomgångsbostad</bdi></strong>'
        " &amp; أكثر.</p>"
    )


def test_text_already_isolated_or_with_a_direction_is_not_wrapped_again():
    html = '<p><bdi>Boplats</bdi> و <span dir="ltr">Skatteverket 1</span> و Hyresnämnden</p>'
    assert isolate_ltr_runs(html) == (
        '<p><bdi>Boplats</bdi> و <span dir="ltr">Skatteverket 1</span> و '
        '<bdi dir="ltr">Hyresnämnden</bdi></p>'
    )


def test_escaped_text_stays_escaped():
    assert isolate_ltr_runs("<p>نص &lt;script&gt; x</p>") == (
        '<p>نص &lt;<bdi dir="ltr">script</bdi>&gt; <bdi dir="ltr">x</bdi></p>'
    )


def test_isolating_twice_changes_nothing_more():
    once = isolate_ltr_runs("<p>سجّل في Boplats على 031-733 30 00</p>")
    assert isolate_ltr_runs(once) == once


def render(source, **context):
    return Template("{% load bidi %}" + source).render(Context(context))


def test_filter_wraps_runs_in_right_to_left_html():
    html = render("{{ body|safe|isolate_ltr:'rtl' }}", body="<p>سجّل في Boplats</p>")
    assert html == '<p>سجّل في <bdi dir="ltr">Boplats</bdi></p>'


def test_filter_leaves_left_to_right_text_unchanged():
    body = "<p>Registrera dig hos Boplats på 031-733 30 00.</p>"
    assert render("{{ body|safe|isolate_ltr:'ltr' }}", body=body) == body


def test_filter_escapes_plain_text_before_wrapping():
    html = render("{{ title|isolate_ltr:True }}", title="<i>Boplats بوبلاتس")
    assert html == '&lt;<bdi dir="ltr">i</bdi>&gt;<bdi dir="ltr">Boplats</bdi> بوبلاتس'


@pytest.mark.django_db
def test_arabic_page_isolates_runs_without_changing_the_stored_text(client):
    body = "<p>سجّل في Boplats واتصل على 031-365 00 00.</p>"
    page = make_page(body_ar=body)
    page.contact_points.add(make_contact_point(name_ar="مكتب Boplats Göteborg"))
    content = client.get(f"/ar/{page.slug}/").content.decode()
    assert '<bdi dir="ltr">Boplats</bdi>' in content
    assert '<bdi dir="ltr">031-365 00 00</bdi>' in content
    assert 'مكتب <bdi dir="ltr">Boplats Göteborg</bdi>' in content
    page.refresh_from_db()
    assert page.body_ar == body


@pytest.mark.django_db
def test_swedish_page_is_not_wrapped(client):
    page = make_page(body_sv="<p>Ring Boplats på 031-365 00 00.</p>")
    content = client.get(f"/sv/{page.slug}/").content.decode()
    assert "<p>Ring Boplats på 031-365 00 00.</p>" in content


# Linear in the text's length (see tests/growth.py), on texts that made the
# earlier algorithm quadratic: long runs of punctuation in Arabic text (a 64 KB
# summary took 4.6 s), and deeply nested or stray elements.
ARABIC = "سجّل في Boplats Göteborg واتصل على 031-365 00 00 أو info@boplats.se. "
LONG_RUNS = {
    "full stops": lambda n: ARABIC + ("نص " + "." * n + " ") * 2,
    "hyphens": lambda n: ARABIC + "-" * n,
    "underscores": lambda n: "ملخص " + "_" * n + " " + ARABIC,
    "plus and digits": lambda n: ARABIC + "+1" * (n // 2),
    "local parts before @": lambda n: ARABIC + (".-_+" * (n // 4)) + "@",
    "address-like": lambda n: ARABIC + "a@" * (n // 2),
}


@pytest.mark.parametrize("make_text", LONG_RUNS.values(), ids=LONG_RUNS.keys())
def test_finding_runs_grows_linearly_with_long_runs_of_punctuation(make_text):
    assert growth_ratio(ltr_spans, make_text, 10_000) < LINEAR_LIMIT


NESTED = {
    "nested paragraphs": lambda n: "<p>نص Boplats " * (n // 16) + "</b>" * (n // 64),
    "nested isolated": lambda n: '<span dir="ltr">x' * (n // 17) + "</span>" * (n // 17),
    "stray end tags": lambda n: "<p>ب" * (n // 8) + "</x>" * (n // 8),
}


@pytest.mark.parametrize("make_html", NESTED.values(), ids=NESTED.keys())
def test_isolating_grows_linearly_with_deep_nesting(make_html):
    assert growth_ratio(isolate_ltr_runs.__wrapped__, make_html, 10_000) < LINEAR_LIMIT


def test_a_long_arabic_summary_with_punctuation_runs_is_isolated_whole():
    summary = ("ملخص طويل: " + "." * 2000 + " اتصل على 031-365 00 00 " + "-" * 2000) * 16
    assert len(summary) > 64_000
    assert runs(summary) == ["031-365 00 00"] * 16


def reference_spans(text):
    """The earlier algorithm (one pattern for every special run): quadratic, but the reference."""
    spans = []
    position, length = 0, len(text)
    while position < length:
        starts_word = position == 0 or not text[position - 1].isalnum()
        special = SPECIAL_RUN.match(text, position) if starts_word else None
        if special:
            spans.append(special.span())
            position = special.end()
            continue
        character = text[position]
        if is_strong_ltr(character) or character.isdigit():
            end, last, has_letter = position, position, False
            while end < length and (is_run_end(text[end]) or text[end] in RUN_JOINERS):
                if is_run_end(text[end]):
                    last = end
                    has_letter = has_letter or is_strong_ltr(text[end])
                end += 1
            if has_letter:
                spans.append((position, last + 1))
            position = last + 1
            continue
        position += 1
    return spans


tricky_text = st.lists(
    st.sampled_from([*"ab1٣ بت.-_+@/:#=&, \u00a0'’hwtps", "www.", "http://"]), max_size=40
).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=tricky_text)
def test_runs_are_the_ones_the_earlier_algorithm_found(text):
    assert ltr_spans(text) == reference_spans(text)


def test_every_demo_text_is_isolated_as_before():
    assert demo_digests(lambda text: isolate_ltr_runs.__wrapped__(text)) == DEMO_BIDI_DIGESTS


DEMO_BIDI_DIGESTS = {
    "ar": "c7db53f07cb588f5",
    "ckb": "e6b0a7929aec23d2",
    "en": "5f532c8670cf7cb2",
    "fa": "6ac3b55f1f550151",
    "kmr": "cda64eec232f7bd9",
    "prs": "364e8b67f558100d",
    "ps": "a8000224a7e26085",
    "ru": "17bba1153170150a",
    "so": "725a0b33f78e56cd",
    "structure": "4c7c84f108a7dd02",
    "sv": "1eb2e33f2de2d818",
    "ti": "17529f8d504adfe8",
    "uk": "95617cb1a7e1aa05",
}
