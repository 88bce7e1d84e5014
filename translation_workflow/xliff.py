"""Exchange with translation agencies: XLIFF 1.2 export and import.

The file format is read and written with translate-toolkit. One ``<file>`` per
page, one ``<trans-unit>`` per text field with Swedish text; a unit's id names
the page and the field (``page-12-body``). The body is HTML, carried as text.

An import is checked completely before anything is written, and then applied
in one transaction: a file with any problem changes nothing, and the caseworker
gets every problem listed in their own language.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.conf import settings
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import xliff

from housing_info.models import Page, TranslationState
from housing_info.rich_text import sanitize_body
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.revisions import field_label, language_name
from translation_workflow.roles import exchange_languages
from translation_workflow.states import mark_sent_for_translation, save_with_reason, set_held_back

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
UNIT_ID = re.compile(r"^page-(?P<page>\d+)-(?P<field>[a-z_]+)$")
RICH_TEXT_FIELDS = frozenset({"body"})
NEEDS_TRANSLATION = frozenset(
    {TranslationState.MISSING, TranslationState.IN_TRANSLATION, TranslationState.OUTDATED}
)


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_NAMESPACE


class Xliff12File(xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing version 1.2 (its default is 1.1)."""

    UnitClass = Xliff12Unit
    namespace = XLIFF_NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version="1.2" xmlns="{XLIFF_NAMESPACE}">
<file original="NoName" source-language="{SOURCE_LANGUAGE}" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


def unit_id(page, name):
    return f"page-{page.pk}-{name}"


def pages_needing_translation(code):
    """Pages whose ``code`` version is missing, in translation or outdated."""
    return [
        page
        for page in Page.objects.select_related("topic").order_by("topic__order", "order", "slug")
        if page.translation_state(code) in NEEDS_TRANSLATION
    ]


def field_note(name):
    notes = {
        "title": _("The page title. Short and plain."),
        "summary": _("One or two plain sentences: what the page is about."),
        "body": _(
            "The main text, in HTML. Translate the text between the tags and keep the tags "
            "(<p>, <h2>, <a href>, <strong>, <ul>, <li>) as they are."
        ),
        "applies_to": _("Who the page applies to."),
        "duration": _("How long it lasts. Short."),
        "next_steps": _("What the reader should do next."),
    }
    return notes[name]


def page_note(page):
    return _(
        "Page: %(title)s. Topic: %(topic)s. Address: /%(code)s/%(slug)s/. "
        "Swedish version %(revision)s of %(date)s. Housing information for newly arrived "
        "people in Gothenburg; write plainly."
    ) % {
        "title": page.title_sv,
        "topic": page.topic.title_sv,
        "code": SOURCE_LANGUAGE,
        "slug": page.slug,
        "revision": page.source_revision,
        "date": page.source_changed_on.isoformat(),
    }


def export_xliff(pages, code):
    """An XLIFF 1.2 file (bytes) asking for ``code`` versions of ``pages``."""
    store = Xliff12File(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=code)
    for page in pages:
        original = f"page/{page.pk}"
        store.switchfile(original, createifmissing=True)
        file_node = store.getfilenode(original)
        header = etree.Element(store.namespaced("header"))
        etree.SubElement(header, store.namespaced("note")).text = page_note(page)
        file_node.insert(0, header)
        outdated = page.translation_state(code) == TranslationState.OUTDATED
        for name in Page.TEXT_FIELDS:
            source = getattr(page, f"{name}_{SOURCE_LANGUAGE}") or ""
            if not source:
                continue
            unit = store.addsourceunit(source, filename=original)
            unit.setid(unit_id(page, name))
            element = unit.xmlelement
            element.set("resname", name)
            if name in RICH_TEXT_FIELDS:
                element.set("datatype", "html")
            max_length = Page._meta.get_field(name).max_length
            if max_length:
                element.set("size-unit", "char")
                element.set("maxwidth", str(max_length))
            existing = getattr(page, f"{name}_{code}") or ""
            if existing:
                unit.target = existing
                unit.markapproved(False)
                target = element.find(store.namespaced("target"))
                target.set("state", "needs-review-translation" if outdated else "translated")
            unit.addnote(field_note(name), origin="developer")
    return bytes(store)


