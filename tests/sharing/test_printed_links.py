"""Links whose text already is their address are marked, so paper shows it once."""

import pytest

from sharing.printed_links import mark_written_addresses, shows_its_address


@pytest.mark.parametrize(
    ("href", "text"),
    [
        ("https://nya.boplats.se", "nya.boplats.se"),
        ("https://www.csn.se/", "https://www.csn.se"),
        ("mailto:bostad@goteborg.se", "bostad@goteborg.se"),
        ("https://goteborg.se", "<strong>goteborg.se</strong>"),
    ],
)
def test_a_link_that_writes_its_address_shows_it(href, text):
    assert shows_its_address(href, text)


@pytest.mark.parametrize(
    ("href", "text"),
    [("https://nya.boplats.se", "Boplats"), ("https://goteborg.se/a", "goteborg.se"), ("#x", "")],
)
def test_a_link_with_other_words_does_not(href, text):
    assert not shows_its_address(href, text)


def test_only_links_that_write_their_address_are_marked():
    body = (
        '<p><a href="https://nya.boplats.se">nya.boplats.se</a> '
        '<a href="https://goteborg.se">الموقع</a> '
        '<a class="x" href="mailto:a@b.se">a@b.se</a></p>'
    )
    assert mark_written_addresses(body) == (
        '<p><a class="shows-address" href="https://nya.boplats.se">nya.boplats.se</a> '
        '<a href="https://goteborg.se">الموقع</a> '
        '<a class="x shows-address" href="mailto:a@b.se">a@b.se</a></p>'
    )
