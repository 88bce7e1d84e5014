import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("ar", "ar"),
        ("ar-SE,ar;q=0.9,en;q=0.5", "ar"),
        ("de-DE,de;q=0.9,en;q=0.4", "en"),
        ("fa-AF", "prs"),
        ("fa-IR,fa;q=0.8", "fa"),
        ("ti-ER", "ti"),
        ("sv", "sv"),
    ],
)
def test_root_redirects_to_the_best_served_language(client, header, code):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == f"/{code}/"
    assert "Accept-Language" in response["Vary"]
    assert "private" in response["Cache-Control"]


def test_unserved_language_gets_the_chooser_in_every_script(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Accept-Language" in response["Vary"]
    for name, code in (("العربيّة", "ar"), ("ትግርኛ", "ti"), ("Soomaali", "so"), ("دری", "prs")):
        assert name in content
        assert f'href="/{code}/"' in content


def test_no_header_gets_the_chooser(client):
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    "header",
    [
        ";;;,,q=abc",
        "ar;q=nonsense",
        "en-" + "x" * 10_000,
        ",".join(["de"] * 5_000),
        "\u00e5\u00e4\u00f6",
        "*",
    ],
)
def test_malformed_or_huge_header_gives_no_error(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code in (200, 302)


def test_page_url_without_prefix_redirects_to_the_readers_language(client, page):
    response = client.get(f"/{page.slug}/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/{page.slug}/"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("header", "ranges"),
    [
        ("ar-SE,ar;q=0.9,en;q=0.5", ("ar-se", "ar", "en")),
        # Weights order the ranges; equal weights keep the header's order.
        ("en;q=0.5, ti-ER, sv;q=0.5", ("ti-er", "en", "sv")),
        ("de;q=0, sv", ("sv",)),
        ("*;q=0.1, so", ("so", "*")),
        (" AR ; Q=0.8 ", ("ar",)),
        # A malformed range is skipped, not the whole header.
        ("ar;q=2, en_GB, ti", ("ti",)),
        ("", ()),
        ("en-" + "x" * 600, ()),
    ],
)
def test_accept_language_ranges_follow_rfc_9110(header, ranges):
    from portal.negotiation import accept_language_ranges

    assert accept_language_ranges(header) == ranges
