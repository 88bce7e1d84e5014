from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.django_db


def share_block(content):
    start = content.index('<section class="share"')
    return content[start : content.index("</section>", start)]


def test_every_page_shows_its_permalink_in_a_copyable_field(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    block = share_block(client.get(f"/ar/{page.slug}/").content.decode())
    permalink = f"https://bostad.goteborg.se/p/{page.slug}/"
    assert f'readonly value="{permalink}"' in block
    assert f'<a href="{permalink}"' in block


def test_share_links_are_plain_links_with_title_and_permalink(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    block = share_block(client.get(f"/ar/{page.slug}/").content.decode())
    permalink = f"https://bostad.goteborg.se/p/{page.slug}/"
    assert "<script" not in block
    whatsapp = block.split('href="https://wa.me/?', 1)[1].split('"', 1)[0]
    text = parse_qs(whatsapp.replace("&amp;", "&"))["text"][0]
    assert page.title_ar in text and permalink in text
    sms = unquote(block.split('href="sms:?&amp;body=', 1)[1].split('"', 1)[0])
    assert page.title_ar in sms and permalink in sms
    mailto = block.split('href="mailto:?', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert parse_qs(urlsplit("?" + mailto).query)["subject"] == [page.title_ar]


def test_share_block_links_print_poster_and_qr(client, page):
    block = share_block(client.get(f"/sv/{page.slug}/").content.decode())
    for href in (
        f"/sv/{page.slug}/print/",
        f"/sv/{page.slug}/poster/",
        f"/p/{page.slug}/qr.svg",
        f"/p/{page.slug}/qr.png",
    ):
        assert f'href="{href}"' in block
