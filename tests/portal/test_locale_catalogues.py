"""Every served language has a complete, compiled interface catalogue.

This fails when a language is added to portal/languages.py without a
catalogue, when a catalogue is not compiled (its prefix would answer 404), or
when any interface string is untranslated or fuzzy.
"""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

CODES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalogue_path(code, suffix):
    return Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / f"django.{suffix}"


@pytest.fixture(params=CODES)
def catalogue(request):
    code = request.param
    path = catalogue_path(code, "po")
    assert path.exists(), f"{code} has no catalogue at {path}"
    return code, polib.pofile(str(path))


def test_catalogue_is_compiled_and_current(catalogue):
    code, po = catalogue
    compiled = catalogue_path(code, "mo")
    assert compiled.exists(), f"{code}: run manage.py compile_catalogues"
    mo = polib.mofile(str(compiled))
    translated = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po}
    compiled_messages = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo if entry.msgid}
    assert compiled_messages == translated


def test_every_string_is_translated_and_none_is_fuzzy(catalogue):
    code, po = catalogue
    assert not po.metadata_is_fuzzy, f"{code}: the header is marked fuzzy"
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [
        entry.msgid for entry in po if entry.msgid_plural and not all(entry.msgstr_plural.values())
    ] == []


def test_placeholders_are_kept(catalogue):
    _code, po = catalogue
    for entry in po.translated_entries():
        if entry.msgid_plural:
            # Every plural form is used for some number: each keeps every placeholder.
            wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                assert sorted(PLACEHOLDER.findall(form)) == wanted, entry.msgid
            continue
        assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
            PLACEHOLDER.findall(entry.msgid)
        ), entry.msgid


def test_plural_entries_have_every_form_of_the_language(catalogue):
    code, po = catalogue
    forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(forms)), (code, entry.msgid)


def test_header_names_the_language_and_who_translated(catalogue):
    code, po = catalogue
    assert po.metadata["Language"] == code
    # The City must see which translations a native speaker has not checked.
    assert po.header.strip(), f"{code}: say in the header comment who translated it"


def test_plural_forms_formula_uses_every_form_and_no_other(catalogue):
    code, po = catalogue
    header = po.metadata["Plural-Forms"]
    match = re.fullmatch(r"\s*nplurals=(\d+);\s*plural=(.+?);?\s*", header)
    assert match, f"{code}: malformed Plural-Forms {header!r}"
    forms, formula = int(match.group(1)), match.group(2)
    plural = gettext.c2py(formula)
    used = {plural(n) for n in range(1000)}
    assert used == set(range(forms)), f"{code}: {header}"


# Permission names and the admin's index are built from these: all must be translated.
LABELLED_THIRD_PARTY_APPS = {"axes", "otp_totp", "otp_static"}


def test_every_admin_models_name_is_translated():
    from django.apps import apps
    from django.utils import translation

    opts = [
        model._meta
        for model in apps.get_models()
        if not model._meta.app_config.path.startswith(str(Path(pytest.__file__).parents[1]))
        or model._meta.app_label in LABELLED_THIRD_PARTY_APPS
    ]
    untranslated = []
    for code in CODES:
        if code == "en":
            continue
        for meta in opts:
            for name in (meta.verbose_name, meta.verbose_name_plural):
                with translation.override("en"):
                    english = str(name)
                with translation.override(code):
                    if str(name) == english:
                        untranslated.append((code, meta.label, english))
    assert untranslated == []
