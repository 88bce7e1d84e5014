import io

import pytest
import zxingcpp
from PIL import Image

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
