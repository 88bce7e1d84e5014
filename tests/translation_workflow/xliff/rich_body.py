"""A Swedish body with every kind of inline element, and its Sorani translation in XLIFF."""

from tests.factories import make_page

RICH_SV = (
    "<h2>Kontraktet</h2>\n<p>Du har ett <strong>andrahandskontrakt</strong> i högst "
    '<a href="https://goteborg.se/bostad">fyra år</a>.<br>Det kan inte tas över.</p>'
)
# ids: 1 h2, 2 p, 3 strong, 4 a, 5 br
RICH_CKB = (
    '<g id="1" ctype="x-html-h2">گرێبەستەکە</g>'
    '<g id="2" ctype="x-html-p">تۆ <g id="3" ctype="bold">گرێبەستی دەستی دووەمت</g> هەیە بۆ '
    '<g id="4" ctype="link">چوار ساڵ</g>.<x id="5" ctype="lb"/>ناتوانرێت وەربگیرێت.</g>'
)


def rich_page():
    return make_page(body_sv=RICH_SV)
