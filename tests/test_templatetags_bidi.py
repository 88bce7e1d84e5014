import pytest
from django.template import Context, Template

from housing_info.templatetags.bidi import isolate_ltr_runs, ltr_spans
from tests.factories import make_contact_point, make_page


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
