"""Exchange with translation agencies: XLIFF 1.2 export and import.

The file format is read and written with translate-toolkit. One ``<file>`` per
page, one ``<trans-unit>`` per text field with Swedish text; a unit's id names
the page and the field (``page-12-body``). The body's HTML travels as XLIFF
inline elements (``inline_markup``), so translation tools protect the tags.

An import honours what the file says about each unit: its ``state``,
``state-qualifier`` and ``approved`` decide the state of the language version
(``unit_outcome``), and a target that is empty, the Swedish text copied, or
drops, adds or moves the Swedish markup is refused.

Each unit carries, in its ``extradata`` attribute (the place XLIFF 1.2 keeps
for a tool's own data, valid under the strict schema), a fingerprint of the
target language's text as it was at the export (``target_version``): an import
refuses a unit whose text in the portal changed after the export, so that a
translator's later correction is not overwritten by the agency's file.

An import is checked completely before anything is written, and then applied
in one transaction: a file with any problem changes nothing, and the caseworker
gets every problem listed in their own language.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from html.parser import HTMLParser

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from lxml import etree
from translate.storage import xliff

from housing_info.models import Page
from housing_info.rich_text import sanitize_body
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.inline_markup import (
    XLIFF_NAMESPACE,
    comparable,
    ctype,
    html_written_as_text,
    number_like,
    parse_html,
    read_inline,
    tags_by_id,
    to_html,
    write_inline,
)
from translation_workflow.revisions import field_label, language_name
from translation_workflow.roles import exchange_languages
from translation_workflow.services import import_translations, mark_sent_for_translation
from translation_workflow.versions import TranslationState, language_version, translation_state

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


TARGET_VERSION_PREFIX = "portal-target-version:"


def target_version(page, name, code):
    """A fingerprint of the stored ``code`` text of field ``name``, as sent in an export."""
    text = (getattr(page, f"{name}_{code}") or "").encode()
    return TARGET_VERSION_PREFIX + hashlib.sha256(text).hexdigest()[:20]


def unit_id(page, name):
    return f"page-{page.pk}-{name}"


def pages_needing_translation(code):
    """Pages whose ``code`` version is missing, in translation or outdated."""
    return [
        page
        for page in Page.objects.select_related("topic").order_by("topic__order", "order", "slug")
        if translation_state(page, code) in NEEDS_TRANSLATION
    ]


def field_note(name):
    notes = {
        "title": _("The page title. Short and plain."),
        "summary": _("One or two plain sentences: what the page is about."),
        "body": _(
            "The main text. Your tool shows its markup (paragraphs, headings, lists, bold, "
            "links, line breaks) as protected tags: keep every tag, around the words it "
            "belongs to."
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


# The state an exported target says it is in, from the state of its version.
# Text left in a missing version (a title without a body) is no translation yet.
EXPORTED_TARGET_STATES = {
    TranslationState.UP_TO_DATE: "final",
    TranslationState.MACHINE: "needs-review-translation",
    TranslationState.OUTDATED: "needs-review-translation",
    TranslationState.MISSING: "needs-translation",
    TranslationState.IN_TRANSLATION: "needs-translation",
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
        for name in Page.TEXT_FIELDS:
            source = getattr(page, f"{name}_{SOURCE_LANGUAGE}") or ""
            if not source:
                continue
            unit = store.addsourceunit("", filename=original)
            unit.setid(unit_id(page, name))
            element = unit.xmlelement
            element.set("resname", name)
            element.set("extradata", target_version(page, name, code))
            max_length = Page._meta.get_field(name).max_length
            if max_length:
                element.set("size-unit", "char")
                element.set("maxwidth", str(max_length))
            unit.markapproved(False)
            write_unit_texts(store, element, page, name, code)
            unit.addnote(field_note(name), origin="developer")
    return bytes(store)


def write_unit_texts(store, element, page, name, code):
    """The Swedish source, and the existing translation as target or alternative."""
    source_element = element.find(store.namespaced("source"))
    source = getattr(page, f"{name}_{SOURCE_LANGUAGE}")
    existing = getattr(page, f"{name}_{code}") or ""
    if name not in RICH_TEXT_FIELDS:
        source_element.text = source
        target = None
        if existing:
            target = etree.Element(store.namespaced("target"))
            target.text = existing
    else:
        element.set("datatype", "html")
        source_tree = parse_html(source)
        write_inline(source_element, source_tree)
        target = None
        if existing:
            existing_tree = parse_html(existing)
            if number_like(existing_tree, tags_by_id(source_tree)):
                target = etree.Element(store.namespaced("target"))
                write_inline(target, existing_tree)
            else:
                # Its tags do not match the Swedish text's: a reference, not a target.
                alternative = etree.SubElement(element, store.namespaced("alt-trans"))
                alt_target = etree.SubElement(alternative, store.namespaced("target"))
                alt_target.set("{http://www.w3.org/XML/1998/namespace}lang", code)
                alt_target.text = " ".join("".join(existing_tree.texts()).split())
    if target is None:
        return
    version = language_version(page, code)
    state = translation_state(page, code)
    if state == TranslationState.UP_TO_DATE and version.held_back:
        # Not yet checked by a reviewer: not signed off.
        target.set("state", "translated")
    else:
        target.set("state", EXPORTED_TARGET_STATES[state])
    if state == TranslationState.MACHINE:
        target.set("state-qualifier", "mt-suggestion")
    source_element.addnext(target)


def send_for_translation(pages, code, user):
    """Mark the missing ``code`` versions of ``pages`` in translation; how many changed."""
    return sum(mark_sent_for_translation(page, code, user) for page in pages)


class ImportRejected(Exception):
    """The file was not imported; ``problems`` says why, in the caseworker's language."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


