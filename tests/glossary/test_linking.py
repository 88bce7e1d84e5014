import pytest

from glossary.linking import link_terms
from tests.demo_texts import demo_digests
from tests.growth import LINEAR_LIMIT, growth_ratio

LINKS = {
    "genomgångsbostad": "/ar/glossary/#genomgangsbostad",
    "genomgångsbostaden": "/ar/glossary/#genomgangsbostad",
    "hyresgäst": "/ar/glossary/#hyresgast",
    "hyresgästföreningen": "/ar/glossary/#hyresgastforeningen",
    "bostadskö": "/ar/glossary/#bostadsko",
}


def link(href, word):
    return f'<a class="glossary-term" href="{href}" lang="sv">{word}</a>'


def test_links_a_term_in_text():
    html = "<p>Du får en genomgångsbostad av staden.</p>"
    assert link_terms(html, LINKS) == (
        f"<p>Du får en {link('/ar/glossary/#genomgangsbostad', 'genomgångsbostad')} av staden.</p>"
    )


def test_links_only_the_first_occurrence_of_a_term_and_its_forms():
    html = "<p>genomgångsbostaden</p><p>Genomgångsbostad och genomgångsbostad.</p>"
    result = link_terms(html, LINKS)
    assert result.count('class="glossary-term"') == 1
    assert link("/ar/glossary/#genomgangsbostad", "genomgångsbostaden") in result


def test_links_a_swedish_term_inside_arabic_text():
    html = "<p>الشقة الانتقالية (genomgångsbostad) هي شقة تستأجرها من الباطن.</p>"
    assert link_terms(html, LINKS) == (
        "<p>الشقة الانتقالية ("
        + link("/ar/glossary/#genomgangsbostad", "genomgångsbostad")
        + ") هي شقة تستأجرها من الباطن.</p>"
    )


def test_matching_ignores_case_and_keeps_the_written_case():
    result = link_terms("<p>Bostadskö är viktig.</p>", LINKS)
    assert link("/ar/glossary/#bostadsko", "Bostadskö") in result


def test_never_links_inside_an_existing_link():
    html = '<p><a href="https://nya.boplats.se">Om <strong>bostadskö</strong> hos Boplats</a></p>'
    assert link_terms(html, LINKS) == html


@pytest.mark.parametrize("heading", ["h1", "h2", "h3", "h4", "h5", "h6"])
def test_never_links_inside_a_heading(heading):
    html = f"<{heading}>Din genomgångsbostad</{heading}><p>En genomgångsbostad.</p>"
    result = link_terms(html, LINKS)
    assert result.startswith(f"<{heading}>Din genomgångsbostad</{heading}>")
    # The first occurrence outside the heading gets the link.
    assert result.endswith(
        f"<p>En {link('/ar/glossary/#genomgangsbostad', 'genomgångsbostad')}.</p>"
    )


def test_never_touches_attributes():
    html = (
        '<p title="genomgångsbostad"><a href="/sv/genomgångsbostad/" '
        'data-x="bostadskö">länk</a> text</p>'
    )
    assert link_terms(html, LINKS) == html


def test_whole_words_only():
    html = "<p>Genomgångsbostadsområdet och hyresgästerna.</p>"
    assert link_terms(html, LINKS) == html


def test_the_longest_form_wins():
    result = link_terms("<p>Hyresgästföreningen hjälper hyresgäst.</p>", LINKS)
    assert link("/ar/glossary/#hyresgastforeningen", "Hyresgästföreningen") in result
    assert link("/ar/glossary/#hyresgast", "hyresgäst") in result


def test_html_without_terms_comes_out_exactly_as_it_went_in():
    html = (
        '<!-- note --><h2>Rubrik</h2><p class="lead">A &amp; B &lt;tag&gt; &#8211; '
        "<em>kursiv</em><br/>rad<br>rad</p><ul><li>ett</li></ul>"
    )
    assert link_terms(html, LINKS) == html


