"""Small factories for test data, with real right-to-left and Ethiopic text."""

from itertools import count

from housing_info.models import ContactPoint, Page, PathwayStep, Topic

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
    return Page.objects.create(**values)


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
        data[f"translation_state_{code}"] = page.translation_state(code)
        if page.language_version(code).held_back:
            data[f"held_back_{code}"] = "on"
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
