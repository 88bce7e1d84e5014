from django.conf import locale
from django.utils import translation

from portal.languages import (
    PORTAL_LANGUAGES,
    Language,
    ShownIn,
    direction,
    register_with_django,
    shown_in,
)


def test_settings_take_languages_and_directions_from_the_one_table(settings):
    assert [code for code, _name in settings.LANGUAGES] == [lang.code for lang in PORTAL_LANGUAGES]
    assert settings.LANGUAGES_BIDI == ["ar", "prs", "fa", "ps", "ckb"]


def test_every_served_language_is_known_to_django_with_its_own_name():
    for language in PORTAL_LANGUAGES:
        info = translation.get_language_info(language.code)
        assert info["bidi"] is language.bidi, language.code
        assert info["name_local"], language.code
    for code, name_local in (("prs", "دری"), ("ps", "پښتو"), ("ti", "ትግርኛ"), ("so", "Soomaali")):
        assert translation.get_language_info(code)["name_local"] == name_local


def test_adding_a_language_django_lacks_is_one_row():
    # Tigre, also read in Eritrea, is not among Django's languages.
    assert "tig" not in locale.LANG_INFO
    try:
        register_with_django((*PORTAL_LANGUAGES, Language("tig", "Tigre", "ትግረ")))
        info = translation.get_language_info("tig")
        assert (info["name"], info["name_local"], info["bidi"]) == ("Tigre", "ትግረ", False)
    finally:
        locale.LANG_INFO.pop("tig", None)


def test_direction_is_rtl_only_for_arabic_script_languages():
    assert [direction(lang.code) for lang in PORTAL_LANGUAGES] == [
        "rtl" if lang.bidi else "ltr" for lang in PORTAL_LANGUAGES
    ]
    assert direction("prs") == "rtl"
    assert direction("ti") == "ltr"


def test_language_names_are_translated_into_every_language():
    for language in PORTAL_LANGUAGES:
        if language.code == "en":
            continue
        with translation.override(language.code):
            english = str(translation.get_language_info("en")["name_translated"])
        assert english != "English", language.code


def test_text_shown_in_another_language_says_so_in_the_readers_language():
    shown = ShownIn(**shown_in("ar", "ti"))
    assert (shown.dir, shown.is_fallback) == ("rtl", True)
    with translation.override("sv"):
        assert shown.language_name == "arabiska"
    assert ShownIn(**shown_in("ti", "ti")) == ShownIn(language="ti", dir="ltr", is_fallback=False)


def test_fallback_chain_puts_the_readers_language_first_and_lists_each_once():
    from portal.languages import fallback_chain

    assert fallback_chain("ti") == ("ti", "en", "sv")
    assert fallback_chain("en") == ("en", "sv")
    assert fallback_chain("sv") == ("sv", "en")