def test_an_unclosed_link_keeps_the_rest_unlinked():
    html = "<p><a href='/x'>öppen länk <p>genomgångsbostad</p>"
    assert link_terms(html, LINKS) == html


def test_terms_in_scripts_or_code_stay_unlinked():
    html = "<code>bostadskö</code><pre>bostadskö</pre>"
    assert link_terms(html, LINKS) == html


def test_escapes_the_address_it_inserts():
    result = link_terms("<p>bostadskö</p>", {"bostadskö": '/sv/glossary/?a=1&b="2"#x'})
    assert 'href="/sv/glossary/?a=1&amp;b=&quot;2&quot;#x"' in result


@pytest.mark.parametrize("html", ["", None])
def test_empty_body_gives_empty_text(html):
    assert link_terms(html, LINKS) == ""


def test_no_terms_leaves_the_body_alone():
    assert link_terms("<p>bostadskö</p>", {}) == "<p>bostadskö</p>"


def test_the_same_body_with_other_links_is_linked_anew():
    html = "<p>Ställ dig i bostadskön.</p>"
    assert 'href="/sv/glossary/#bostadsko"' in link_terms(
        html, {"bostadskön": "/sv/glossary/#bostadsko"}
    )
    moved = link_terms(html, {"bostadskön": "/sv/glossary/#ko"})
    assert 'href="/sv/glossary/#ko"' in moved
    assert link_terms(html, {"hyresvärd": "/sv/glossary/#hyresvard"}) == html


# Linear in the body's length (see tests/growth.py): deep nesting and stray end
# tags made the earlier list of open elements quadratic.
BODIES = {
    "many words": lambda n: "<p>" + "En bostadskö och en hyresgäst i text. " * (n // 38) + "</p>",
    "nested links": lambda n: "<a>genomgångsbostad " * (n // 20) + "</a>" * (n // 20),
    "stray end tags": lambda n: "<code>x" * (n // 14) + "</em>" * (n // 10),
    "nested headings": lambda n: "<h2><p>hyresgäst " * (n // 17) + "</p></h2>" * (n // 34),
}


@pytest.mark.parametrize("make_body", BODIES.values(), ids=BODIES.keys())
def test_linking_grows_linearly_with_the_body(make_body):
    from glossary.linking import _linked

    links = tuple(LINKS.items())
    assert growth_ratio(lambda html: _linked.__wrapped__(html, links), make_body, 20_000) < (
        LINEAR_LIMIT
    )


def test_every_demo_text_is_linked_as_before():
    assert demo_digests(lambda text: link_terms(text, DEMO_LINKS)) == DEMO_LINK_DIGESTS


DEMO_LINKS = {
    "genomgångsbostad": "/g/#a",
    "genomgångsbostaden": "/g/#a",
    "boplats": "/g/#b",
    "hyresgäst": "/g/#c",
    "hyresgästföreningen": "/g/#d",
    "mellanboende": "/g/#e",
    "andrahandskontrakt": "/g/#f",
    "bostadsbidrag": "/g/#g",
    "hemförsäkring": "/g/#h",
    "personnummer": "/g/#i",
    "etableringsenheten": "/g/#j",
    "bostadskö": "/g/#k",
}
DEMO_LINK_DIGESTS = {
    "ar": "c48d9c6a7ff23388",
    "ckb": "7ebcc676e9097ede",
    "en": "6fe6a3d968daaee0",
    "fa": "4d492ee3a80957b8",
    "kmr": "896436053900f400",
    "prs": "44eed569c36051cb",
    "ps": "43ad2b69dcfb29d7",
    "ru": "fdba22148dd3980a",
    "so": "6056f6ebe5b34fc4",
    "structure": "f1cdf5b179c3d6a3",
    "sv": "921b9d965064add2",
    "ti": "1514b2dfb0ed67af",
    "uk": "847e11199a9cc0e9",
}