class UnitOutcome(Enum):
    """What a unit's state in the file makes of its translation."""

    FINAL = "final"  # final, signed-off or approved: up to date
    TRANSLATED = "translated"  # translated (or no state): the caseworker's choice
    MACHINE = "machine"  # a machine translation nobody signed off
    UNFINISHED = "unfinished"  # new, needs-translation, needs-review-…: not imported


FINISHED_STATES = frozenset({"final", "signed-off"})
UNFINISHED_STATES = frozenset(
    {
        "new",
        "needs-translation",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-translation",
        "needs-review-adaptation",
        "needs-review-l10n",
    }
)
MACHINE_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})


class TranslatedUnits(models.TextChoices):
    """What becomes of texts the file calls "translated" (not signed off)."""

    REVIEW = "review", _l("Held back until a reviewer has checked them (safer)")
    UP_TO_DATE = "up_to_date", _l("Up to date at once")


@dataclass
class PageImport:
    """What the file brings for one page."""

    # {field name: text to store}
    targets: dict = field(default_factory=dict)
    outcomes: set = field(default_factory=set)
    # (field name, state in the file) of units that are not finished.
    unfinished: list = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import did to one page's language version."""

    page: Page
    state: str
    held_back: bool
    imported: bool
    unfinished: list


@dataclass
class ImportPlan:
    code: str
    # {page pk: PageImport}
    pages: dict = field(default_factory=dict)
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


def xml_error_problem(error):
    """Our own words for an XML syntax error, naming line and column.

    libxml2's messages are English (and technical); the caseworker passes this
    one on to the translation agency, so it says where and, for the usual
    mistakes, what.
    """
    codes = etree.ErrorTypes
    escaping = _("an “&” or “<” in the text is not written as “&amp;” or “&lt;”")
    attribute = _("an attribute is not written correctly")
    character = _("the file contains a character that is not allowed or not in its encoding")
    reasons = {
        codes.ERR_DOCUMENT_EMPTY: _("the file is empty"),
        codes.ERR_DOCUMENT_END: _("there is more after the end of the document"),
        codes.ERR_TAG_NAME_MISMATCH: _("an element is closed with the wrong end tag"),
        codes.ERR_TAG_NOT_FINISHED: _("an element is not closed"),
        codes.ERR_UNDECLARED_ENTITY: escaping,
        codes.ERR_ENTITYREF_SEMICOL_MISSING: escaping,
        codes.ERR_NAME_REQUIRED: escaping,
        codes.ERR_LT_IN_ATTRIBUTE: attribute,
        codes.ERR_ATTRIBUTE_WITHOUT_VALUE: attribute,
        codes.ERR_ATTRIBUTE_NOT_STARTED: attribute,
        codes.ERR_ATTRIBUTE_REDEFINED: attribute,
        codes.ERR_INVALID_CHAR: character,
        codes.ERR_INVALID_ENCODING: character,
    }
    reason = reasons.get(error.code, _("the text is not well-formed XML"))
    line, column = error.position if error.position else (error.lineno, 0)
    return _("The file is not well-formed XML: line %(line)s, column %(column)s: %(reason)s.") % {
        "line": line,
        "column": column,
        "reason": reason,
    }


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
        return [xml_error_problem(error)]
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
    pages = Page.objects.all()
    if transaction.get_connection().in_atomic_block:
        # Importing: the texts compared with the file stay as they are until written.
        pages = pages.select_for_update()
    pages = pages.in_bulk({page_pk for page_pk, _f, _u in wanted.values()})
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


