import pytest

from glossary.linking import link_terms

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
