"""Every text colour the stylesheet uses reaches 4.5:1 (WCAG 1.4.3) on its background.

axe does not measure contrast reliably on Arabic-script text, so the stylesheet
itself is read: the palette (custom properties on :root) and the rules that
use it. A rule that sets a text colour is paired with its own background, or
with the background of the region its selector sits in (".site-nav a" sits in
".site-nav"), or, when it could appear anywhere, with every background that
text may stand on.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"
MINIMUM_RATIO = 4.5
BACKGROUND_PROPERTIES = ("background", "background-color")
PAGE_SELECTORS = {":root", "html", "body"}


def read_rules(css):
    """(selector, {property: value}) for every rule, @media rules included."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            if value.strip():
                declarations[name.strip()] = value.strip()
        for part in selector.split(","):
            rules.append((" ".join(part.split()), declarations))
    return rules


def read_palette(rules):
    return {
        name: value
        for selector, declarations in rules
        if selector == ":root"
        for name, value in declarations.items()
        if name.startswith("--")
    }


def resolve_colour(value, palette):
    """A colour as #rrggbb, or None for values that are not a plain colour."""
    value = value.split()[0] if value.startswith("#") else value
    match = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if match:
        return resolve_colour(palette[match.group(1)], palette)
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        return "#" + "".join(digit * 2 for digit in value[1:]).lower()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value.lower()
    return None


def relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def used_pairs(css):
    """{(text colour, background colour): [selectors]} for the text colours in use."""
    rules = read_rules(css)
    palette = read_palette(rules)

    def colour_of(declarations, properties):
        for name in properties:
            if name in declarations:
                return resolve_colour(declarations[name], palette)
        return None

    regions = [
        (selector, colour_of(declarations, BACKGROUND_PROPERTIES), "color" in declarations)
        for selector, declarations in rules
        if colour_of(declarations, BACKGROUND_PROPERTIES)
    ]
    # Backgrounds that ordinary text (body colour, links) may stand on: regions
    # that do not set their own text colour, and the page itself.
    open_backgrounds = {colour for _selector, colour, own_text in regions if not own_text}
    pairs = {}
    for selector, declarations in rules:
        text = colour_of(declarations, ("color",))
        if not text:
            continue
        own = colour_of(declarations, BACKGROUND_PROPERTIES)
        enclosing = [
            (region, colour)
            for region, colour, _own_text in regions
            if selector.startswith(region + " ")
        ]
        if selector in PAGE_SELECTORS:
            # The page's text colour is inherited by every region without its own.
            backgrounds = {own, *open_backgrounds} - {None}
        elif own:
            backgrounds = {own}
        elif enclosing:
            backgrounds = {max(enclosing, key=lambda item: len(item[0]))[1]}
        else:
            backgrounds = open_backgrounds
        for background in backgrounds:
            pairs.setdefault((text, background), []).append(selector)
    return pairs


def test_palette_is_read_from_the_stylesheet():
    palette = read_palette(read_rules(STYLESHEET.read_text(encoding="utf-8")))
    assert {"--text", "--background", "--link", "--brand", "--brand-text"} <= set(palette)


def test_every_colour_in_a_colour_rule_comes_from_the_palette_or_is_a_plain_hex():
    rules = read_rules(STYLESHEET.read_text(encoding="utf-8"))
    palette = read_palette(rules)
    for selector, declarations in rules:
        for name in ("color", *BACKGROUND_PROPERTIES):
            if name in declarations:
                assert resolve_colour(declarations[name], palette), (selector, name)


@pytest.mark.parametrize(
    "pair",
    sorted(used_pairs(STYLESHEET.read_text(encoding="utf-8"))),
    ids="{0[0]}-on-{0[1]}".format,
)
def test_text_colour_has_enough_contrast_on_its_background(pair):
    text, background = pair
    assert contrast_ratio(text, background) >= MINIMUM_RATIO


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_a_low_contrast_pair_in_a_stylesheet_is_found():
    css = ":root { --pale: #999999; } .hint { color: var(--pale); background: #ffffff; }"
    pairs = used_pairs(css)
    assert list(pairs) == [("#999999", "#ffffff")]
    assert contrast_ratio("#999999", "#ffffff") < MINIMUM_RATIO


def test_link_colour_is_paired_with_every_background_text_can_stand_on():
    css = (
        ":root { --link: #0a58a8; --note: #fff4d6; }"
        "body { color: #1b1b1b; background: #ffffff; } a { color: var(--link); }"
        ".notice { background: var(--note); } .header { background: #004b87; color: #fff; }"
        ".header a { color: #ffffff; }"
    )
    pairs = used_pairs(css)
    assert ("#0a58a8", "#fff4d6") in pairs
    assert ("#1b1b1b", "#fff4d6") in pairs
    assert ("#0a58a8", "#004b87") not in pairs
    assert pairs[("#ffffff", "#004b87")] == [".header", ".header a"]
