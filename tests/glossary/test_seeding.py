import json

import pytest

from glossary.models import Term
from glossary.seeding import SEED_DIR, load_glossary
from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE

pytestmark = pytest.mark.django_db

ISSUE_TERMS = {
    "förstahandskontrakt",
    "andrahandskontrakt",
    "genomgångsbostad",
    "bostadskö",
    "hyresavi",
    "uppsägningstid",
    "besittningsskydd",
    "folkbokföring",
}


def test_seed_holds_the_words_newcomers_meet_explained_in_swedish_english_and_arabic():
    load_glossary()
    terms = {term.term: term for term in Term.objects.all()}
    assert set(terms) > ISSUE_TERMS
    for term in terms.values():
        for code in ("sv", "en", "ar"):
            assert getattr(term, f"explanation_{code}"), (term.term, code)
        for code in ("en", "ar"):
            assert getattr(term, f"meaning_{code}"), (term.term, code)


def test_loading_again_changes_nothing():
    assert load_glossary() > 0
    assert load_glossary() == 0


def test_every_language_file_names_only_known_words():
    slugs = {word["slug"] for word in json.loads((SEED_DIR / "terms.json").read_text())["terms"]}
    for path in SEED_DIR.glob("*.json"):
        if path.name != "terms.json":
            assert set(json.loads(path.read_text())) <= slugs, path.name


def test_command_reports_what_it_wrote():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_glossary", stdout=out)
    assert f"({Term.objects.count()} terms written)" in out.getvalue()


def test_meanings_have_no_parentheses_because_the_glossary_page_adds_them():
    for path in SEED_DIR.glob("*.json"):
        if path.name != "terms.json":
            for slug, text in json.loads(path.read_text()).items():
                assert "(" not in text["meaning"], (path.name, slug)


@pytest.mark.parametrize("code", [language.code for language in PORTAL_LANGUAGES])
def test_every_word_is_explained_in_every_language(code):
    path = SEED_DIR / f"{code}.json"
    assert path.exists(), f"{code}: no glossary/seed/{code}.json"
    entries = json.loads(path.read_text(encoding="utf-8"))
    slugs = [word["slug"] for word in json.loads((SEED_DIR / "terms.json").read_text())["terms"]]
    missing = [slug for slug in slugs if not entries.get(slug, {}).get("explanation")]
    if code != SOURCE_LANGUAGE:
        missing += [
            f"{slug} (meaning)" for slug in slugs if not entries.get(slug, {}).get("meaning")
        ]
    assert not missing, f"{code}: glossary lacks " + ", ".join(missing)
