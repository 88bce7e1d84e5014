"""The workflow's admin pages: export, import with problems listed, review."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from lxml import etree

from housing_info.models import Page
from tests.factories import make_page, make_user
from tests.translation_workflow.xliff_files import SORANI, fill_targets
from translation_workflow.revisions import language_name
from translation_workflow.services import save_page_text
from translation_workflow.versions import TranslationState, language_version, translation_state
from translation_workflow.xliff import XLIFF_NAMESPACE, Xliff12File, export_xliff

pytestmark = pytest.mark.django_db

EXPORT = "admin:translation_workflow_export"
IMPORT = "admin:translation_workflow_import"


@pytest.fixture
def editor_client():
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(make_user("Editor"))
    return client


def test_export_of_all_missing_pages_downloads_a_file_and_marks_them_in_translation(
    editor_client,
):
    missing = make_page(title_ps="", body_ps="")
    make_page(title_ps="سرلیک", body_ps="<p>متن</p>")
    response = editor_client.post(reverse(EXPORT), {"language": "ps", "mark_sent": "on"})
    assert response.status_code == 200
    assert 'filename="housing-gothenburg-ps-' in response["Content-Disposition"]
    store = Xliff12File.parsestring(response.content)
    assert {unit.getid().split("\x04")[-1].split("-")[1] for unit in store.units} == {
        str(missing.pk)
    }
    assert translation_state(Page.objects.get(pk=missing.pk), "ps") == (
        TranslationState.IN_TRANSLATION
    )


def test_export_with_nothing_to_translate_says_so(editor_client):
    make_page(title_ps="سرلیک", body_ps="<p>متن</p>")
    response = editor_client.post(reverse(EXPORT), {"language": "ps"}, follow=True)
    with translation.override("sv"):
        expected = translation.gettext("No pages need a translation into %(language)s.")
    assert expected.split("%")[0] in response.content.decode()


def test_a_rejected_import_lists_every_problem_in_the_caseworkers_language(editor_client):
    page = make_page()
    data = (
        b'<?xml version="1.0"?>'
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        b'<file original="x" source-language="sv" target-language="fa" datatype="plaintext">'
        b'<body><trans-unit id="page-0-title"><source>X</source><target>Y</target></trans-unit>'
        b"</body></file></xliff>"
    )
    response = editor_client.post(
        reverse(IMPORT), {"language": "ar", "file": SimpleUploadedFile("ar.xlf", data)}
    )
    assert response.status_code == 400
    content = response.content.decode()
    with translation.override("sv"):
        heading = translation.gettext("The file was not imported. Problems found: %(problems)s") % {
            "problems": 2
        }
        nothing = translation.gettext("Nothing was changed.")
    assert heading in content
    assert nothing.split(".")[0] in content
    assert content.count("<li>") >= 2
    assert Page.objects.get(pk=page.pk).title_ar == page.title_ar


def test_an_oversized_upload_is_refused_before_reading(editor_client, settings):
    settings.TRANSLATION_IMPORT_MAX_BYTES = 10
    response = editor_client.post(
        reverse(IMPORT), {"language": "ar", "file": SimpleUploadedFile("ar.xlf", b"x" * 11)}
    )
    assert response.status_code == 400


def test_the_review_page_shows_both_texts_and_what_changed_in_swedish():
    reviewer = make_user("Reviewer")
    page = make_page()
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=None)
    client = Client()
    client.force_login(reviewer)
    url = reverse("admin:translation_workflow_review", args=[page.pk, "ar"])
    content = client.get(url).content.decode()
    assert page.title_ar in content and 'lang="ar" dir="rtl"' in content
    assert "<del>fyra</del>" in content and "<ins>tre</ins>" in content
    response = client.post(url, {"seen_revision": page.history.first().history_id})
    assert response.status_code == 302
    assert translation_state(Page.objects.get(pk=page.pk), "ar") == TranslationState.UP_TO_DATE


def test_a_review_of_a_page_saved_after_it_was_opened_marks_nothing():
    page = make_page()
    save_page_text(
        page, user=None, swedish_change=None, states_declared={"ar": TranslationState.MACHINE}
    )
    client = Client()
    client.force_login(make_user("Reviewer"))
    url = reverse("admin:translation_workflow_review", args=[page.pk, "ar"])
    assert client.get(url).status_code == 200
    seen = page.history.first().history_id
    # The Swedish changes in meaning while the reviewer reads the old text.
    page = Page.objects.get(pk=page.pk)
    page.body_sv = "<p>Högst två år.</p>"
    save_page_text(page, user=None, swedish_change="meaning")
    response = client.post(url, {"seen_revision": seen})
    assert response.status_code == 302 and response["Location"] == url
    assert translation_state(Page.objects.get(pk=page.pk), "ar") != TranslationState.UP_TO_DATE


def test_the_translator_languages_form_offers_every_language_but_swedish(client):
    admin_user = make_user(is_superuser=True)
    client.force_login(admin_user)
    content = client.get(
        reverse("admin:translation_workflow_translatorprofile_add")
    ).content.decode()
    assert 'value="ti"' in content and 'value="sv"' not in content


def sv(message, **values):
    with translation.override("sv"):
        text = translation.gettext(message)
    return text % values if values else text


def test_the_import_form_offers_the_safer_choice_for_translated_texts_first(editor_client):
    content = editor_client.get(reverse(IMPORT)).content.decode()
    assert sv("Texts the file marks as translated, but not signed off") in content
    review = re.search(r'<input[^>]*name="translated_units"[^>]*value="review"[^>]*>', content)
    assert review and "checked" in review.group(0)


def test_the_import_report_says_in_swedish_what_became_of_each_page(editor_client):
    finished, held, unfinished = make_page(), make_page(), make_page()
    texts = {**SORANI}
    data = export_xliff([finished, held, unfinished], "ckb")
    data = fill_targets(data, texts, state="final")
    # The second page comes back "translated", the third still needs translation.
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF_NAMESPACE}}}trans-unit"):
        page_pk = int(unit.get("id").split("-")[1])
        target = unit.find(f"{{{XLIFF_NAMESPACE}}}target")
        if page_pk == held.pk:
            target.set("state", "translated")
        elif page_pk == unfinished.pk and unit.get("id").endswith("-body"):
            target.set("state", "needs-translation")
    upload = SimpleUploadedFile("ckb.xlf", etree.tostring(root))
    response = editor_client.post(
        reverse(IMPORT),
        {"language": "ckb", "file": upload, "translated_units": "review"},
        follow=True,
    )
    content = response.content.decode()
    up_to_date = sv("Up to date")
    assert f"2 sidor importerades till {language_name('ckb')}." in content
    assert sv("“%(page)s”: %(state)s.", page=finished.title_sv, state=up_to_date) in content
    assert (
        sv(
            "“%(page)s”: %(state)s, held back until a reviewer has checked it.",
            page=held.title_sv,
            state=up_to_date,
        )
        in content
    )
    assert sv("Missing") in content and unfinished.title_sv in content
    assert "needs-translation" in content
    assert translation_state(Page.objects.get(pk=unfinished.pk), "ckb") == TranslationState.MISSING
    assert language_version(Page.objects.get(pk=held.pk), "ckb").held_back
