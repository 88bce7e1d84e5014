"""Every role against every admin action, including crafted requests.

Roles: Editor, Translator (assigned Arabic only), Reviewer, and staff without a role.
Each action reports whether it took effect; the matrix says whether it should.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from housing_info.models import Page
from tests.factories import make_page, make_user, page_form_data
from tests.translation_workflow.xliff_files import fill_targets
from translation_workflow.roles import editable_languages, exchange_languages
from translation_workflow.services import save_page_text
from translation_workflow.versions import TranslationState, translation_state
from translation_workflow.xliff import export_xliff

pytestmark = pytest.mark.django_db

ROLES = {
    "editor": {"groups": ["Editor"]},
    "translator": {"groups": ["Translator"], "languages": ["ar"]},
    "reviewer": {"groups": ["Reviewer"]},
    "staff": {"groups": []},
}


def change_url(page):
    return reverse("admin:housing_info_page_change", args=[page.pk])


def post_change(client, page, **changes):
    client.post(change_url(page), page_form_data(page, swedish_change="typo", **changes))
    return Page.objects.get(pk=page.pk)


def can_open_page_list(client, page):
    return client.get(reverse("admin:housing_info_page_changelist")).status_code == 200


def can_open_change_form(client, page):
    return client.get(change_url(page)).status_code == 200


def can_add_page(client, page):
    data = page_form_data(page, slug="new-page", title_sv="Ny sida")
    client.post(reverse("admin:housing_info_page_add"), data)
    return Page.objects.filter(slug="new-page").exists()


def can_change_swedish(client, page):
    return post_change(client, page, title_sv="Ändrad rubrik").title_sv == "Ändrad rubrik"


def can_change_arabic(client, page):
    return post_change(client, page, title_ar="عنوان جديد").title_ar == "عنوان جديد"


def can_change_english_by_crafted_post(client, page):
    return post_change(client, page, title_en="Changed title").title_en == "Changed title"


def can_change_page_settings(client, page):
    return post_change(client, page, order=42).order == 42


def can_unpublish(client, page):
    return not post_change(client, page, published=None).published


def can_set_arabic_state(client, page):
    changed = post_change(client, page, translation_state_ar=TranslationState.MACHINE)
    return translation_state(changed, "ar") == TranslationState.MACHINE


def can_delete_page(client, page):
    client.post(reverse("admin:housing_info_page_delete", args=[page.pk]), {"post": "yes"})
    return not Page.objects.filter(pk=page.pk).exists()


def can_view_history(client, page):
    return client.get(reverse("admin:housing_info_page_history", args=[page.pk])).status_code == 200


def can_restore(client, page):
    first = page.history.last()
    Page.objects.filter(pk=page.pk).update(title_sv="Senare rubrik")
    client.post(
        reverse("admin:housing_info_page_restore", args=[page.pk, first.pk]),
        {
            "languages": ["sv"],
            "swedish_change": "typo",
            "seen_revision": page.history.first().history_id,
        },
    )
    return Page.objects.get(pk=page.pk).title_sv == first.title_sv


def can_open_overview(client, page):
    return (
        client.get(reverse("admin:translation_workflow_translationoverview_changelist")).status_code
        == 200
    )


def can_export_arabic(client, page):
    response = client.post(
        reverse("admin:translation_workflow_export") + f"?pages={page.pk}", {"language": "ar"}
    )
    return response.status_code == 200 and response.get("Content-Disposition", "").startswith(
        "attachment"
    )


def can_import_arabic(client, page):
    texts = {"title": "ترجمة", "summary": "ملخص", "body": '<g id="1">ترجمة</g>'}
    upload = _upload(fill_targets(export_xliff([page], "ar"), texts))
    client.post(reverse("admin:translation_workflow_import"), {"language": "ar", "file": upload})
    return Page.objects.get(pk=page.pk).title_ar == "ترجمة"


def can_mark_reviewed(client, page):
    save_page_text(
        page, user=None, swedish_change=None, states_declared={"ar": TranslationState.MACHINE}
    )
    client.post(
        reverse("admin:translation_workflow_review", args=[page.pk, "ar"]),
        {"seen_revision": page.history.first().history_id},
    )
    return translation_state(Page.objects.get(pk=page.pk), "ar") == TranslationState.UP_TO_DATE


def can_assign_translator_languages(client, page):
    url = reverse("admin:translation_workflow_translatorprofile_changelist")
    return client.get(url).status_code == 200


def _upload(data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("ar.xlf", data, content_type="application/x-xliff+xml")


ACTIONS = {
    can_open_page_list: {"editor", "translator", "reviewer"},
    can_open_change_form: {"editor", "translator", "reviewer"},
    can_add_page: {"editor"},
    can_change_swedish: {"editor"},
    can_change_arabic: {"editor", "translator"},
    can_change_english_by_crafted_post: {"editor"},
    can_change_page_settings: {"editor"},
    can_unpublish: {"editor"},
    can_set_arabic_state: {"editor", "translator"},
    can_delete_page: {"editor"},
    can_view_history: {"editor", "translator", "reviewer"},
    can_restore: {"editor"},
    can_open_overview: {"editor", "translator", "reviewer"},
    can_export_arabic: {"editor", "translator"},
    can_import_arabic: {"editor", "translator"},
    can_mark_reviewed: {"reviewer"},
    can_assign_translator_languages: set(),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
def test_role_matrix(role, action):
    user = make_user(*ROLES[role]["groups"], languages=ROLES[role].get("languages", ()))
    client = Client()
    client.force_login(user)
    page = make_page()
    assert action(client, page) == (role in ACTIONS[action])


def test_the_roles_are_groups_created_by_the_data_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editor", "Translator", "Reviewer"}
    editor = Group.objects.get(name="Editor").permissions.values_list("codename", flat=True)
    assert {"edit_source_text", "publish_page", "exchange_xliff"} <= set(editor)
    reviewer = Group.objects.get(name="Reviewer").permissions.values_list("codename", flat=True)
    assert "review_translation" in reviewer and "change_page" not in reviewer


def test_a_translator_edits_only_the_assigned_languages():
    translator = make_user("Translator", languages=["ar", "ps"])
    assert editable_languages(translator) == {"ar", "ps"}
    assert exchange_languages(translator) == {"ar", "ps"}
    editor = make_user("Editor")
    assert "sv" in editable_languages(editor) and "sv" not in exchange_languages(editor)
    assert editable_languages(make_user("Reviewer")) == frozenset()
