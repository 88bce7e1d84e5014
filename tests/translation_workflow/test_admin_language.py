"""The admin speaks the caseworker's language everywhere they look (Swedish here).

Third-party apps' labels (django-axes, django-otp), the editor's catalogue, roles
and permissions, language names on the tabs, read-only fields that say so,
unique element ids, plurals, XML errors in our words, staff notices in the
staff member's language, and an export that changes nothing unless asked.
"""

import json
from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from lxml import html

from housing_info.models import Page
from tests.factories import make_page, make_user
from tests.translation_workflow.xliff_files import SORANI, fill_targets
from translation_workflow.revisions import language_name
from translation_workflow.roles import all_languages
from translation_workflow.states import set_held_back
from translation_workflow.versions import TranslationState, translation_state
from translation_workflow.xliff import export_xliff

pytestmark = pytest.mark.django_db

OVERVIEW = "admin:translation_workflow_translationoverview_changelist"
EXPORT = "admin:translation_workflow_export"
IMPORT = "admin:translation_workflow_import"

# English that caseworkers saw in the Swedish admin, from django-axes, django-otp,
# Django's permission names, the roles' data migration and lxml.
ENGLISH = (
    "Axes",
    "Otp_Totp",
    "Otp_Static",
    "Access attempts",
    "Access logs",
    "Access failures",
    "TOTP devices",
    "Static devices",
    "Identity",
    "Timestamps",
    "Throttling",
    "The human-readable name of this device.",
    "Can add ",
    "Can change ",
    "Can view ",
    ">Editor<",
    ">Translator<",
    ">Reviewer<",
    "not well-formed XML (line",
    "Opening and ending tag mismatch",
    "The import into",
    " pages were imported",
    "Mark missing versions",
    "Read-only:",
)


def sv(message, **values):
    with translation.override("sv"):
        text = translation.gettext(message)
    return text % values if values else text


def english_in(content):
    return [text for text in ENGLISH if text in content]


def element_ids(content):
    return [element.get("id") for element in html.fromstring(content).iter() if element.get("id")]


@pytest.fixture
def caseworker():
    """A superuser whose browser asks for Swedish: sees every admin page."""
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(User.objects.create_superuser("caseworker", password="pw"))
    return client


@pytest.fixture
def page():
    return make_page(title_ar="عنوان", summary_ar="ملخص", body_ar="<p>نص</p>")


def test_the_admin_pages_a_caseworker_walks_hold_no_english_labels(caseworker, page):
    broken = SimpleUploadedFile("ckb.xlf", b'<?xml version="1.0"?>\n<xliff version="1.2">\n<a></b>')
    pages = [
        reverse("admin:index"),
        reverse("admin:housing_info_page_change", args=[page.pk]),
        reverse(OVERVIEW),
        reverse(EXPORT),
        reverse(IMPORT),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_user_change", args=[make_user("Editor").pk]),
        reverse("admin:otp_totp_totpdevice_add"),
        reverse("admin:otp_static_staticdevice_add"),
        reverse("admin:axes_accessattempt_changelist"),
    ]
    for url in pages:
        content = caseworker.get(url).content.decode()
        assert english_in(content) == [], url
    report = caseworker.post(reverse(IMPORT), {"language": "ckb", "file": broken})
    assert report.status_code == 400
    assert english_in(report.content.decode()) == []


def test_the_security_apps_and_roles_are_named_in_swedish(caseworker):
    index = caseworker.get(reverse("admin:index")).content.decode()
    for name in ("Inloggningsförsök och spärrar", "Engångslösenord: autentiseringsappar"):
        assert name in index
    assert "Autentiseringsappar (TOTP)" in index
    user_form = caseworker.get(
        reverse("admin:auth_user_change", args=[make_user("Editor").pk])
    ).content.decode()
    assert ">Redaktör<" in user_form and ">Översättare<" in user_form
    assert "Bostadsinformation | sida | Kan ändra sida" in user_form
    assert sv("Can publish and unpublish pages") in user_form
    groups = caseworker.get(reverse("admin:auth_group_changelist")).content.decode()
    assert "Granskare" in groups


def test_the_page_editor_catalogue_gives_its_toolbar_and_dialogs_in_swedish(caseworker):
    catalogue = caseworker.get(reverse("admin:jsi18n")).content.decode()
    # The editor's own dialog labels, and the toolbar labels editor_labels.js asks for.
    for english, swedish in (
        ("Open in new window", "Öppna i nytt fönster"),
        ("bold", "fetstil"),
        ("Heading %s", "Rubrik %s"),
    ):
        assert json.dumps(english) in catalogue and json.dumps(swedish) in catalogue
    form = caseworker.get(reverse("admin:housing_info_page_add")).content.decode()
    assert "translation_workflow/editor_labels.js" in form


