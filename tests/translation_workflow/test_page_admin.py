"""The page admin's translation workflow: the form, right-to-left, roles, history views."""

import re

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from housing_info.models import Page
from tests.factories import make_page, make_user, page_form_data
from translation_workflow.page_admin import PageAdmin
from translation_workflow.page_form import language_of
from translation_workflow.versions import TranslationState, language_version, translation_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(make_user("Editor"))
    return client


def change_url(page):
    return reverse("admin:housing_info_page_change", args=[page.pk])


def field_tag(content, name):
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', content)
    assert match, f"no field {name}"
    return match.group(0)


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("ar", "rtl"),
        ("prs", "rtl"),
        ("fa", "rtl"),
        ("ps", "rtl"),
        ("ckb", "rtl"),
        ("ti", "ltr"),
        ("sv", "ltr"),
    ],
)
def test_text_fields_and_the_editor_have_the_direction_of_their_language(
    editor_client, code, direction
):
    content = editor_client.get(change_url(make_page())).content.decode()
    for name in (f"title_{code}", f"body_{code}", f"summary_{code}"):
        tag = field_tag(content, name)
        assert f'dir="{direction}"' in tag and f'lang="{code}"' in tag


def test_a_swedish_change_to_a_published_page_needs_an_answer_about_its_meaning(editor_client):
    page = make_page()
    data = page_form_data(page, title_sv="Ny rubrik")
    response = editor_client.post(change_url(page), data)
    assert response.status_code == 200
    assert Page.objects.get(pk=page.pk).title_sv == page.title_sv
    response = editor_client.post(change_url(page), {**data, "swedish_change": "typo"})
    assert response.status_code == 302
    assert translation_state(Page.objects.get(pk=page.pk), "en") == TranslationState.UP_TO_DATE


def test_answering_meaning_outdates_the_translations(editor_client):
    page = make_page()
    data = page_form_data(page, body_sv="<p>Högst tre år.</p>", swedish_change="meaning")
    assert editor_client.post(change_url(page), data).status_code == 302
    assert translation_state(Page.objects.get(pk=page.pk), "ar") == TranslationState.OUTDATED


def test_a_draft_needs_no_answer(editor_client):
    page = make_page(published=False)
    response = editor_client.post(change_url(page), page_form_data(page, title_sv="Utkast"))
    assert response.status_code == 302


def test_a_translator_declares_an_updated_translation_up_to_date(client):
    translator = make_user("Translator", languages=["ar"])
    page = make_page()
    page.body_sv = "<p>Högst tre år.</p>"
    page.save()
    page = Page.objects.get(pk=page.pk)
    client.force_login(translator)
    data = page_form_data(
        page, body_ar="<p>لمدة أقصاها ثلاث سنوات.</p>", translation_state_ar="up_to_date"
    )
    assert client.post(change_url(page), data).status_code == 302
    page.refresh_from_db()
    assert translation_state(page, "ar") == TranslationState.UP_TO_DATE
    assert language_version(page, "ar").source_revision == page.source_revision


def test_a_state_that_contradicts_the_text_is_refused(editor_client):
    page = make_page(title_so="", body_so="")
    response = editor_client.post(
        change_url(page), page_form_data(page, translation_state_so="up_to_date")
    )
    assert response.status_code == 200
    assert translation_state(Page.objects.get(pk=page.pk), "so") == TranslationState.MISSING


def test_holding_back_a_version_in_the_form(editor_client):
    page = make_page()
    editor_client.post(change_url(page), page_form_data(page, held_back_ar="on"))
    assert not Page.objects.get(pk=page.pk).is_translated_into("ar")


def test_a_translator_sees_other_languages_disabled_and_own_language_editable(client):
    client.force_login(make_user("Translator", languages=["ar"]))
    content = client.get(change_url(make_page())).content.decode()
    assert "disabled" in field_tag(content, "title_sv")
    assert "disabled" in field_tag(content, "title_en")
    assert "disabled" not in field_tag(content, "title_ar")
    assert 'name="swedish_change"' not in content


def test_a_crafted_change_beyond_the_users_rights_is_refused_server_side():
    translator = make_user("Translator", languages=["ar"])
    page = make_page()
    page.title_en = "Crafted"
    with pytest.raises(PermissionDenied):
        PageAdmin(Page, admin.site).refuse_changes_beyond_rights(translator, page)
    page.title_en = Page.objects.get(pk=page.pk).title_en
    page.title_ar = "مقبول"
    PageAdmin(Page, admin.site).refuse_changes_beyond_rights(translator, page)


