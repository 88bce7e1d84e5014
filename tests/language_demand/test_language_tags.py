import pytest

from language_demand.language_tags import is_known_language, primary_language, unserved_language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("de-DE,de;q=0.9,en;q=0.5", "de"),
        ("zh-Hans-CN,zh;q=0.8", "zh"),
        ("sv;q=0.3,tr;q=0.9", "tr"),  # the most preferred, not the first written
        ("ku", "ku"),
        ("DE-at", "de"),
        ("sr-Latn-RS", "sr"),
        ("iw-IL", "he"),  # deprecated codes become their current ones
        ("ger", "de"),
        ("om-ET", "om"),  # Oromo: Django has no name for it, CLDR has
        ("zz", "zz"),  # well formed, unknown: counted, within a daily cap
        ("ar-SE,ar;q=0.9", None),
        ("AR", None),
        ("fa-AF", None),  # Dari: served as prs
        ("per", None),  # the old code of Persian, which is served
        ("en-US", None),
        ("ti-ER", None),
        ("und", None),  # undetermined
        ("qaa", None),  # private use
        ("x-klingon", None),
        ("i-default", None),
        ("*", None),
        ("", None),
        ("x" * 600, None),
        ("de," * 400, None),  # too long: garbage or an attack
        ("<script>", None),
        ("1234", None),
        ("deutsch", None),
    ],
)
def test_unserved_language_is_the_normalised_first_choice_we_do_not_serve(header, language):
    assert unserved_language(header) == language


@pytest.mark.parametrize(
    ("tag", "primary"),
    [
        ("ar-SE", "ar"),
        ("ZH-hant-TW", "zh"),
        ("mo", "ro"),
        ("tl", "fil"),
        ("a", None),
        ("ab-", None),
    ],
)
def test_primary_language_is_the_current_lowercase_primary_subtag(tag, primary):
    assert primary_language(tag) == primary


def test_known_languages_include_the_served_ones_and_those_cldr_names():
    assert all(is_known_language(code) for code in ["prs", "kmr", "ckb", "ti", "om", "am", "tig"])
    assert not is_known_language("zz")
    assert not is_known_language("qqq")
