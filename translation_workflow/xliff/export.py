"""Export: pages needing a translation, written as XLIFF 1.2 with notes and inline markup."""

from django.utils.translation import gettext as _
from lxml import etree

from housing_info.models import Page
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.inline_markup import (
    number_like,
    parse_html,
    tags_by_id,
    write_inline,
)
from translation_workflow.services import mark_sent_for_translation
from translation_workflow.versions import TranslationState, language_version, translation_state
from translation_workflow.xliff.format import (
    NEEDS_TRANSLATION,
    RICH_TEXT_FIELDS,
    Xliff12File,
    target_version,
    unit_id,
)


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