def test_each_request_gets_a_form_with_its_own_users_languages(rf):
    """The admin's form classes are made per request: one user's languages never
    stay on the form another user gets."""
    page_admin = PageAdmin(Page, admin.site)
    forms = {}
    for user in (make_user("Translator", languages=["ar"]), make_user("Editor")):
        request = rf.get("/admin/")
        request.user = user
        forms[user.username] = page_admin.get_form(request, make_page(), change=True)
    translator_form, editor_form = forms.values()
    assert translator_form is not editor_form
    assert translator_form.editable_languages == {"ar"}
    assert "sv" in editor_form.editable_languages


def test_language_of_a_field():
    assert language_of("next_steps_prs") == "prs"
    assert language_of("body_ckb") == "ckb"
    assert language_of("slug") is None


def test_history_lists_what_changed_and_compares_revisions(editor_client):
    page = make_page()
    editor_client.post(
        change_url(page),
        page_form_data(page, title_sv="Ny rubrik", title_ar="عنوان جديد", swedish_change="meaning"),
    )
    history = editor_client.get(reverse("admin:housing_info_page_history", args=[page.pk]))
    content = history.content.decode()
    assert "arabiska" in content.lower() and "svenska" in content.lower()
    new, old = page.history.all()[:2]
    compare = editor_client.get(
        reverse("admin:housing_info_page_compare", args=[page.pk, old.pk, new.pk])
    ).content.decode()
    assert "<ins>rubrik</ins>" in compare or "<ins>Ny" in compare
    assert "<del>" in compare


def test_restoring_through_the_admin_is_confirmed_then_a_revision(editor_client):
    page = make_page()
    first = page.history.last()
    editor_client.post(
        change_url(page), page_form_data(page, title_sv="Ny rubrik", swedish_change="typo")
    )
    url = reverse("admin:housing_info_page_restore", args=[page.pk, first.pk])
    # Opening it only shows what would change.
    assert editor_client.get(url).status_code == 200
    assert Page.objects.get(pk=page.pk).title_sv == "Ny rubrik"
    # Choosing no language restores nothing.
    assert editor_client.post(url).status_code == 200
    assert Page.objects.get(pk=page.pk).title_sv == "Ny rubrik"
    latest = page.history.first().history_id
    response = editor_client.post(
        url, {"languages": ["sv"], "swedish_change": "typo", "seen_revision": latest}
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).title_sv == first.title_sv
    assert page.history.first().history_change_reason == f"restored {first.pk} sv"


def test_simple_historys_own_revert_is_closed(editor_client):
    page = make_page()
    url = reverse("admin:housing_info_page_simple_history", args=[page.pk, page.history.first().pk])
    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, page_form_data(page)).status_code == 405


def test_a_translator_sees_a_revision_with_the_address_they_may_not_change():
    page = make_page(slug="sublet")
    client = Client()
    client.force_login(make_user("Translator", languages=["ar"]))
    url = reverse("admin:housing_info_page_simple_history", args=[page.pk, page.history.first().pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="slug"' not in response.content.decode()
    assert "sublet" in response.content.decode()


def test_the_export_action_leads_to_the_export_form(editor_client):
    first, second = make_page(), make_page()
    response = editor_client.post(
        reverse("admin:housing_info_page_changelist"),
        {"action": "export_for_translation", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert f"pages={first.pk}%2C{second.pk}" in response["Location"] or (
        f"pages={second.pk}%2C{first.pk}" in response["Location"]
    )


def test_a_restore_confirmed_after_a_colleagues_save_is_shown_again_not_carried_out(
    editor_client,
):
    page = make_page()
    first = page.history.last()
    editor_client.post(
        change_url(page), page_form_data(page, title_sv="Ny rubrik", swedish_change="typo")
    )
    url = reverse("admin:housing_info_page_restore", args=[page.pk, first.pk])
    seen = page.history.first().history_id
    # A colleague saves a Somali title while the confirmation is open.
    editor_client.post(
        change_url(page),
        page_form_data(Page.objects.get(pk=page.pk), title_so="Cinwaan cusub"),
    )
    response = editor_client.post(
        url, {"languages": ["sv", "so"], "swedish_change": "typo", "seen_revision": seen}
    )
    assert response.status_code == 200
    assert "Någon annan sparade" in response.content.decode()
    stored = Page.objects.get(pk=page.pk)
    assert (stored.title_sv, stored.title_so) == ("Ny rubrik", "Cinwaan cusub")
    # Confirmed again with what is stored now, it restores.
    latest = page.history.first().history_id
    assert latest != seen
    response = editor_client.post(
        url, {"languages": ["sv"], "swedish_change": "typo", "seen_revision": latest}
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).title_sv == first.title_sv
