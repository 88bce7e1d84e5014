"""Checks of an imported file and each of its units, each problem written for the caseworker."""

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree

from housing_info.models import Page
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.inline_markup import (
    XLIFF_NAMESPACE,
    comparable,
    ctype,
    html_written_as_text,
    parse_html,
    read_inline,
    tags_by_id,
    to_html,
)
from translation_workflow.revisions import field_label, language_name
from translation_workflow.xliff.format import (
    RICH_TEXT_FIELDS,
    TARGET_VERSION_PREFIX,
    target_version,
)
from translation_workflow.xliff.markup_checks import markup_problems, plain, removed_by_sanitizer
from translation_workflow.xliff.plan import (
    FINISHED_STATES,
    MACHINE_QUALIFIERS,
    UNFINISHED_STATES,
    PageImport,
    UnitOutcome,
)


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