def unit_outcome(element, target):
    """The outcome of a trans-unit ``element`` by its state; None for an unknown state.

    Signed off (final, signed-off, approved="yes") wins over a machine origin:
    a person vouched for the text. An unfinished state keeps the version as it
    is, whatever the target holds (tools copy the source into it).
    """
    state = target.get("state") if target is not None else None
    qualifier = target.get("state-qualifier") if target is not None else None
    if element.get("approved") == "yes" or state in FINISHED_STATES:
        return UnitOutcome.FINAL
    if qualifier in MACHINE_QUALIFIERS:
        return UnitOutcome.MACHINE
    if state in UNFINISHED_STATES:
        return UnitOutcome.UNFINISHED
    if state is None or state == "translated" or state.startswith("x-"):
        return UnitOutcome.TRANSLATED
    return None


def source_changed(name, source_element, current_source):
    """Whether the file's source is not today's Swedish text (whitespace aside)."""
    if source_element is None:
        return True
    if name not in RICH_TEXT_FIELDS:
        return plain(source_element.itertext()) != plain([current_source])
    current = parse_html(current_source)
    tags = tags_by_id(current)
    file_source, markup = read_inline(source_element, tags)
    if markup or comparable(file_source) != comparable(current):
        return True
    # The same ids for other tags (an <em> where the export had a <strong>).
    return any(
        inline.get("ctype") not in (None, ctype(tags[inline.get("id")].name))
        for inline in source_element.iter(f"{{{XLIFF_NAMESPACE}}}g", f"{{{XLIFF_NAMESPACE}}}x")
    )


def plain(texts):
    """Plain text as stored: no leading, trailing or repeated whitespace, no line breaks."""
    return " ".join("".join(texts).split())


def markup_problems(markup, where):
    messages = []
    if markup.not_allowed:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” contains elements "
                "that are not allowed: %(elements)s."
            )
            % {**where, "elements": ", ".join(dict.fromkeys(markup.not_allowed))}
        )
    if markup.unknown or markup.repeated:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” adds tags that are not "
                "in the Swedish text: %(tags)s."
            )
            % {**where, "tags": ", ".join(markup.unknown + markup.repeated)}
        )
    if markup.dropped:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” leaves out tags of the "
                "Swedish text: %(tags)s."
            )
            % {**where, "tags": ", ".join(markup.dropped)}
        )
    if markup.moved:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” moves tags out of the "
                "tag they belong in: %(tags)s."
            )
            % {**where, "tags": ", ".join(markup.moved)}
        )
    return messages


def check_unit(plan, page, name, unit, local_id):
    where = {"field": field_label(name), "page": page.title_sv, "unit": local_id}
    if (page.pk, name) in plan.seen:
        plan.problems.append(_("Unit %(unit)s appears twice in the file.") % where)
        return
    plan.seen.add((page.pk, name))
    element = unit.xmlelement
    source_element = element.find(f"{{{XLIFF_NAMESPACE}}}source")
    target = element.find(f"{{{XLIFF_NAMESPACE}}}target")
    current_source = getattr(page, f"{name}_{SOURCE_LANGUAGE}") or ""
    if source_changed(name, source_element, current_source):
        plan.problems.append(
            _(
                "The Swedish text of “%(field)s” on the page “%(page)s” has changed since the "
                "export. Export the page again and have the change translated."
            )
            % where
        )
        return
    if changed_since_export(element, page, name, plan.code):
        plan.problems.append(
            _(
                "The %(language)s text of “%(field)s” on the page “%(page)s” (unit %(unit)s) "
                "has been changed in the portal since the export. Export the page again, so "
                "that the change is not overwritten."
            )
            % {**where, "language": language_name(plan.code)}
        )
        return
    outcome = unit_outcome(element, target)
    if outcome is None:
        plan.problems.append(
            _("Unit %(unit)s has a state the portal does not know: %(state)s.")
            % {**where, "state": target.get("state")}
        )
        return
    page_import = plan.pages.setdefault(page.pk, PageImport())
    if outcome is UnitOutcome.UNFINISHED:
        page_import.unfinished.append((name, target.get("state")))
        return
    text = checked_target(plan, page, name, target, where)
    if text is not None:
        page_import.outcomes.add(outcome)
        page_import.targets[name] = text