def send_for_translation(pages, code, user):
    """Mark the missing ``code`` versions of ``pages`` in translation; how many changed."""
    return sum(mark_sent_for_translation(page, code, user) for page in pages)


class ImportRejected(Exception):
    """The file was not imported; ``problems`` says why, in the caseworker's language."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class ImportPlan:
    code: str
    # {page pk: {field name: target text}}
    targets: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    # (page pk, field name) of every unit in the file, good or bad.
    seen: set = field(default_factory=set)


class _MarkupInventory(HTMLParser):
    """The tags, attributes and text of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = Counter()
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.items[("tag", tag)] += 1
        for name, value in attrs:
            self.items[("attribute", tag, name, value or "")] += 1

    def handle_data(self, data):
        self.text.append(data)


def inventory(html):
    parser = _MarkupInventory()
    parser.feed(html)
    parser.close()
    return parser.items, " ".join("".join(parser.text).split())


def removed_by_sanitizer(html):
    """What the body sanitizer would take out of ``html`` (tags, attributes, text)."""
    before_items, before_text = inventory(html)
    after_items, after_text = inventory(sanitize_body(html))
    removed = []
    for item in before_items - after_items:
        if item[0] == "tag":
            removed.append(f"<{item[1]}>")
        else:
            removed.append(f'{item[2]}="{item[3]}"')
    if before_text != after_text:
        removed.append(_("some text"))
    return sorted(removed)


def parse_problems(data):
    """Problems that stop the file from being read at all."""
    if len(data) > settings.TRANSLATION_IMPORT_MAX_BYTES:
        return [
            _("The file is too large (%(size)s bytes). The largest allowed is %(limit)s bytes.")
            % {"size": len(data), "limit": settings.TRANSLATION_IMPORT_MAX_BYTES}
        ]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [
            _("The file is not well-formed XML (line %(line)s: %(error)s).")
            % {"line": error.lineno, "error": error.msg}
        ]
    if root.getroottree().docinfo.doctype:
        return [_("The file contains a document type declaration (DOCTYPE), which is not allowed.")]
    if root.tag != f"{{{XLIFF_NAMESPACE}}}xliff" or root.get("version") != "1.2":
        return [_("The file is not an XLIFF 1.2 file.")]
    return []


def read_xliff(data, code, user):
    """Check an XLIFF file completely; an ImportPlan with the targets or the problems."""
    plan = ImportPlan(code=code)
    if code not in exchange_languages(user):
        plan.problems.append(
            _("You may not import translations into %(language)s.")
            % {"language": language_name(code)}
        )
        return plan
    plan.problems = parse_problems(data)
    if plan.problems:
        return plan
    store = Xliff12File.parsestring(data)
    check_languages(store, code, plan)
    units = [unit for unit in store.units if unit.istranslatable()]
    if not units:
        plan.problems.append(_("The file contains no texts to import."))
        return plan
    wanted = {}
    for unit in units:
        local_id = unit.getid().split("\x04")[-1]
        match = UNIT_ID.match(local_id)
        if not match or match["field"] not in Page.TEXT_FIELDS:
            plan.problems.append(
                _("Unit %(unit)s is not a text of this portal.") % {"unit": local_id}
            )
            continue
        wanted[local_id] = (int(match["page"]), match["field"], unit)
    pages = Page.objects.in_bulk({page_pk for page_pk, _f, _u in wanted.values()})
    for local_id, (page_pk, name, unit) in wanted.items():
        page = pages.get(page_pk)
        if page is None:
            plan.problems.append(
                _("Unit %(unit)s belongs to a page that no longer exists.") % {"unit": local_id}
            )
            continue
        check_unit(plan, page, name, unit, local_id)
    check_complete(plan, pages)
    return plan


