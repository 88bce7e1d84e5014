"""What lists of pathway steps and contact points show a reader, and what they are told.

Each text comes with the language and state it is shown in
(``portal.shown_text``): the templates mark it (``{% shown_in_marker %}``) and
the page says once what the markers mean (``{% shown_in_notice %}``).
"""

from dataclasses import dataclass

from portal.languages import ShownIn
from portal.shown_text import ShownText, shown_text

CONTACT_TEXT_FIELDS = ("name", "helps_with", "opening_hours")


@dataclass(frozen=True)
class StepItem:
    """A pathway step in a list: its texts, and the page it links to as a reader is shown it."""

    step: object
    title: ShownText
    description: ShownText
    # The linked page's language and state (None: no published page to link to).
    target: ShownIn | None

    @property
    def url(self):
        return self.step.page.get_absolute_url() if self.target else ""

    @property
    def told(self):
        return [self.title, self.description, *([self.target] if self.target else [])]


def step_items(steps, code):
    items = []
    for step in steps:
        page = step.page
        items.append(
            StepItem(
                step=step,
                title=shown_text(step, "title", code),
                description=shown_text(step, "description", code),
                target=page.shown_in(code) if page is not None and page.published else None,
            )
        )
    return items


def contact_texts(contacts, code):
    """The contact points' texts as a reader of ``code`` is shown them, for the notice."""
    return [
        shown_text(contact, field, code) for contact in contacts for field in CONTACT_TEXT_FIELDS
    ]
