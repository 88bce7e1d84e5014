"""Page HTML as XLIFF inline elements and back (no database needed)."""

from lxml import etree

from translation_workflow.inline_markup import (
    XLIFF_NAMESPACE,
    comparable,
    number_like,
    parse_html,
    read_inline,
    tags_by_id,
    to_html,
    write_inline,
)

BODY = (
    '<h2>Hyran</h2>\n<p>Betala <strong>i förväg</strong> till <a href="https://example.org/?a=1&amp;b=2">'
    "hyresvärden</a>.<br>Varje månad.</p>\n<ul><li>Ett</li><li>Två &amp; tre</li></ul>"
)


def inline(html):
    element = etree.Element(f"{{{XLIFF_NAMESPACE}}}source")
    write_inline(element, parse_html(html))
    return element


def test_writing_and_reading_inline_elements_gives_back_the_same_html():
    tree = parse_html(BODY)
    rebuilt, problems = read_inline(inline(BODY), tags_by_id(tree))
    assert not problems
    assert to_html(rebuilt) == to_html(tree)
    assert 'href="https://example.org/?a=1&amp;b=2"' in to_html(rebuilt)
    assert "Två &amp; tre" in to_html(rebuilt)


def test_ids_number_the_tags_in_document_order():
    names = [(node.id, node.name) for node in parse_html(BODY).elements()]
    assert names == [
        ("1", "h2"),
        ("2", "p"),
        ("3", "strong"),
        ("4", "a"),
        ("5", "br"),
        ("6", "ul"),
        ("7", "li"),
        ("8", "li"),
    ]


def test_whitespace_between_blocks_does_not_count_but_between_words_does():
    assert comparable(parse_html("<p>a</p>\n  <p>b  c</p>")) == comparable(
        parse_html("<p>a</p><p>b\nc</p>")
    )
    assert comparable(parse_html("<p>a <strong>b</strong></p>")) != comparable(
        parse_html("<p>a<strong>b</strong></p>")
    )


def test_a_translation_with_other_tags_cannot_be_numbered_like_the_source():
    source = tags_by_id(parse_html("<p>a</p><p>b</p>"))
    assert number_like(parse_html("<p>x</p><p>y</p>"), source)
    assert not number_like(parse_html("<p>x</p>"), source)
    assert not number_like(parse_html("<p>x</p><h2>y</h2>"), source)