def check_languages(store, code, plan):
    for file_node in store.document.getroot().iterchildren(store.namespaced("file")):
        source, target = file_node.get("source-language"), file_node.get("target-language")
        if source != SOURCE_LANGUAGE:
            plan.problems.append(
                _("The file's source language is %(found)s; it must be Swedish (sv).")
                % {"found": named_language(source)}
            )
        if target != code:
            plan.problems.append(
                _("The file is a translation into %(found)s, not into %(expected)s.")
                % {"found": named_language(target), "expected": language_name(code)}
            )
    # One report per kind of problem is enough, however many pages the file has.
    plan.problems = list(dict.fromkeys(plan.problems))


def named_language(code):
    """A language code from a file, named when the portal knows it: "Persiska (fa)"."""
    if code in dict(settings.LANGUAGES):
        return f"{language_name(code)} ({code})"
    return code or "?"


def check_unit(plan, page, name, unit, local_id):
    where = {"field": field_label(name), "page": page.title_sv, "unit": local_id}
    if (page.pk, name) in plan.seen:
        plan.problems.append(_("Unit %(unit)s appears twice in the file.") % where)
        return
    plan.seen.add((page.pk, name))
    current_source = getattr(page, f"{name}_{SOURCE_LANGUAGE}") or ""
    # Translation tools may re-wrap lines; only a change of words counts.
    if " ".join((unit.source or "").split()) != " ".join(current_source.split()):
        plan.problems.append(
            _(
                "The Swedish text of “%(field)s” on the page “%(page)s” has changed since the "
                "export. Export the page again and have the change translated."
            )
            % where
        )
        return
    target = unit.target or ""
    if not target.strip():
        plan.problems.append(_("“%(field)s” on the page “%(page)s” has no translation.") % where)
        return
    if name in RICH_TEXT_FIELDS:
        removed = removed_by_sanitizer(target)
        if removed:
            plan.problems.append(
                _(
                    "The translation of “%(field)s” on the page “%(page)s” contains HTML that "
                    "is not allowed and would be removed: %(removed)s."
                )
                % {**where, "removed": ", ".join(removed)}
            )
            return
    elif strip_tags(target) != target:
        plan.problems.append(
            _("The translation of “%(field)s” on the page “%(page)s” contains HTML tags.") % where
        )
        return
    max_length = Page._meta.get_field(name).max_length
    if max_length and len(target) > max_length:
        plan.problems.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” is longer than "
                "%(max)s characters."
            )
            % {**where, "max": max_length}
        )
        return
    plan.targets.setdefault(page.pk, {})[name] = target


def check_complete(plan, pages):
    """Every Swedish text of a page in the file must come back translated."""
    for page_pk in {page_pk for page_pk, _name in plan.seen}:
        page = pages[page_pk]
        missing = [
            field_label(name)
            for name in Page.TEXT_FIELDS
            if getattr(page, f"{name}_{SOURCE_LANGUAGE}") and (page_pk, name) not in plan.seen
        ]
        if missing:
            plan.problems.append(
                _("The page “%(page)s” lacks translations of: %(fields)s.")
                % {"page": page.title_sv, "fields": ", ".join(missing)}
            )


@transaction.atomic
def import_xliff(data, code, user, *, hold_back=False):
    """Import ``code`` translations from XLIFF bytes, all or nothing.

    Returns the pages written; raises ImportRejected (writing nothing) on any problem.
    """
    plan = read_xliff(data, code, user)
    if plan.problems:
        raise ImportRejected(plan.problems)
    pages = Page.objects.select_for_update().in_bulk(plan.targets)
    for page_pk, targets in plan.targets.items():
        page = pages[page_pk]
        for name, target in targets.items():
            setattr(page, f"{name}_{code}", target)
        # The file's sources equal today's Swedish text: translated from this version.
        page.declared_states = {code: TranslationState.UP_TO_DATE}
        if hold_back:
            set_held_back(page, code, True)
        save_with_reason(page, user, f"imported {code}")
    return list(pages.values())
