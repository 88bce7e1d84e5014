"""No lost update: every admin form that edits texts refuses to save over a newer version."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from housing_info.models import Page
from portal.concurrent_edits import VERSION_FIELD, comparable, put_in_data
from tests.factories import (
    make_contact_point,
    make_page,
    make_pathway_step,
    make_question,
    make_rule,
    make_term,
    make_topic,
    make_user,
)
from translation_workflow.versions import TranslationState, translation_state

pytestmark = pytest.mark.django_db

# (admin url name, factory, a translated text field to change in the form).
ADMINS = {
    "topic": ("housing_info_topic", make_topic, "title"),
    "contactpoint": ("housing_info_contactpoint", make_contact_point, "name"),
    "page": ("housing_info_page", make_page, "title"),
    "pathwaystep": ("housing_info_pathwaystep", make_pathway_step, "title"),
    "question": ("smart_answers_question", make_question, "text"),
    "rule": ("smart_answers_rule", make_rule, "note"),
    "term": ("glossary_term", make_term, "meaning"),
}


def change_url(url_name, obj):
    return reverse(f"admin:{url_name}_change", args=[obj.pk])


def form_data(response):
    """What the browser would post back from an admin change form, unchanged."""
    data = {}
    form = response.context["adminform"].form
    for bound in form:
        if not bound.field.disabled:
            put_in_data(data, bound.html_name, bound.field, bound.value())
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        for inline_form in formset.forms:
            for bound in inline_form:
                put_in_data(data, bound.html_name, bound.field, bound.value())
    # put_in_data leaves unticked boxes out and lists as they are, as a browser posts.
    return {key: "" if value is None else value for key, value in data.items()}


def saved_by_someone_else(obj, **values):
    stored = type(obj).objects.get(pk=obj.pk)
    for name, value in values.items():
        setattr(stored, name, value)
    stored.save()


@pytest.mark.parametrize("admin_name", ADMINS)
def test_a_stale_form_is_refused_and_shows_the_change_made_meanwhile(staff_client, admin_name):
    url_name, factory, text = ADMINS[admin_name]
    obj = factory(**{f"{text}_so": "Qoraalkii hore"})
    url = change_url(url_name, obj)
    data = form_data(staff_client.get(url))
    assert data[VERSION_FIELD]

    saved_by_someone_else(obj, **{f"{text}_so": "Qoraal cusub"})
    response = staff_client.post(url, {**data, f"{text}_sv": "Min ändring", "_save": "1"})

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="changed-meanwhile"' in content
    # In the caseworker's language (Swedish).
    assert "Det här har ändrats sedan du öppnade formuläret" in content
    assert "Ändrat av någon annan: formuläret visar det sparade värdet" in content
    assert "Qoraalkii hore" in content and "Qoraal cusub" in content and "Min ändring" in content
    stored = type(obj).objects.get(pk=obj.pk)
    assert getattr(stored, f"{text}_sv") != "Min ändring"
    assert getattr(stored, f"{text}_so") == "Qoraal cusub"
    # The form shows the stored Somali text and keeps the caseworker's own change.
    merged = response.context["adminform"].form
    assert merged[f"{text}_so"].value() == "Qoraal cusub"
    assert merged[f"{text}_sv"].value() == "Min ändring"


@pytest.mark.parametrize("admin_name", ADMINS)
def test_saving_the_merged_form_keeps_both_changes(staff_client, admin_name):
    url_name, factory, text = ADMINS[admin_name]
    obj = factory()
    url = change_url(url_name, obj)
    data = form_data(staff_client.get(url))
    saved_by_someone_else(obj, **{f"{text}_so": "Qoraal cusub"})
    refused = staff_client.post(url, {**data, f"{text}_sv": "Min ändring", "_save": "1"})
    assert refused.status_code == 200

    again = form_data(refused)
    if admin_name == "page":
        again["swedish_change"] = "typo"
    response = staff_client.post(url, {**again, "_save": "1"})

    assert response.status_code == 302, response.content.decode()[:2000]
    stored = type(obj).objects.get(pk=obj.pk)
    assert getattr(stored, f"{text}_sv") == "Min ändring"
    assert getattr(stored, f"{text}_so") == "Qoraal cusub"


@pytest.mark.parametrize("admin_name", ADMINS)
def test_a_fresh_form_saves(staff_client, admin_name):
    url_name, factory, text = ADMINS[admin_name]
    obj = factory()
    url = change_url(url_name, obj)
    data = form_data(staff_client.get(url))
    changes = {f"{text}_sv": "Min ändring", "_save": "1"}
    if admin_name == "page":
        changes["swedish_change"] = "typo"
    response = staff_client.post(url, {**data, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert getattr(type(obj).objects.get(pk=obj.pk), f"{text}_sv") == "Min ändring"


def test_a_forged_version_is_refused(staff_client):
    page = make_page()
    url = change_url("housing_info_page", page)
    data = form_data(staff_client.get(url))
    response = staff_client.post(
        url, {**data, VERSION_FIELD: "forged", "title_sv": "Ändrad", "swedish_change": "typo"}
    )
    assert response.status_code == 200
    assert Page.objects.get(pk=page.pk).title_sv == page.title_sv


def test_a_change_both_made_lists_the_caseworkers_text_beside_the_stored_one(staff_client):
    page = make_page()
    url = change_url("housing_info_page", page)
    data = form_data(staff_client.get(url))
    saved_by_someone_else(page, title_en="Their English title")
    response = staff_client.post(url, {**data, "title_en": "My English title", "_save": "1"})
    rows = response.context["adminform"].form.meanwhile
    [row] = [row for row in rows if row["name"] == "title_en"]
    assert row["both"] and row["yours"] == "My English title"
    assert row["now"] == "Their English title"
    assert row["label"] == "Rubrik (engelska)"
    assert response.context["adminform"].form["title_en"].value() == "Their English title"


def test_a_somali_title_saved_meanwhile_survives_an_editors_typo_fix():
    """The scenario of issue 12: translator, then editor from an older form."""
    page = make_page(title_so="Guri ku meel gaar ah", body_so="<p>Qandaraas labaad.</p>")
    editor = Client()
    editor.force_login(make_user("Editor"))
    translator = Client()
    translator.force_login(make_user("Translator", languages=["so"]))
    url = change_url("housing_info_page", page)
    editors_form = form_data(editor.get(url))

    translators_form = form_data(translator.get(url))
    translators_form["title_so"] = "Guriga ku-meel-gaarka ah"
    assert translator.post(url, translators_form).status_code == 302

    typo_fix = {**editors_form, "title_sv": "Genomgångsbostad (rättad)", "swedish_change": "typo"}
    refused = editor.post(url, typo_fix)
    assert refused.status_code == 200
    assert "Guriga ku-meel-gaarka ah" in refused.content.decode()
    assert Page.objects.get(pk=page.pk).title_sv == page.title_sv

    merged = {**form_data(refused), "swedish_change": "typo"}
    assert editor.post(url, merged).status_code == 302

    page.refresh_from_db()
    assert page.title_so == "Guriga ku-meel-gaarka ah"
    assert page.title_sv == "Genomgångsbostad (rättad)"
    assert translation_state(page, "so") == TranslationState.UP_TO_DATE
    # History is honest: the editor's revision changed the Swedish title only.
    editors, translators = page.history.all()[:2]
    assert translators.title_so == "Guriga ku-meel-gaarka ah"
    assert editors.title_so == "Guriga ku-meel-gaarka ah"
    changed = {change.field for change in editors.diff_against(translators).changes}
    assert "title_sv" in changed
    assert not [name for name in changed if name.endswith("_so")]
    assert "typo" in (editors.history_change_reason or "")


def test_snapshot_values_compare_as_stored():
    assert comparable(3) == comparable("3")
    assert comparable(None) == comparable("")
    assert comparable("a\r\nb") == comparable("a\nb")
    assert comparable([2, 1]) == ["1", "2"]


@pytest.mark.postgres
def test_a_save_waits_for_a_save_in_progress_and_is_then_refused(transactional_db):
    """The row lock: without it the editor's check would read the row before the
    translator's save commits, pass, and then overwrite it."""
    page = make_page(title_so="Guri ku meel gaar ah", body_so="<p>Qandaraas labaad.</p>")
    editor = Client()
    editor.force_login(make_user(is_superuser=True))
    url = change_url("housing_info_page", page)
    editors_form = form_data(editor.get(url))
    locked, release = threading.Event(), threading.Event()

    def translator_saves():
        try:
            with transaction.atomic():
                stored = Page.objects.select_for_update().get(pk=page.pk)
                locked.set()
                release.wait(10)
                stored.title_so = "Guriga ku-meel-gaarka ah"
                stored.save()
        finally:
            connection.close()

    translator = threading.Thread(target=translator_saves)
    translator.start()
    assert locked.wait(10)
    threading.Timer(0.5, release.set).start()
    response = editor.post(url, {**editors_form, "title_sv": "Rättad", "swedish_change": "typo"})
    translator.join(10)

    assert response.status_code == 200
    assert 'id="changed-meanwhile"' in response.content.decode()
    stored = Page.objects.get(pk=page.pk)
    assert stored.title_so == "Guriga ku-meel-gaarka ah"
    assert stored.title_sv == page.title_sv


