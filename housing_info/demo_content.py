"""Load the example content in ``housing_info/demo/`` into the database.

``structure.json`` holds what every language shares (slugs, order, links);
``<language code>.json`` holds the text in one language, and says with
``"machine_translated": true`` that it is a machine translation; its
``"city_terms"`` (how the City's names are spelled in that language, checked by
``tests/test_demo_terms.py``) is not content and is not loaded. Swedish is the
source; every other language version of a page gets the state its file gives
(machine translation, or up to date with the Swedish text), set by the page
writer the caller passes (``translation_workflow.services.save_demo_page``:
``python manage.py load_demo_content`` lives in that app). Loading is
idempotent: a record is written only when a value or a state differs, so
running it twice changes nothing (not a page's "last changed" date, nor its
history).
"""

import json
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction

from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from housing_info.rich_text import sanitize_body
from portal.languages import SOURCE_LANGUAGE

DEMO_DIR = Path(__file__).resolve().parent / "demo"


def read_demo_files(directory=DEMO_DIR):
    structure = json.loads((directory / "structure.json").read_text(encoding="utf-8"))
    texts = {}
    for code, _name in settings.LANGUAGES:
        path = directory / f"{code}.json"
        if path.exists():
            language_texts = json.loads(path.read_text(encoding="utf-8"))
            language_texts.pop("city_terms", None)
            texts[code] = language_texts
    return structure, texts


def translated_values(texts, section, key, fields):
    """Field values like ``title_ar`` for every language that has this record."""
    values = {}
    for code, language_texts in texts.items():
        record = language_texts.get(section, {}).get(key)
        if record:
            for field in fields:
                values[f"{field}_{code}"] = record.get(field, "")
    return values


def is_machine_translated(code, language_texts):
    """Whether a language's file is a machine translation.

    A file says so with ``"machine_translated"``. One that does not (the
    question flow's and the glossary's files) is what the demo content's file
    of that language says; without that either, it is taken for a machine
    translation unless it is the Swedish source, so a reader is never told an
    unchecked text was checked.
    """
    if "machine_translated" in language_texts:
        return bool(language_texts["machine_translated"])
    return demo_language_is_machine_translated(code)


@cache
def demo_language_is_machine_translated(code):
    path = DEMO_DIR / f"{code}.json"
    if path.exists():
        flag = json.loads(path.read_text(encoding="utf-8")).get("machine_translated")
        if flag is not None:
            return bool(flag)
    return code != SOURCE_LANGUAGE


def machine_translated(texts, section, key):
    """The languages in which this record's text comes from a machine-translated file."""
    return sorted(
        code
        for code, language_texts in texts.items()
        if language_texts.get(section, {}).get(key) and is_machine_translated(code, language_texts)
    )


def write(model, lookup, values):
    """Create or update one record, saving only when something differs."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        instance.save()
        return instance, True
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
    return instance, bool(changed)


@transaction.atomic
def load_demo_content(directory=DEMO_DIR, *, write_page):
    """Load or refresh the demo content; returns how many records were written.

    Pages carry translation states, which only the translation workflow may
    set: ``write_page(lookup, values, machine_translated=codes)`` writes one
    and returns (page, whether it wrote); ``translation_workflow.services``
    passes its ``save_demo_page`` (see ``load_demo_content`` there).
    """
    structure, texts = read_demo_files(directory)
    written = 0

    topics = {}
    for item in structure["topics"]:
        values = {
            "order": item["order"],
            "machine_translated": machine_translated(texts, "topics", item["slug"]),
        } | translated_values(texts, "topics", item["slug"], ("title", "description"))
        topics[item["slug"]], changed = write(Topic, {"slug": item["slug"]}, values)
        written += changed

    contacts = {}
    for item in structure["contacts"]:
        values = {field: item.get(field, "") for field in ("address", "phone", "email", "url")} | {
            "machine_translated": machine_translated(texts, "contacts", item["slug"])
        }
        values |= translated_values(
            texts, "contacts", item["slug"], ("name", "helps_with", "opening_hours")
        )
        contact, changed = write(ContactPoint, {"slug": item["slug"]}, values)
        written += changed
        written += set_related(contact.topics, [topics[slug] for slug in item.get("topics", [])])
        contacts[item["slug"]] = contact

    machine_translated_pages = frozenset(
        code
        for code, language_texts in texts.items()
        if is_machine_translated(code, language_texts)
    )
    pages = {}
    for item in structure["pages"]:
        values = {
            "kind": item["kind"],
            "topic": topics[item["topic"]],
            "order": item["order"],
            "published": True,
            "is_example": True,
            "last_reviewed": date.fromisoformat(item["last_reviewed"])
            if item.get("last_reviewed")
            else None,
        } | translated_values(texts, "pages", item["slug"], Page.TEXT_FIELDS)
        # Compare with what saving stores, or every run would rewrite the bodies.
        for name in [name for name in values if name.startswith("body_")]:
            values[name] = sanitize_body(values[name])
        if item.get("review_by"):
            values["review_by"] = date.fromisoformat(item["review_by"])
        page, changed = write_page(
            {"slug": item["slug"]}, values, machine_translated=machine_translated_pages
        )
        written += changed
        written += set_related(
            page.contact_points, [contacts[slug] for slug in item.get("contacts", [])]
        )
        pages[item["slug"]] = page

    for item in structure["pathway"]:
        values = {
            "order": item["order"],
            "page": pages.get(item.get("page")),
            "machine_translated": machine_translated(texts, "pathway", item["slug"]),
        } | translated_values(texts, "pathway", item["slug"], ("title", "description"))
        _step, changed = write(PathwayStep, {"slug": item["slug"]}, values)
        written += changed

    return written


def set_related(manager, objects):
    """Set a many-to-many relation only when it differs; 1 if it changed."""
    if set(manager.all()) == set(objects):
        return 0
    manager.set(objects)
    return 1
