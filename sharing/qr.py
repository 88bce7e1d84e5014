"""QR codes (segno) that point at a page's permalink."""

import io

import segno


def qr_code(url):
    # Level M survives a smudged or creased poster without making the code dense.
    return segno.make(url, error="m", micro=False)


def qr_svg(url, title="", scale=8, inline=False):
    """An SVG file, or with ``inline`` an element without a fixed size that CSS scales."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        scale=scale,
        border=4,
        xmldecl=False,
        svgns=not inline,
        omitsize=inline,
        title=title or None,
        nl=False,
    )
    return buffer.getvalue()


def qr_png(url, scale=10):
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
