"""Small factories for test data, with real right-to-left and Ethiopic text."""

from itertools import count

from feedback.models import PageFeedback
from glossary.models import Term
from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from smart_answers.models import Answer, Question, Rule
from translation_workflow.services import save_page_text
from translation_workflow.versions import language_version, translation_state

_numbers = count(1)


def make_topic(**fields):
    number = next(_numbers)
    values = {
        "slug": f"topic-{number}",
        "order": number,
        "title_sv": f"Ämne {number}",
        "title_en": f"Topic {number}",
        "title_ar": f"الموضوع {number}",
    }
    values.update(fields)
    return Topic.objects.create(**values)


def make_page(**fields):
    number = next(_numbers)
    values = {
        "slug": f"page-{number}",
        "topic": fields.pop("topic", None) or make_topic(),
        "kind": Page.Kind.HOUSING_OPTION,
        "published": True,
        "title_sv": f"Genomgångsbostad {number}",
        "summary_sv": "En tillfällig lägenhet som staden hyr ut i andra hand.",
        "body_sv": "<p>Du har ett andrahandskontrakt i högst fyra år.</p>",
        "title_en": f"Transitional flat {number}",
        "summary_en": "A temporary flat that the City sublets to you.",
        "body_en": "<p>You have a second-hand contract for at most four years.</p>",
        "title_ar": f"السكن الانتقالي {number}",
        "summary_ar": "شقة مؤقتة تؤجرها لك البلدية من الباطن.",
        "body_ar": "<p>لديك عقد إيجار من الباطن لمدة أقصاها أربع سنوات.</p>",
        "title_ti": f"ናይ መሰጋገሪ ገዛ {number}",
        "summary_ti": "ከተማ ብካልኣይ ኢድ እተካርየልካ ግዝያዊ ገዛ።",
        "body_ti": "<p>ክሳብ ኣርባዕተ ዓመት ናይ ካልኣይ ኢድ ውዕል ኣለካ።</p>",
    }
    values.update(fields)
    # Through the workflow's service, as the admin creates pages: with states.
    return save_page_text(Page(**values), user=None, swedish_change=None)


def make_contact_point(**fields):
    number = next(_numbers)
    values = {
        "slug": f"contact-{number}",
        "name_sv": f"Boplats Göteborg {number}",
        "name_ar": f"بوبلاتس يوتيبوري {number}",
        "phone": "031-733 30 00",
        "address": "Första Långgatan 28 B, Göteborg",
    }
    values.update(fields)
    return ContactPoint.objects.create(**values)


def make_pathway_step(**fields):
    number = next(_numbers)
    values = {
        "slug": f"step-{number}",
        "order": number,
        "title_sv": f"Steg {number}",
        "title_en": f"Step {number}",
        "title_ar": f"الخطوة {number}",
    }
    values.update(fields)
    return PathwayStep.objects.create(**values)


# Page text in more languages, for tests that need a page written in one of
# them. Arabic-script text holds Swedish terms, a phone number and a web
# address, as real pages do.
PAGE_TEXT = {
    "prs": {
        "title": "خانهٔ انتقالی",
        "summary": "آپارتمانی موقت که شاروالی به شما کرایه می‌دهد.",
        "body": (
            "<h2>ثبت نام در Boplats</h2><p>فوراً در Boplats Göteborg ثبت نام کنید: "
            "https://boplats.se یا تلفون 031-733 30 00.</p>"
            "<ul><li>حداکثر چهار سال</li><li>کمک از boendecoachning</li></ul>"
        ),
    },
    "so": {
        "title": "Guri ku meel gaar ah",
        "summary": "Guri ku meel gaar ah oo magaaladu kuu kireyso.",
        "body": (
            "<h2>Is diiwaangeli Boplats</h2><p>Isla markiiba is diiwaangeli "
            "Boplats Göteborg: https://boplats.se ama wac 031-733 30 00.</p>"
        ),
    },
    "uk": {
        "title": "Перехідна квартира",
        "summary": "Тимчасова квартира, яку місто здає вам у суборенду.",
        "body": (
            "<h2>Реєстрація в Boplats</h2><p>Одразу зареєструйтеся в Boplats "
            "Göteborg: https://boplats.se або телефон 031-733 30 00.</p>"
        ),
    },
    "ar": {
        "title": "الشقة الانتقالية (genomgångsbostad)",
        "summary": "شقة مؤقتة تؤجرها لك البلدية من الباطن.",
        "body": (
            "<h2>التسجيل في Boplats</h2><p>سجّل فوراً في Boplats Göteborg على "
            "https://boplats.se أو اتصل على 031-733 30 00.</p>"
            "<ul><li>أربع سنوات كحد أقصى</li><li>العنوان: Första Långgatan 28 B, Göteborg</li></ul>"
        ),
    },
    "ti": {
        "title": "ናይ መሰጋገሪ ገዛ",
        "summary": "ከተማ ብካልኣይ ኢድ እተካርየልካ ግዝያዊ ገዛ።",
        "body": (
            "<h2>ኣብ Boplats ተመዝገቡ</h2><p>ብኡንብኡ ኣብ Boplats Göteborg ተመዝገቡ፡ "
            "https://boplats.se ወይ 031-733 30 00 ደውሉ።</p>"
        ),
    },
}


