"""What readers see opts in to invalidation; nothing else ever empties the page cache."""

import io

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import transaction

from page_cache import generation
from page_cache.invalidation import is_reader_content
from tests.factories import make_contact_point, make_page, make_term, make_topic

# Transactions commit here as they do in production, and bump when they do.
pytestmark = pytest.mark.django_db(transaction=True)

READER_CONTENT = {
    "housing_info.topic",
    "housing_info.contactpoint",
    "housing_info.page",
    "housing_info.pathwaystep",
    "glossary.term",
    "smart_answers.question",
    "smart_answers.answer",
    "smart_answers.rule",
    "sharing.slugredirect",
    "search.pagekeywords",  # never shown, but search results depend on them
}
# Models whose rows no reader ever sees on a public page. A new model must be
# added to one of the two sets: registered with @reader_content, or named here.
NEVER_SHOWN_TO_READERS_APPS = {
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "axes",
    "otp_totp",
    "otp_static",
    "feedback",
    "language_demand",
}
NEVER_SHOWN_TO_READERS = {
    "housing_info.historicalpage",
    "translation_workflow.translatorprofile",
}


def test_every_model_is_either_reader_content_or_known_to_be_unseen():
    unclassified = []
    for model in apps.get_models():
        label = model._meta.concrete_model._meta.label_lower
        if is_reader_content(model):
            assert label in READER_CONTENT, f"{label} is registered but not listed here"
        elif (
            model._meta.app_label not in NEVER_SHOWN_TO_READERS_APPS
            and label not in NEVER_SHOWN_TO_READERS
        ):
            unclassified.append(label)
    assert not unclassified, (
        "Register these with @reader_content (page_cache.invalidation) if readers see "
        f"them, or name them in this test if they never do: {unclassified}"
    )
    assert {label for label in READER_CONTENT if is_reader_content(apps.get_model(label))} == (
        READER_CONTENT
    )


@pytest.fixture
def bumps(monkeypatch):
    counted = []
    bump = generation.bump

    def counted_bump():
        counted.append(True)
        bump()

    monkeypatch.setattr(generation, "bump", counted_bump)
    return counted


def test_one_save_bumps_once_when_committed(bumps):
    page = make_page()
    bumps.clear()
    with transaction.atomic():
        page.title_sv = "Ny rubrik"
        page.save()
        page.contact_points.add(make_contact_point())
        assert not bumps, "bumped before the commit"
    assert len(bumps) == 1


def test_a_page_saved_through_the_admin_bumps_once(staff_client, bumps):
    topic = make_topic()
    bumps.clear()
    data = {
        "title_sv": "Förstahandskontrakt",
        "summary_sv": "Så söker du en bostad.",
        "body_sv": "<p>Registrera dig hos Boplats.</p>",
        "slug": "first-hand-contract",
        "topic": topic.pk,
        "kind": "guidance",
        "order": "1",
        "published": "on",
    }
    response = staff_client.post("/admin/housing_info/page/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # The page, its history record, the admin's log entry: one bump.
    assert len(bumps) == 1


def test_linking_a_contact_point_bumps(bumps):
    page, contact = make_page(), make_contact_point()
    bumps.clear()
    page.contact_points.add(contact)
    assert len(bumps) == 1


def test_glossary_words_are_reader_content(bumps):
    make_term()
    assert len(bumps) == 1


def test_a_staff_login_bumps_nothing(client, django_user_model, bumps):
    django_user_model.objects.create_user("caseworker", password="a long passphrase")
    assert client.login(username="caseworker", password="a long passphrase")
    assert django_user_model.objects.get(username="caseworker").last_login is not None
    assert not bumps


@pytest.mark.parametrize(
    "write",
    [
        lambda user: SessionStore().save(),
        lambda user: LogEntry.objects.create(user=user, action_flag=ADDITION, object_repr="x"),
        lambda user: Group.objects.create(name="translators"),
    ],
    ids=["session", "admin log", "group"],
)
def test_writes_readers_never_see_bump_nothing(write, admin_user, bumps):
    write(admin_user)
    assert not bumps


def test_history_records_bump_nothing(bumps):
    page = make_page()
    bumps.clear()
    page.history.first().save()
    assert not bumps


def test_invalidate_page_cache_command_bumps():
    before = generation.current()
    call_command("invalidate_page_cache", stdout=io.StringIO())
    assert generation.current() == before + 1