def changed_since_export(element, page, name, code):
    """Whether the portal's ``code`` text of the unit changed after the file was exported.

    A file without the portal's fingerprint (written by hand, or by a tool that
    drops ``extradata``) cannot tell; the source check still applies to it.
    """
    sent = element.get("extradata") or ""
    if not sent.startswith(TARGET_VERSION_PREFIX):
        return False
    return sent != target_version(page, name, code)


def checked_target(plan, page, name, target, where):
    """The text to store from a ``target`` element, or None after listing its problems."""
    rich = name in RICH_TEXT_FIELDS
    current_source = getattr(page, f"{name}_{SOURCE_LANGUAGE}") or ""
    source_tree = parse_html(current_source) if rich else None
    if target is None:
        tree, markup = parse_html(""), None
    else:
        tree, markup = read_inline(target, tags_by_id(source_tree) if rich else {})
    typed = html_written_as_text(tree)
    if typed:
        # The tool did not protect the tags: what is missing or broken follows from that.
        plan.problems.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” contains HTML tags "
                "written as text instead of the tool's protected tags: %(tags)s."
            )
            % {**where, "tags": ", ".join(typed)}
        )
        return None
    if not plain(tree.texts()):
        plan.problems.append(_("“%(field)s” on the page “%(page)s” has no translation.") % where)
        return None
    if markup:
        plan.problems.extend(markup_problems(markup, where))
        return None
    if rich:
        copied = comparable(tree) == comparable(source_tree)
        text = to_html(tree).strip()
    else:
        text = plain(tree.texts())
        copied = text == plain([current_source])
    # Words identical in both languages are a copy; a figure ("1–6") may be the same.
    if copied and any(character.isalpha() for character in text):
        plan.problems.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” is the Swedish text "
                "copied unchanged."
            )
            % where
        )
        return None
    if rich:
        removed = removed_by_sanitizer(text)
        if removed:
            plan.problems.append(
                _(
                    "The translation of “%(field)s” on the page “%(page)s” contains HTML that "
                    "is not allowed and would be removed: %(removed)s."
                )
                % {**where, "removed": ", ".join(removed)}
            )
            return None
    max_length = Page._meta.get_field(name).max_length
    if max_length and len(text) > max_length:
        plan.problems.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” is longer than "
                "%(max)s characters."
            )
            % {**where, "max": max_length}
        )
        return None
    return text


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


def version_after_import(page_import, translated_units):
    """(state, held back) for a page whose units are all finished."""
    if UnitOutcome.MACHINE in page_import.outcomes:
        return TranslationState.MACHINE, False
    if (
        UnitOutcome.TRANSLATED in page_import.outcomes
        and translated_units != TranslatedUnits.UP_TO_DATE
    ):
        return TranslationState.UP_TO_DATE, True
    return TranslationState.UP_TO_DATE, False


@transaction.atomic
def import_xliff(data, code, user, *, hold_back=False, translated_units=TranslatedUnits.REVIEW):
    """Import ``code`` translations from XLIFF bytes, all or nothing.

    Each page's version gets the state its units say (see ``unit_outcome``);
    a page with any unfinished unit is left as it was. ``translated_units``
    says what "translated" units become; ``hold_back`` holds back every
    imported version. Returns an ImportResult per page in the file; raises
    ImportRejected (writing nothing) on any problem.
    """
    plan = read_xliff(data, code, user)
    if plan.problems:
        raise ImportRejected(plan.problems)
    pages = Page.objects.select_for_update().in_bulk(plan.pages)
    results = []
    for page_pk, page_import in plan.pages.items():
        page = pages[page_pk]
        if page_import.unfinished:
            results.append(
                ImportResult(
                    page=page,
                    state=translation_state(page, code),
                    held_back=language_version(page, code).held_back,
                    imported=False,
                    unfinished=page_import.unfinished,
                )
            )
            continue
        state, held = version_after_import(page_import, translated_units)
        # The file's sources equal today's Swedish text: translated from this version.
        import_translations(
            page,
            code,
            page_import.targets,
            state=state,
            held_back=held or hold_back,
            source_revision=page.source_revision,
            user=user,
        )
        results.append(
            ImportResult(
                page=page,
                state=translation_state(page, code),
                held_back=language_version(page, code).held_back,
                imported=True,
                unfinished=[],
            )
        )
    return results