def make_page_in(*codes, **fields):
    """A published page with its text written in each of ``codes`` (see PAGE_TEXT)."""
    text = {}
    for code in codes:
        text.update({f"{name}_{code}": value for name, value in PAGE_TEXT[code].items()})
    text.update(fields)
    return make_page(**text)


def make_term(**fields):
    number = next(_numbers)
    values = {
        "slug": f"term-{number}",
        "term": f"genomgångsbostad{number}",
        "meaning_en": "transitional flat",
        "meaning_ar": "الشقة الانتقالية",
        "explanation_sv": "En lägenhet som staden hyr ut i andra hand under en begränsad tid.",
        "explanation_en": "A flat the City sublets to you for a limited time.",
        "explanation_ar": "شقة تؤجرها لك البلدية من الباطن لمدة محدودة.",
        "explanation_ti": "ከተማ ንውሱን ግዜ ብካልኣይ ኢድ እተካርየልካ ገዛ።",
    }
    values.update(fields)
    return Term.objects.create(**values)


def make_question(answers=("yes", "no"), **fields):
    """A question with one answer per slug in ``answers``."""
    number = next(_numbers)
    values = {
        "slug": f"question-{number}",
        "order": number,
        "text_sv": f"Fråga {number}?",
        "text_en": f"Question {number}?",
        "text_ar": f"السؤال {number}؟",
    }
    values.update(fields)
    question = Question.objects.create(**values)
    for order, slug in enumerate(answers):
        Answer.objects.create(
            question=question,
            slug=slug,
            order=order,
            label_sv=f"Svar {slug}",
            label_en=f"Answer {slug}",
            label_ar=f"الجواب {slug}",
        )
    return question


def make_rule(conditions=(), pages=(), steps=(), **fields):
    number = next(_numbers)
    values = {
        "slug": f"rule-{number}",
        "name": f"Regel {number}",
        "order": number,
        "note_sv": f"Det här gäller dig ({number}).",
        "note_en": f"This applies to you ({number}).",
        "note_ar": f"هذا ينطبق عليك ({number}).",
    }
    values.update(fields)
    rule = Rule.objects.create(**values)
    rule.conditions.set(conditions)
    rule.pages.set(pages)
    rule.steps.set(steps)
    return rule


def make_feedback(page, **fields):
    values = {"page": page, "language": "ar", "useful": True, "comment": ""}
    values.update(fields)
    return PageFeedback.objects.create(**values)


def make_user(*groups, languages=(), **fields):
    """A staff user in the given role groups (Editor, Translator, Reviewer)."""
    from django.contrib.auth.models import Group, User

    from translation_workflow.models import TranslatorProfile

    number = next(_numbers)
    values = {"username": f"user-{number}", "is_staff": True}
    values.update(fields)
    user = User.objects.create_user(password="pw", **values)
    user.groups.set(Group.objects.filter(name__in=groups))
    if languages:
        TranslatorProfile.objects.create(user=user, languages=list(languages))
    return user


def page_form_data(page, **changes):
    """What the admin's page form posts for ``page`` unchanged, with ``changes`` applied.

    A change of None leaves the field out, as a browser does for an unticked box.
    """
    from django.conf import settings

    from translation_workflow.roles import translation_languages

    data = {
        f"{base}_{code}": getattr(page, f"{base}_{code}") or ""
        for code, _name in settings.LANGUAGES
        for base in Page.TEXT_FIELDS
    }
    data.update(
        slug=page.slug,
        topic=page.topic_id,
        kind=page.kind,
        order=page.order,
        last_reviewed=page.last_reviewed or "",
        review_by=page.review_by or "",
        contact_points=[contact.pk for contact in page.contact_points.all()],
    )
    if page.published:
        data["published"] = "on"
    if page.is_example:
        data["is_example"] = "on"
    for code in translation_languages():
        data[f"translation_state_{code}"] = translation_state(page, code)
        if language_version(page, code).held_back:
            data[f"held_back_{code}"] = "on"
    data.update(keywords_form_data(page))
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def keywords_form_data(page):
    """The page form's search keywords inline (search app), as the admin posts it unchanged."""
    from django.conf import settings

    from search.models import PageKeywords

    prefix = "search_keywords"
    keywords = PageKeywords.objects.filter(page=page).first()
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1" if keywords else "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1",
        f"{prefix}-0-page": str(page.pk),
    }
    if keywords:
        data[f"{prefix}-0-id"] = str(keywords.pk)
        for code, _name in settings.LANGUAGES:
            data[f"{prefix}-0-keywords_{code}"] = getattr(keywords, f"keywords_{code}") or ""
    return data
