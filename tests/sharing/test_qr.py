import io
import re
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from sharing.qr import qr_png, qr_svg

pytestmark = pytest.mark.django_db


def decode_png(data):
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))
    return [result.text for result in results]


def test_qr_png_decodes_back_to_the_permalink(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    response = client.get(f"/p/{page.slug}/qr.png")
    assert decode_png(response.content) == [f"https://bostad.goteborg.se/p/{page.slug}/"]


def test_qr_functions_encode_any_url():
    url = "https://bostad.goteborg.se/p/genomgangsbostad/"
    assert decode_png(qr_png(url)) == [url]
    svg = qr_svg(url, title=url).decode()
    assert svg.startswith("<svg")
    assert f"<title>{url}</title>" in svg


def test_qr_of_an_old_slug_redirects_to_the_current_code(client, page):
    old = page.slug
    page.slug = f"{old}-renamed"
    page.save()
    response = client.get(f"/p/{old}/qr.png")
    assert response.status_code == 301
    assert response["Location"] == f"/p/{page.slug}/qr.png"


def svg_image(svg, scale=10):
    """Draw a segno SVG (rows of horizontal ``h`` runs, moves in ``m``) as a PIL image."""
    path = re.search(r' d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for command, arguments in re.findall(r"([MmHh])([^MmHh]*)", path):
        numbers = [float(number) for number in arguments.split()]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            run = int(numbers[0])
            dark.update((int(x) + step, int(y)) for step in range(run))
            x += run
    size = max(max(column, row) for column, row in dark) + 5
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for column, row in dark:
        box = (column * scale, row * scale, (column + 1) * scale - 1, (row + 1) * scale - 1)
        draw.rectangle(box, fill=0)
    return image


def printed_code(content, css_class):
    svg = re.search(rf'<div class="{css_class}"[^>]*>(<svg.*?</svg>)', content, re.S).group(1)
    return [result.text for result in zxingcpp.read_barcodes(svg_image(svg))]


@pytest.mark.parametrize(
    ("address", "css_class"),
    [("/ti/{slug}/poster/", "poster__qr"), ("/ti/{slug}/print/", "printable__qr")],
)
def test_a_printed_tigrinya_code_opens_tigrinya_on_a_phone_set_to_swedish(
    client, settings, page, address, css_class
):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    content = client.get(address.format(slug=page.slug)).content.decode()
    [url] = printed_code(content, css_class)
    assert url == f"https://bostad.goteborg.se/ti/{page.slug}/"
    # The phone follows the code with its own language setting.
    response = client.get(urlsplit(url).path, HTTP_ACCEPT_LANGUAGE="sv,en;q=0.8", follow=True)
    assert response.status_code == 200
    assert '<html lang="ti"' in response.content.decode()
    assert page.title_ti in response.content.decode()


def test_the_poster_keeps_the_negotiating_permalink_for_the_typed_address(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    content = client.get(f"/ti/{page.slug}/poster/").content.decode()
    assert f"<bdi>https://bostad.goteborg.se/p/{page.slug}/</bdi>" in content
    shared = client.get(f"/ti/{page.slug}/").content.decode()
    assert f"https://bostad.goteborg.se/p/{page.slug}/" in shared
