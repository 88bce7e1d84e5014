"""Page revisions (django-simple-history): what changed between two, in words.

Restoring one goes through ``services.restore_revision`` (see ``restore``).
"""

import difflib
import re
from dataclasses import dataclass, field
from html import unescape

from django.conf import settings
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from housing_info.models import Page, Topic
from portal.languages import SOURCE_LANGUAGE, direction
from translation_workflow.versions import LanguageVersion, TranslationState, visible_state

SETTINGS_FIELDS = (
    "slug",
    "kind",
    "topic_id",
    "order",
    "published",
    "is_example",
    "last_reviewed",
    "review_by",
)


def language_name(code):
    return str(get_language_info(code)["name_translated"])


def field_label(name):
    return str(Page._meta.get_field(name.removesuffix("_id")).verbose_name)


TOKENS = re.compile(r"\s+|[^\s]+")
LINK = re.compile(r"<a\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
BLOCK_END = re.compile(r"</(p|h2|h3|li|blockquote|ul|ol)>|<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)


def readable(html):
    """Rich text as a caseworker reads it: lines, bullets, links with their address."""
    text = LINK.sub(r"\2 (\1)", html or "")
    text = LIST_ITEM.sub("• ", text)
    text = BLOCK_END.sub("\n", text)
    text = unescape(strip_tags(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def word_diff(old, new):
    """``old`` against ``new`` as safe HTML, removed words in <del>, added in <ins>.

    Rich text is compared as it reads (see ``readable``), not as HTML source.
    """
    return text_diff(readable(old), readable(new))


def text_diff(old, new):
    """Plain texts ``old`` against ``new`` as safe HTML, words in <del> and <ins>."""
    old_tokens = TOKENS.findall(old)
    new_tokens = TOKENS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        if operation == "equal":
            parts.append(escape(removed))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


@dataclass
class FieldChange:
    label: str
    old: object
    new: object
    diff: str = ""


@dataclass
class ChangeGroup:
    """The changes of one language, of the page settings, or of translation states."""

    heading: str
    code: str = ""
    changes: list = field(default_factory=list)

    @property
    def dir(self):
        return direction(self.code) if self.code else "ltr"


def text_of(record, name):
    return getattr(record, name, "") or ""


def changes_between(old, new):
    """What changed from revision ``old`` to revision ``new`` (either may be a Page)."""
    groups = []
    for code, _name in settings.LANGUAGES:
        group = ChangeGroup(heading=language_name(code), code=code)
        for base in Page.TEXT_FIELDS:
            name = f"{base}_{code}"
            before, after = text_of(old, name), text_of(new, name)
            if before != after:
                group.changes.append(
                    FieldChange(field_label(base), before, after, word_diff(before, after))
                )
        if group.changes:
            groups.append(group)

    settings_group = ChangeGroup(heading=_("Page settings"))
    topics = Topic.objects.in_bulk([old.topic_id, new.topic_id])
    for name in SETTINGS_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            if name == "topic_id":
                before, after = topics.get(before, before), topics.get(after, after)
            settings_group.changes.append(FieldChange(field_label(name), before, after))
    if settings_group.changes:
        groups.append(settings_group)

    states_group = ChangeGroup(heading=_("Language versions"))
    for code, _name in settings.LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        before, after = version_summary(old, code), version_summary(new, code)
        if before != after:
            states_group.changes.append(FieldChange(language_name(code), before, after))
    if states_group.changes:
        groups.append(states_group)
    return groups


def version_summary(record, code):
    version = LanguageVersion.from_json((record.language_versions or {}).get(code))
    has_text = bool(text_of(record, f"title_{code}") and text_of(record, f"body_{code}"))
    summary = str(TranslationState(visible_state(version, has_text)).label)
    if version.held_back:
        summary = _("%(state)s, held back until reviewed") % {"state": summary}
    return summary


def describe_reason(reason):
    """A history entry's reason, in the reader's language."""
    if not reason:
        return ""
    word, _space, argument = reason.partition(" ")
    simple = {
        "created": _("Page created"),
        "demo": _("Example content loaded"),
    }
    if reason in simple:
        return simple[reason]
    if word == "swedish":
        return {
            "meaning": _("Swedish text changed: it changes the meaning"),
            "typo": _("Swedish text changed: typo or wording fix"),
            "draft": _("Swedish text changed while the page was a draft"),
        }.get(argument, reason)
    if word == "text" and argument:
        names = ", ".join(language_name(code) for code in argument.split(","))
        return _("Text changed in: %(languages)s") % {"languages": names}
    if word == "restored":
        number, _space, codes = argument.partition(" ")
        if not codes:
            return _("Restored revision no. %(number)s") % {"number": number}
        names = ", ".join(language_name(code) for code in codes.split(","))
        return _("Restored revision no. %(number)s: %(languages)s") % {
            "number": number,
            "languages": names,
        }
    if word == "published":
        return {
            "meaning": _("Published: the Swedish text changed its meaning since last published"),
            "typo": _("Published: the Swedish text changed only in wording since last published"),
        }.get(argument, reason)
    per_language = {
        "reviewed": _("%(language)s version marked reviewed"),
        "sent": _("%(language)s version sent for translation"),
        "imported": _("%(language)s translation imported from an XLIFF file"),
    }
    if word in per_language and argument:
        return per_language[word] % {"language": language_name(argument)}
    return reason


def restore_problems(page, record):
    """Why ``record`` cannot be restored onto ``page`` (an empty list when it can)."""
    problems = []
    if not Topic.objects.filter(pk=record.topic_id).exists():
        problems.append(_("The topic of that revision no longer exists."))
    if Page.objects.filter(slug=record.slug).exclude(pk=page.pk).exists():
        problems.append(
            _("Another page now has the address %(slug)s of that revision.") % {"slug": record.slug}
        )
    return problems
