"""The translation overview: every page against every language, in a fixed number of queries.

One query reads the pages (only the columns the overview needs, with whether
each language has text computed by the database), one reads the topics; the
states come from ``Page.language_versions`` on the same rows. So 10 or 1,000
pages cost the same number of queries.
"""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from housing_info.models import Page, Topic
from translation_workflow.revisions import language_name
from translation_workflow.roles import can_review, editable_languages, translation_languages
from translation_workflow.versions import LanguageVersion, TranslationState, visible_state

READABLE = (TranslationState.UP_TO_DATE, TranslationState.MACHINE, TranslationState.OUTDATED)
CURRENT = (TranslationState.UP_TO_DATE, TranslationState.MACHINE)
NEEDS_REVIEW = (TranslationState.MACHINE, TranslationState.OUTDATED)

# Short names for the cells of the overview; the full name is in the legend.
SHORT_LABELS = {
    TranslationState.MISSING: pgettext_lazy("translation state, short", "Missing"),
    TranslationState.IN_TRANSLATION: pgettext_lazy("translation state, short", "In translation"),
    TranslationState.MACHINE: pgettext_lazy("translation state, short", "Machine"),
    TranslationState.UP_TO_DATE: pgettext_lazy("translation state, short", "Up to date"),
    TranslationState.OUTDATED: pgettext_lazy("translation state, short", "Outdated"),
}


def has_text(code):
    return Case(
        When(Q(**{f"title_{code}__gt": ""}) & Q(**{f"body_{code}__gt": ""}), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


@dataclass
class Cell:
    code: str
    state: str
    held_back: bool
    url: str = ""

    @property
    def label(self):
        return SHORT_LABELS[self.state]

    @property
    def full_label(self):
        return TranslationState(self.state).label


@dataclass
class Row:
    pk: int
    title: str
    slug: str
    topic: str
    published: bool
    review_by: object
    change_url: str
    cells: list = field(default_factory=list)


@dataclass
class LanguageShare:
    code: str
    name: str
    total: int = 0
    counts: dict = field(default_factory=dict)
    held_back: int = 0

    def count(self, *states):
        return sum(self.counts.get(state, 0) for state in states)

    def share(self, *states):
        return round(100 * self.count(*states) / self.total) if self.total else 0

    @property
    def translated(self):
        return self.share(*READABLE)

    @property
    def current(self):
        return self.share(*CURRENT)

    @property
    def states(self):
        return [(state, self.counts.get(state, 0)) for state in TranslationState.values]


def legend():
    """(state, short name, full name) for the overview's headings and legend."""
    return [
        (state, SHORT_LABELS[state], TranslationState(state).label)
        for state in TranslationState.values
    ]


@dataclass
class Dashboard:
    languages: list
    rows: list
    shares: list
    overdue: list
    topics: list
    total_pages: int


def page_rows(topic=None):
    """One dict per page with what the overview shows (one query)."""
    codes = translation_languages()
    pages = Page.objects.annotate(**{f"has_{code}": has_text(code) for code in codes})
    if topic:
        pages = pages.filter(topic_id=topic)
    return pages.order_by("topic__order", "order", "slug").values(
        "pk",
        "slug",
        "title_sv",
        "topic_id",
        "published",
        "review_by",
        "language_versions",
        *(f"has_{code}" for code in codes),
    )


def cell_url(rights, page_pk, code, state, held_back, change_url):
    """Where a cell leads: the text to edit, or for a reviewer what to review."""
    editable, reviewer = rights
    if code in editable:
        return f"{change_url}?{urlencode({'language': code})}"
    if reviewer and (state in NEEDS_REVIEW or (held_back and state in READABLE)):
        return reverse("admin:translation_workflow_review", args=[page_pk, code])
    return ""


def build_dashboard(user, *, language=None, topic=None, state=None, topics=None):
    codes = [language] if language else list(translation_languages())
    topics = {topic_.pk: topic_ for topic_ in (Topic.objects.all() if topics is None else topics)}
    shares = {code: LanguageShare(code=code, name=language_name(code)) for code in codes}
    today = timezone.localdate()
    rights = (editable_languages(user), can_review(user))
    rows, overdue = [], []
    for values in page_rows(topic):
        versions = values["language_versions"] or {}
        change_url = reverse("admin:housing_info_page_change", args=[values["pk"]])
        row = Row(
            pk=values["pk"],
            title=values["title_sv"],
            slug=values["slug"],
            topic=topics[values["topic_id"]].title_sv,
            published=values["published"],
            review_by=values["review_by"],
            change_url=change_url,
        )
        for code in codes:
            version = LanguageVersion.from_json(versions.get(code))
            cell_state = visible_state(version, values[f"has_{code}"])
            share = shares[code]
            share.total += 1
            share.counts[cell_state] = share.counts.get(cell_state, 0) + 1
            share.held_back += version.held_back
            url = cell_url(rights, row.pk, code, cell_state, version.held_back, change_url)
            row.cells.append(Cell(code, cell_state, version.held_back, url))
        if row.review_by and row.review_by < today:
            overdue.append(row)
        if state is None or any(cell.state == state for cell in row.cells):
            rows.append(row)
    return Dashboard(
        languages=[(code, language_name(code)) for code in codes],
        rows=rows,
        shares=list(shares.values()),
        overdue=sorted(overdue, key=lambda row: row.review_by),
        topics=list(topics.values()),
        total_pages=sum(share.total for share in shares.values()) // max(len(codes), 1),
    )
