"""The pathway's steps ({% step_list %}), on the home page and in the question flow's result."""

import pytest
from django.template import Context, Template
from django.utils import translation

from housing_info.listing import step_items
from housing_info.reader_queries import pathway_steps
from tests.factories import make_page, make_pathway_step

pytestmark = pytest.mark.django_db


def steps_html(code):
    with translation.override(code):
        template = Template("{% load step_list %}{% step_list items %}")
        return template.render(Context({"items": step_items(pathway_steps(code), code)}))


def test_a_step_links_to_its_page_in_the_readers_language():
    page = make_page(title_ti="ግዝያዊ ገዛ")
    make_pathway_step(page=page, title_ti="ምምዝጋብ", description_ti="ኣብ Boplats ተመዝገብ")
    html = steps_html("ti")
    assert html.startswith('<ol class="pathway">') and html.endswith("</ol>")
    assert (
        f'<h3 class="pathway__title"><a href="/ti/{page.slug}/">'
        '<span class="shown-text" lang="ti" dir="ltr">ምምዝጋብ</span></a></h3>'
    ) in html
    assert '<p lang="ti" dir="ltr">ኣብ Boplats ተመዝገብ</p>' in html


def test_a_step_without_a_published_page_is_not_a_link():
    make_pathway_step(page=make_page(published=False))
    make_pathway_step()
    html = steps_html("sv")
    assert html.count('<li class="pathway__step">') == 2
    assert "<a " not in html


def test_a_step_to_a_page_in_english_says_which_language_the_page_opens_in():
    page = make_page(title_ar="", summary_ar="", body_ar="")
    make_pathway_step(page=page, title_ar="سجّل في Boplats", description_en="Call <031-365 00 00>")
    html = steps_html("ar")
    assert f'<a href="/ar/{page.slug}/" hreflang="en">' in html
    # Right to left: the Latin run of the Arabic title is isolated; the English
    # description is marked as English and escaped.
    assert (
        '<span class="shown-text" lang="ar" dir="rtl">سجّل في <bdi dir="ltr">Boplats</bdi>' in html
    )
    assert '<p lang="en" dir="ltr">Call &lt;031-365 00 00&gt;</p>' in html
    assert 'class="shown-in"' in html and "الإنجليزية" in html
