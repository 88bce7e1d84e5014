import io

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group
from django.core.management import call_command

from page_cache import generation
from page_cache.invalidation import is_ignored
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("label", "ignored"),
    [
        ("sessions.session", True),
        ("admin.logentry", True),
        ("axes.accessattempt", True),
        ("otp_totp.totpdevice", True),
        ("housing_info.page", False),
        ("auth.group", False),
    ],
)
def test_ignore_list_takes_app_labels_and_model_labels(label, ignored):
    from django.apps import apps

    assert is_ignored(apps.get_model(label)) is ignored


def test_ignore_list_is_a_setting(settings):
    settings.PAGE_CACHE_IGNORED_MODELS = ["auth.group"]
    assert is_ignored(Group)


def test_saving_bumps_at_once_and_again_on_commit(django_capture_on_commit_callbacks):
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_topic()
    assert generation.current() == before + 1
    assert callbacks, "no bump waits for the commit"
    for callback in callbacks:
        callback()
    assert generation.current() == before + 2


def test_admin_log_entries_do_not_bump(admin_user):
    before = generation.current()
    LogEntry.objects.create(user=admin_user, action_flag=ADDITION, object_repr="x")
    assert generation.current() == before


def test_invalidate_page_cache_command_bumps():
    before = generation.current()
    call_command("invalidate_page_cache", stdout=io.StringIO())
    assert generation.current() == before + 1