def test_a_question_form_is_refused_when_an_answer_changed_meanwhile(staff_client):
    question = make_question(answers=("yes", "no"))
    url = change_url("smart_answers_question", question)
    data = form_data(staff_client.get(url))
    answer = question.answers.get(slug="yes")
    answer.label_so = "Haa"
    answer.save()

    response = staff_client.post(url, {**data, "text_sv": "Ny fråga?", "_save": "1"})

    assert response.status_code == 200
    [row] = [row for row in response.context["adminform"].form.meanwhile if row.get("inline")]
    assert "Haa" in row["now"] and "Haa" not in row["opened"]
    assert "formuläret nedan behåller dina värden" in response.content.decode()
    question.refresh_from_db()
    assert question.text_sv != "Ny fråga?"
    again = form_data(response)
    assert staff_client.post(url, {**again, "_save": "1"}).status_code == 302


def test_a_translators_form_lists_a_swedish_change_they_cannot_edit():
    page = make_page(title_so="Guri ku meel gaar ah", body_so="<p>Qandaraas labaad.</p>")
    translator = Client()
    translator.force_login(make_user("Translator", languages=["so"]))
    url = change_url("housing_info_page", page)
    data = form_data(translator.get(url))
    saved_by_someone_else(page, summary_sv="En ny sammanfattning.")

    response = translator.post(url, {**data, "title_so": "Guriga ku-meel-gaarka ah"})

    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["adminform"].form.meanwhile}
    assert rows["summary_sv"]["now"] == "En ny sammanfattning."
    assert not rows["summary_sv"]["you_changed"]
    assert rows["title_so"]["you_changed"] and not rows["title_so"]["changed_meanwhile"]
    assert Page.objects.get(pk=page.pk).title_so == "Guri ku meel gaar ah"
    merged = form_data(response)
    assert merged["title_so"] == "Guriga ku-meel-gaarka ah"
    assert translator.post(url, merged).status_code == 302
    assert Page.objects.get(pk=page.pk).title_so == "Guriga ku-meel-gaarka ah"
