"""Walk every public HTML output in every language: nothing foreign or machine-made goes untold.

The fixtures below leave texts out on purpose (a reader of most languages is
shown English or Swedish) and mark some as machine translations or outdated.
On every page, in all twelve languages, the test then holds the HTML to the
language policy (docs/language-policy.md):

- every element whose ``lang`` differs from the page's, and every link whose
  ``hreflang`` does, has a marker or notice naming that language in its item
  (the list item, heading, contact, glossary entry ... that holds it) or, in a
  page's own text (its article, the poster), a notice naming it just before
  that text; and it has the direction its language is written in;
- every fixture text appears inside an element whose ``lang`` is its language;
- every fixture text that is a machine translation or outdated has a marker or
  notice saying so, in the same way.

Deliberately foreign text is exempt: the Swedish glossary words
(``translate="no"``), the language switcher's own names, notices (they are the
telling) and visually hidden repeats of a text marked where it is visible.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from housing_info.models import Page
from portal.languages import PORTAL_LANGUAGES, direction
from tests.factories import (
    make_contact_point,
    make_pathway_step,
    make_question,
    make_rule,
    make_term,
    make_topic,
)
from translation_workflow.services import save_demo_page, save_page_text
from translation_workflow.versions import SwedishChange

pytestmark = pytest.mark.django_db

CODES = [language.code for language in PORTAL_LANGUAGES]

# Elements that hold one item of a list or one block of a record's text: the
# marker for a text goes inside the closest of them.
ITEM_TAGS = frozenset(
    {"li", "h1", "h2", "h3", "label", "nav", "header", "article", "fieldset", "main"}
)
ITEM_CLASSES = frozenset({"contact", "glossary__entry", "topic", "your-answers__item"})
EXEMPT_CLASSES = frozenset({"language-switcher", "visually-hidden", "notice"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})  # fmt: skip


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict
    parent: "Node | None" = None
    children: list = field(default_factory=list)

    @property
    def classes(self):
        return set(self.attrs.get("class", "").split())

    def ancestors(self):
        node = self
        while node is not None:
            yield node
            node = node.parent

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def text(self):
        return "".join(
            child.text() if isinstance(child, Node) else child for child in self.children
        )

    def closest_attr(self, name):
        for node in self.ancestors():
            if name in node.attrs:
                return node.attrs[name]
        return None

    def told(self):
        """The tokens of every marker and notice in this element (``data-shown-in``)."""
        return {
            token
            for node in self.walk()
            if "data-shown-in" in node.attrs
            for token in node.attrs["data-shown-in"].split()
        }


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(
            Node(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        )

    def handle_endtag(self, tag):
        for node in self.current.ancestors():
            if node.tag == tag:
                self.current = node.parent or self.root
                return

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def is_exempt(node):
    return any(
        ancestor.attrs.get("translate") == "no" or ancestor.classes & EXEMPT_CLASSES
        for ancestor in node.ancestors()
    )


def item_of(node):
    for ancestor in node.ancestors():
        if ancestor.tag in ITEM_TAGS or ancestor.classes & ITEM_CLASSES:
            return ancestor
    return None


def preceding_siblings(node):
    if node.parent is None:
        return []
    siblings = [child for child in node.parent.children if isinstance(child, Node)]
    return siblings[: siblings.index(node)]


def tells(node, token):
    """Whether ``token`` (a language code, "machine" or "outdated") is told for ``node``:
    by a marker or notice in its item, or, in a page's own text (its article or
    poster), by a notice just before that text."""
    item = item_of(node)
    if item is None:
        return False
    if token in item.told():
        return True
    return any(
        token in sibling.told()
        for text in node.ancestors()
        if text.tag == "article" or "poster" in text.classes
        for sibling in preceding_siblings(text)
    )


def body_of(html):
    document = parse(html)
    page = next(node for node in document.walk() if node.tag == "html")
    body = next(node for node in page.walk() if node.tag == "body")
    return page.attrs["lang"], body


def policy_failures(html, texts):
    """What the HTML fails to tell; ``texts`` are (text, language, state) of the fixtures."""
    page_language, body = body_of(html)
    failures = []
    for node in body.walk():
        if is_exempt(node):
            continue
        language = node.attrs.get("lang")
        if language and language != page_language:
            if not tells(node, language):
                failures.append(f"<{node.tag} lang={language}> {node.text()[:60]!r}: no marker")
            if node.closest_attr("dir") != direction(language):
                failures.append(f"<{node.tag} lang={language}> {node.text()[:60]!r}: wrong dir")
        target = node.attrs.get("hreflang")
        if node.tag == "a" and target and target != page_language and not tells(node, target):
            failures.append(f"<a hreflang={target}> {node.text()[:60]!r}: no marker")
    for node in body.walk():
        for child in node.children:
            if not isinstance(child, str):
                continue
            for text, language, state in texts:
                if text not in child:
                    continue
                shown_as = node.closest_attr("lang")
                if shown_as != language:
                    failures.append(f"{text!r} is {language}, marked lang={shown_as}")
                if state and not is_exempt(node) and not tells(node, state):
                    failures.append(f"{text!r} ({language}) is {state}, not told")
    return failures


# --- The fixtures: some texts missing, some machine-made, one outdated ---------

# (field values, the languages whose text is a machine translation)
TOPIC = {
    "title_sv": "Att hyra i Tallbacka",
    "title_en": "Renting in Tallbacka",
    "title_ar": "الاستئجار في تالباكا",
    "title_prs": "کرایه در تالباکا",
    "description_sv": "Allt om hyran i Tallbacka.",
}
PAGE = {
    "title_sv": "Korttidslägenheten",
    "summary_sv": "En lägenhet för en kort tid.",
    "body_sv": "<p>Du bor här högst fyra år.</p>",
    "title_en": "The short-stay flat",
    "summary_en": "A flat for a short time.",
    "body_en": "<p>You live here for at most four years.</p>",
    "title_ar": "الشقة قصيرة الأمد",
    "summary_ar": "شقة لفترة قصيرة.",
    "body_ar": "<p>تسكن هنا أربع سنوات على الأكثر.</p>",
    "title_prs": "آپارتمان کوتاه‌مدت",
    "summary_prs": "آپارتمانی برای مدت کوتاه.",
    "body_prs": "<p>شما حداکثر چهار سال اینجا زندگی می‌کنید.</p>",
}
OUTDATED_PAGE = {
    "title_sv": "Hyresskulden",
    "summary_sv": "Om du inte kan betala hyran.",
    "body_sv": "<p>Kontakta hyresvärden direkt.</p>",
    "title_en": "Rent arrears",
    "summary_en": "If you cannot pay the rent.",
    "body_en": "<p>Contact the landlord at once.</p>",
    "title_ar": "متأخرات الإيجار",
    "summary_ar": "إذا لم تستطع دفع الإيجار.",
    "body_ar": "<p>اتصل بالمؤجر فورًا.</p>",
}
CONTACT = {
    "name_sv": "Tallbacka bostadshjälp",
    "name_en": "Tallbacka housing help",
    "name_ar": "مساعدة السكن في تالباكا",
    "helps_with_sv": "Hjälper med kontrakt.",
    "helps_with_en": "Helps with contracts.",
    "opening_hours_sv": "Måndag till fredag 9–12",
}
STEP = {
    "title_sv": "Flytta in i korttidslägenheten",
    "title_en": "Move into the short-stay flat",
    "title_ar": "انتقل إلى الشقة قصيرة الأمد",
    "title_prs": "به آپارتمان کوتاه‌مدت بروید",
    "description_sv": "Du får nycklarna av staden.",
    "description_en": "The City gives you the keys.",
}
FIRST_QUESTION = {
    "text_sv": "Har du ett eget kontrakt?",
    "text_en": "Do you have a contract of your own?",
    "text_ar": "هل لديك عقد خاص بك؟",
    "text_prs": "آیا قرارداد خودتان را دارید؟",
    "hint_sv": "Ett förstahandskontrakt med hyresvärden.",
}
# The Dari label mixes in a Swedish term, as real answers do.
ANSWER_LABELS = {
    "yes": {"label_sv": "Ja, ett eget", "label_en": "Yes, my own", "label_ar": "نعم، عقدي",
            "label_prs": "بلی، قرارداد خودم (eget kontrakt)"},
    "no": {"label_sv": "Nej, inget", "label_en": "No, none", "label_ar": "لا، ليس لدي",
           "label_prs": "نخیر"},
}  # fmt: skip
SECOND_QUESTION = {
    "text_sv": "Har du barn som bor med dig?",
    "text_en": "Do children live with you?",
}
URGENT_NOTE = {
    "note_sv": "Om du inte har någonstans att sova i natt, ring socialjouren: 031-365 00 00.",
    "note_en": "If you have nowhere to sleep tonight, call the social emergency service: "
    "031-365 00 00.",
}
TERM = {
    "term": "besittningsskydd",
    "meaning_en": "security of tenure",
    "meaning_ar": "حق البقاء في السكن",
    "explanation_sv": "Rätten att bo kvar när kontraktet sägs upp.",
    "explanation_en": "The right to stay when the contract is ended.",
    "explanation_ar": "الحق في البقاء عندما يُنهى العقد.",
    "explanation_prs": "حق ماندن هنگام فسخ قرارداد.",
}
MACHINE = ["ar"]


@dataclass
class Site:
    topic: object
    page: Page
    outdated_page: Page
    texts: list


@pytest.fixture
def site():
    topic = make_topic(slug="tallbacka", machine_translated=MACHINE, **TOPIC)
    page, _ = save_demo_page(
        {"slug": "short-stay-flat"},
        {"topic": topic, "published": True, **PAGE},
        machine_translated={"ar"},
    )
    outdated, _ = save_demo_page(
        {"slug": "rent-arrears"},
        {"topic": topic, "published": True, "order": 2, **OUTDATED_PAGE},
        machine_translated=set(),
    )
    # The Swedish text changes in meaning: the English and Arabic versions are outdated.
    outdated.body_sv = "<p>Kontakta hyresvärden direkt, och socialtjänsten.</p>"
    save_page_text(outdated, user=None, swedish_change=SwedishChange.MEANING)
    contact = make_contact_point(slug="tallbacka-help", machine_translated=MACHINE, **CONTACT)
    contact.topics.set([topic])
    page.contact_points.set([contact])
    step = make_pathway_step(slug="move-in", page=page, machine_translated=MACHINE, **STEP)
    first = make_question(answers=(), slug="contract", order=1, machine_translated=MACHINE,
                          **FIRST_QUESTION)  # fmt: skip
    for order, (slug, labels) in enumerate(ANSWER_LABELS.items()):
        first.answers.create(slug=slug, order=order, machine_translated=MACHINE, **labels)
    make_question(answers=("yes", "no"), slug="children", order=2, text_ar="", **SECOND_QUESTION)
    make_rule(slug="nowhere-to-sleep", pages=[page], steps=[step], note_ar="", **URGENT_NOTE)
    make_term(slug="besittningsskydd", machine_translated=MACHINE, **TERM)
    records = [
        (TOPIC, MACHINE),
        (PAGE, ["ar"]),
        (OUTDATED_PAGE, []),
        (CONTACT, MACHINE),
        (STEP, MACHINE),
        (FIRST_QUESTION, MACHINE),
        *((labels, MACHINE) for labels in ANSWER_LABELS.values()),
        (SECOND_QUESTION, []),
        (URGENT_NOTE, []),
        ({k: v for k, v in TERM.items() if k != "term"}, MACHINE),
    ]
    texts = []
    for values, machine in records:
        for name, value in values.items():
            if name.startswith("body_"):
                continue
            language = name.rsplit("_", 1)[1]
            state = "machine" if language in machine else ""
            if values is OUTDATED_PAGE and language != "sv":
                state = "outdated"
            # Texts of a fixture may share words; a whole field is unique.
            texts.append((value, language, state))
    return Site(topic=topic, page=page, outdated_page=outdated, texts=texts)


def outputs(site, code):
    """Every public HTML output in ``code``, by name: (address, query)."""
    with translation.override(code):
        flow = reverse("smart_answers:flow")
        return {
            "home": (reverse("housing_info:home"), {}),
            "topic list": (site.topic.get_absolute_url(), {}),
            "content page": (site.page.get_absolute_url(), {}),
            "outdated page": (site.outdated_page.get_absolute_url(), {}),
            "contacts": (reverse("housing_info:contacts"), {}),
            "contacts of a topic": (reverse("housing_info:contacts"), {"topic": "tallbacka"}),
            "flow start": (flow, {}),
            "flow question": (flow, {"contract": "yes"}),
            "flow result": (flow, {"contract": "yes", "children": "no"}),
            "glossary": (reverse("glossary:index"), {}),
            "search results": (reverse("search:results"), {"q": "flat"}),
            "search for a word": (reverse("search:results"), {"q": "besittningsskydd"}),
            "embed": (reverse("sharing:topic-embed", kwargs={"slug": "tallbacka"}), {}),
            "printable view": (reverse("sharing:print", kwargs={"slug": site.page.slug}), {}),
            "poster": (reverse("sharing:poster", kwargs={"slug": site.page.slug}), {}),
        }


@pytest.mark.parametrize("code", CODES)
def test_every_output_tells_the_reader_what_is_not_in_their_language(client, site, code):
    failures = {}
    for name, (address, query) in outputs(site, code).items():
        response = client.get(address, query)
        assert response.status_code == 200, (name, address)
        found = policy_failures(response.content.decode(), site.texts)
        if found:
            failures[name] = found
    assert failures == {}


def test_the_walk_fails_on_foreign_text_without_a_marker():
    html = (
        '<html lang="ti" dir="ltr"><body><ul>'
        '<li><a href="/ti/x/" lang="en" dir="ltr">The short-stay flat</a></li>'
        "</ul></body></html>"
    )
    assert policy_failures(html, [("The short-stay flat", "en", "")]) == [
        "<a lang=en> 'The short-stay flat': no marker"
    ]


def test_the_walk_fails_on_foreign_text_marked_as_the_readers():
    html = '<html lang="ti" dir="ltr"><body><p>The short-stay flat</p></body></html>'
    assert policy_failures(html, [("The short-stay flat", "en", "")]) == [
        "'The short-stay flat' is en, marked lang=ti"
    ]


def test_the_walk_fails_on_a_machine_translation_without_its_marker():
    html = (
        '<html lang="ar" dir="rtl"><body><ul><li><a href="/ar/x/" lang="ar" dir="rtl">'
        "الشقة قصيرة الأمد</a>"
        '<small class="shown-in" data-shown-in="en"></small></li></ul></body></html>'
    )
    assert policy_failures(html, [("الشقة قصيرة الأمد", "ar", "machine")]) == [
        "'الشقة قصيرة الأمد' (ar) is machine, not told"
    ]


def test_the_walk_fails_on_right_to_left_text_set_left_to_right():
    html = (
        '<html lang="en" dir="ltr"><body><ul><li><span lang="ar">نعم</span>'
        '<small class="shown-in" data-shown-in="ar"></small></li></ul></body></html>'
    )
    assert policy_failures(html, []) == ["<span lang=ar> 'نعم': wrong dir"]


def test_tigrinya_reader_is_told_the_urgent_note_is_in_english(client, site):
    with translation.override("ti"):
        address = reverse("smart_answers:flow")
    content = client.get(address, {"contract": "no", "children": "yes"}).content.decode()
    with translation.override("ti"):
        english = str(translation.get_language_info("en")["name_translated"])
    _language, body = body_of(content)
    note = next(
        node for node in body.walk() if node.tag == "li" and URGENT_NOTE["note_en"] in node.text()
    )
    assert f'<span class="shown-in__tag">{english}</span>' in content
    assert english in note.text()
    assert "en" in note.told()