def test_language_tabs_get_the_portals_language_names(caseworker, page):
    content = caseworker.get(
        reverse("admin:housing_info_page_change", args=[page.pk])
    ).content.decode()
    data = html.fromstring(content).get_element_by_id("admin-language-names")
    names = json.loads(data.text)
    with translation.override("sv"):
        expected = {code: language_name(code) for code in all_languages()}
    assert names == expected
    assert names["prs"] == "dari" and names["ckb"] == "kurdiska (sorani)"
    assert "translation_workflow/admin_languages.js" in content


def test_a_translators_other_languages_are_read_only_and_marked_so(page):
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(make_user("Translator", languages=["ar"]))
    content = client.get(reverse("admin:housing_info_page_change", args=[page.pk])).content
    document = html.fromstring(content)

    def field(name):
        (element,) = document.xpath(f"//*[@name='{name}']")
        return element

    for name in ("title_fa", "body_sv", "summary_en"):
        element = field(name)
        assert element.get("disabled") is not None, name
        assert element.get("readonly") is not None and element.get("aria-readonly") == "true"
        assert "read-only-field" in element.get("class")
    for name in ("title_ar", "body_ar", "translation_state_ar"):
        element = field(name)
        assert element.get("disabled") is None and "read-only-field" not in (
            element.get("class") or ""
        )
    assert content.decode().count(sv("Read-only: you may not change this.")) >= 3


@pytest.mark.parametrize(
    "url",
    [
        reverse(OVERVIEW),
        reverse(EXPORT),
        reverse(IMPORT),
    ],
)
def test_element_ids_are_unique(caseworker, page, url):
    ids = element_ids(caseworker.get(url).content)
    assert [id_ for id_, count in Counter(ids).items() if count > 1] == []


def test_the_overviews_two_language_selects_have_ids_of_their_own(caseworker, page):
    document = html.fromstring(caseworker.get(reverse(OVERVIEW)).content)
    selects = document.xpath("//select[@name='language']")
    assert len(selects) == 2
    assert len({select.get("id") for select in selects}) == 2
    for select in selects:
        (label,) = document.xpath(f"//label[@for='{select.get('id')}']")
        assert label.text_content().strip()


@pytest.mark.parametrize(
    ("count", "swedish", "english"),
    [
        (1, "1 sida importerades till", "1 page was imported into"),
        (2, "2 sidor importerades till", "2 pages were imported into"),
    ],
)
def test_the_import_summary_counts_pages_with_the_right_plural(count, swedish, english):
    for language, expected in (("sv", swedish), ("en", english)):
        # Fresh pages each time: an import refuses units changed since their export.
        pages = [make_page() for _ in range(count)]
        data = fill_targets(export_xliff(pages, "ckb"), SORANI, state="final")
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(make_user("Editor"))
        upload = SimpleUploadedFile("ckb.xlf", data)
        response = client.post(
            reverse(IMPORT),
            {"language": "ckb", "file": upload, "translated_units": "review"},
            follow=True,
        )
        assert expected in response.content.decode()
        if language == "sv":
            assert english_in(response.content.decode()) == []


@pytest.mark.parametrize(
    ("data", "where", "reason"),
    [
        (
            b'<?xml version="1.0"?>\n<xliff version="1.2">\n  <a></b>',
            "rad 3, kolumn 10",
            "fel sluttagg",
        ),
        (b'<xliff version="1.2"><note>R&D</note>', "rad 1, kolumn 31", "”&amp;”"),
        (b"<xliff/><xliff/>", "rad 1, kolumn 9", "efter dokumentets slut"),
    ],
)
def test_an_xml_error_is_reported_in_our_swedish_words_with_line_and_column(
    caseworker, data, where, reason
):
    response = caseworker.post(
        reverse(IMPORT), {"language": "ckb", "file": SimpleUploadedFile("ckb.xlf", data)}
    )
    content = response.content.decode()
    assert f"Filen är inte välformad XML: {where}: " in content
    assert reason in content


def test_export_by_default_changes_no_state(caseworker):
    missing = make_page(title_ps="", body_ps="")
    overview = html.fromstring(caseworker.get(reverse(OVERVIEW)).content)
    (mark_sent,) = overview.xpath("//input[@name='mark_sent']")
    assert mark_sent.get("checked") is None
    export_form = html.fromstring(caseworker.get(reverse(EXPORT)).content)
    assert export_form.xpath("//input[@name='mark_sent']")[0].get("checked") is None
    # As the form sends it without the box ticked.
    response = caseworker.post(reverse(EXPORT), {"language": "ps"})
    assert response.status_code == 200
    assert translation_state(Page.objects.get(pk=missing.pk), "ps") == TranslationState.MISSING


def test_the_held_back_preview_notice_speaks_the_staff_members_language(caseworker):
    page = make_page(title_ar="عنوان", summary_ar="ملخص", body_ar="<p>نص</p>")
    set_held_back(page, "ar", True)
    page.save()
    content = caseworker.get(f"/ar/{page.slug}/").content
    (notice,) = html.fromstring(content).find_class("notice--preview")
    assert notice.get("lang") == "sv" and notice.get("dir") == "ltr"
    assert notice.text_content() == sv(
        "Preview: this language version is held back until it is reviewed. Visitors reading "
        "in this language see another language instead."
    )
